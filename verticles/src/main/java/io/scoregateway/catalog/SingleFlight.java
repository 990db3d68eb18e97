package io.scoregateway.catalog;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Supplier;

/**
 * One run of a task at a time on one context: a call while it runs is answered by the one run that
 * follows it (so the caller sees the state it asked for), however many calls came meanwhile.
 */
final class SingleFlight {
  private final Supplier<Future<Void>> task;
  private boolean running;
  private Promise<Void> next;

  SingleFlight(Supplier<Future<Void>> task) {
    this.task = task;
  }

  Future<Void> run() {
    if (running) {
      if (next == null) {
        next = Promise.promise();
      }
      return next.future();
    }
    running = true;
    return task.get()
        .onComplete(
            ar -> {
              running = false;
              Promise<Void> waiting = next;
              next = null;
              if (waiting != null) {
                run().onComplete(waiting);
              }
            });
  }
}
