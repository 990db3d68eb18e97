package io.scoregateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.gateway.Main;
import io.scoregateway.gateway.config.ConfigKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class ConfigOptionsTest {
  @Test
  void everyCommandHasAFlagForEveryKeyDescribedAsTheKeyIs() {
    CommandLine root = new CommandLine(new Main());
    for (CommandLine cmd : root.getSubcommands().values()) {
      for (ConfigKey k : ConfigKey.values()) {
        OptionSpec o = cmd.getCommandSpec().findOption(k.flag());
        assertThat(o).as("%s %s", cmd.getCommandName(), k.flag()).isNotNull();
        assertThat(String.join(" ", o.description())).startsWith(k.description()).contains(k.env());
      }
    }
  }

  @Test
  void givenFlagsAreKeptAsTypedAndAbsentOnesLeftToTheOtherSources() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--port", "7001", "--metrics", "false", "--no-auth");
    assertThat(serve.options.flags())
        .isEqualTo(
            Map.of(ConfigKey.PORT, "7001", ConfigKey.METRICS, "false", ConfigKey.NO_AUTH, "true"));

    ServeCommand bare = new ServeCommand();
    new CommandLine(bare).parseArgs("--redis", "redis://h:6379");
    assertThat(bare.options.flags()).isEqualTo(Map.of(ConfigKey.REDIS, "redis://h:6379"));
  }
}
