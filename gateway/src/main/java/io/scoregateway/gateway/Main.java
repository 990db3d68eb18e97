package io.scoregateway.gateway;

import io.scoregateway.gateway.cli.DemoDataCommand;
import io.scoregateway.gateway.cli.DevCommand;
import io.scoregateway.gateway.cli.LoadScoresCommand;
import io.scoregateway.gateway.cli.ServeCommand;
import io.scoregateway.gateway.cli.SimulatePacingCommand;
import io.scoregateway.gateway.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar score-gateway.jar <command>}. */
@Command(
    name = "score-gateway",
    mixinStandardHelpOptions = true,
    description = "Reactive promotion score gateway on Vert.x and Redis.",
    subcommands = {ServeCommand.class, DevCommand.class, DemoDataCommand.class, LoadScoresCommand.class,
      SimulatePacingCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code (config errors print one line and exit 2). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof ConfigException) {
        cmd.getErr().println("invalid configuration: " + ex.getMessage());
        return 2;
      }
      throw ex;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
