package io.scoregateway.gateway.cli;

import io.vertx.core.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Waits for a future from the CLI's main thread (never from an event loop). */
public final class Await {
  private Await() {}

  public static <T> T result(Future<T> f) {
    return result(f, Long.MAX_VALUE);
  }

  /** The same, giving up after {@code timeoutMs} with an {@link IllegalStateException}. */
  public static <T> T result(Future<T> f, long timeoutMs) {
    if (io.vertx.core.Context.isOnEventLoopThread()) {
      throw new IllegalStateException("Await.result called on an event loop");
    }
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<Throwable> err = new AtomicReference<>();
    AtomicReference<T> value = new AtomicReference<>();
    f.onComplete(
        ar -> {
          if (ar.succeeded()) {
            value.set(ar.result());
          } else {
            err.set(ar.cause());
          }
          done.countDown();
        });
    try {
      if (!done.await(timeoutMs, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("no answer within " + timeoutMs + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (err.get() != null) {
      Throwable t = err.get();
      throw t instanceof RuntimeException r ? r : new IllegalStateException(t.getMessage(), t);
    }
    return value.get();
  }
}
