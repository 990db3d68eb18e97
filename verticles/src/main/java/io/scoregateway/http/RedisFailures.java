package io.scoregateway.http;

import io.vertx.core.impl.NoStackTraceThrowable;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Recognises failures that mean "Redis could not confirm": answered 503, safe to retry. */
final class RedisFailures {
  private RedisFailures() {}

  static boolean isUnavailable(Throwable err) {
    if (err instanceof ConnectException || err instanceof TimeoutException) {
      return true;
    }
    String msg = String.valueOf(err.getMessage());
    return err instanceof NoStackTraceThrowable
        || msg.contains("Connection is closed")
        || msg.contains("CONNECTION_CLOSED")
        || msg.contains("Connection refused")
        || msg.contains("waiting queue is full")
        || msg.contains("LOADING")
        || msg.contains("Timed out");
  }
}
