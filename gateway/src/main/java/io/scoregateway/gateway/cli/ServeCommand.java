package io.scoregateway.gateway.cli;

import io.scoregateway.gateway.boot.GatewayBoot;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: run the gateway against the configured Redis until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the gateway against the configured Redis.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws InterruptedException {
    GatewayBoot.Running running = Await.result(GatewayBoot.start(options.resolve(), Clock.systemUTC()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      stopped.countDown();
    }));
    stopped.await(); // the CLI's main thread parks until Ctrl-C; event loops keep serving
    return 0;
  }
}
