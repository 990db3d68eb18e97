package io.scoregateway.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * The event loop a link belongs to: the one it was created on (a verticle's), or, for a link made
 * outside Vert.x (a CLI command, a test), an event loop of its own. A link's state changes only
 * there, so it takes no locks: a call from another thread hops onto the owner first, and what other
 * threads may read (readiness, round-trip counts) is a volatile or immutable value.
 */
final class Owner {
  private final Context context;
  private volatile Thread thread;

  Owner(Vertx vertx) {
    Context current = Vertx.currentContext();
    if (current != null && Context.isOnEventLoopThread()) {
      this.context = current;
      this.thread = Thread.currentThread();
    } else {
      this.context = vertx.getOrCreateContext();
      context.runOnContext(v -> thread = Thread.currentThread());
    }
  }

  /** Whether the caller runs on the owning event loop. */
  boolean isCurrent() {
    return Thread.currentThread() == thread;
  }

  /** Runs {@code work} on the owning event loop: at once when already there. */
  <T> Future<T> call(Supplier<Future<T>> work) {
    if (isCurrent()) {
      return work.get();
    }
    Promise<T> promise = Promise.promise();
    context.runOnContext(
        v -> {
          try {
            work.get().onComplete(promise);
          } catch (RuntimeException e) {
            promise.tryFail(e);
          }
        });
    return promise.future();
  }

  /**
   * Runs {@code work} on the owning event loop after what it is doing now: on that loop, after the
   * turn that called this (the events read in the same poll included).
   */
  void later(Runnable work) {
    context.runOnContext(v -> work.run());
  }

  /** Runs {@code work} on the owning event loop: at once when already there. */
  void run(Runnable work) {
    if (isCurrent()) {
      work.run();
    } else {
      context.runOnContext(v -> work.run());
    }
  }
}
