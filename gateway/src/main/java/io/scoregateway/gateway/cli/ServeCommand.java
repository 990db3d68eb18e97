package io.scoregateway.gateway.cli;

import io.scoregateway.gateway.boot.GatewayBoot;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: run the gateway against the configured Redis until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = GatewayVersion.class,
    description = "Run the gateway against the configured Redis.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws InterruptedException {
    return Serving.untilStopped(
        GatewayBoot.start(options.resolve(), Clock.systemUTC()), () -> {}, () -> {});
  }
}
