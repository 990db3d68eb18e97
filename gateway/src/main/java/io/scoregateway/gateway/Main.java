package io.scoregateway.gateway;

import io.scoregateway.gateway.cli.CliErrors;
import io.scoregateway.gateway.cli.DemoDataCommand;
import io.scoregateway.gateway.cli.DevCommand;
import io.scoregateway.gateway.cli.GatewayVersion;
import io.scoregateway.gateway.cli.LoadScoresCommand;
import io.scoregateway.gateway.cli.ServeCommand;
import io.scoregateway.gateway.cli.SimulatePacingCommand;
import io.scoregateway.gateway.cli.Terminal;
import io.scoregateway.gateway.logging.LogFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar score-gateway.jar <command>}. */
@Command(
    name = "score-gateway",
    mixinStandardHelpOptions = true,
    versionProvider = GatewayVersion.class,
    description = "Reactive promotion score gateway on Vert.x and Redis.",
    subcommands = {
      ServeCommand.class,
      DevCommand.class,
      DemoDataCommand.class,
      LoadScoresCommand.class,
      SimulatePacingCommand.class
    })
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    LogFormat.apply(
        LogFormat.choose(
            System.getenv("GATEWAY_LOG_FORMAT"),
            args.length > 0 && args[0].equals("dev"),
            Terminal.attached()));
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code (failures print one line; bad config exits 2). */
  public static int run(String... args) {
    return CliErrors.configure(new CommandLine(new Main())).execute(args);
  }

  /** No command given: the usage goes to stderr and the exit code says it was a usage error. */
  @Override
  public Integer call() {
    new CommandLine(this).usage(System.err);
    return CliErrors.BAD_CONFIG;
  }
}
