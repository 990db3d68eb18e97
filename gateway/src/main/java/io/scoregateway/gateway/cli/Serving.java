package io.scoregateway.gateway.cli;

import io.scoregateway.gateway.boot.GatewayBoot;
import io.vertx.core.Future;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a gateway within a bounded time and parks the main thread until the process is stopped.
 */
final class Serving {
  /** A start that takes longer than this has gone wrong: say so instead of hanging. */
  static final long START_TIMEOUT_MS = 20_000;

  private Serving() {}

  /**
   * @param afterStop runs after the gateway has stopped (e.g. stop the Redis {@code dev} started)
   */
  static int untilStopped(
      Future<GatewayBoot.Running> starting, Runnable beforeWait, Runnable afterStop)
      throws InterruptedException {
    GatewayBoot.Running running;
    try {
      running = Await.result(starting, START_TIMEOUT_MS);
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).startsWith("no answer within")) {
        throw new IllegalStateException(
            "start-up did not finish within " + START_TIMEOUT_MS / 1000 + " s");
      }
      throw e;
    }
    beforeWait.run();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  afterStop.run();
                  stopped.countDown();
                }));
    stopped.await(); // the CLI's main thread parks until Ctrl-C; event loops keep serving
    return 0;
  }
}
