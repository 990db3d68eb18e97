package io.scoregateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.gateway.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class CommandOptionsTest {
  @Test
  void everyOptionOfEveryCommandHasADescription() {
    CommandLine root = new CommandLine(new Main());
    int checked = 0;
    for (CommandLine cmd : root.getSubcommands().values()) {
      for (OptionSpec o : cmd.getCommandSpec().options()) {
        String text = String.join(" ", o.description()).trim();
        assertThat(text).as("%s %s", cmd.getCommandName(), o.longestName()).isNotEmpty();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
  }
}
