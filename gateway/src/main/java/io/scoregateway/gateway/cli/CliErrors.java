package io.scoregateway.gateway.cli;

import io.scoregateway.gateway.config.ConfigException;
import io.scoregateway.redis.RedisUrl;
import io.scoregateway.store.CampaignStore;
import picocli.CommandLine;

/**
 * Every failure a command can end in becomes one line on stderr and an exit code: 2 for
 * configuration and usage (the README's contract), 1 for anything else. Users never see a stack
 * trace; set {@code GATEWAY_DEBUG=true} to get one for a bug report.
 */
public final class CliErrors {
  public static final int FAILED = 1;
  public static final int BAD_CONFIG = 2;

  private CliErrors() {}

  /** A command line whose commands fail in one readable line. */
  public static CommandLine configure(CommandLine cli) {
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> report(cmd, ex));
    return cli;
  }

  static int report(CommandLine cmd, Throwable ex) {
    if ("true".equalsIgnoreCase(System.getenv("GATEWAY_DEBUG"))) {
      ex.printStackTrace(cmd.getErr());
    }
    String command = cmd.getCommandName();
    if (ex instanceof ConfigException) {
      cmd.getErr().println("invalid configuration: " + RedisUrl.redact(ex.getMessage()));
      return BAD_CONFIG;
    }
    cmd.getErr().println(command + ": " + describe(ex));
    return FAILED;
  }

  /** One line: what went wrong in the product's words, with the root cause's message. */
  static String describe(Throwable ex) {
    if (ex instanceof CampaignStore.TrackConflict c) {
      return c.getMessage()
          + " (this Redis already holds other campaigns for these tracks: use an empty "
          + "Redis, or delete the campaign named first through the admin API)";
    }
    Throwable root = ex;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String own = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    String why =
        root == ex || root.getMessage() == null || own.contains(root.getMessage())
            ? ""
            : " (" + root.getMessage() + ")";
    return RedisUrl.redact((own + why).replace('\n', ' ').replace('\r', ' '));
  }
}
