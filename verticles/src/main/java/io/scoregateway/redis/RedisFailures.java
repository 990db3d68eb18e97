package io.scoregateway.redis;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Tells "Redis could not serve" (connection down, stalled, loading, failing over: retry later)
 * apart from "Redis answered with an error" (a wrong command or argument: a bug, not an outage).
 */
public final class RedisFailures {
  private static final String[] UNAVAILABLE_REPLIES = {
    "LOADING", "BUSY", "MASTERDOWN", "CLUSTERDOWN", "TRYAGAIN", "READONLY", "NOREPLICAS"
  };

  /**
   * A failed batch reports each command's failure as text ({@code ERR [0] java.net.SocketException:
   * Connection reset}): the I/O failures it can carry, by name.
   */
  private static final String[] WRAPPED_IO_FAILURES = {
    "java.net.",
    "java.io.IOException",
    "ClosedChannelException",
    "javax.net.ssl.",
    "TimeoutException",
    "Connection reset",
    "Broken pipe"
  };

  private RedisFailures() {}

  /**
   * One line for a log: the failure and its innermost cause (a TLS refusal arrives wrapped), every
   * Redis URL in it with the password hidden.
   */
  public static String describe(Throwable err) {
    Throwable root = err;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = String.valueOf(err.getMessage());
    if (root != err) {
      text += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    return RedisUrl.redact(text);
  }

  /** True when the failure says Redis is unavailable rather than that a command was wrong. */
  public static boolean isInfrastructure(Throwable err) {
    if (err instanceof BreakerOpen
        || err instanceof ConnectException
        || err instanceof TimeoutException) {
      return true;
    }
    Throwable t = err;
    for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
      if (t instanceof IOException) {
        return true; // reset, broken pipe, closed channel, TLS failure
      }
    }
    String msg = String.valueOf(err.getMessage());
    for (String io : WRAPPED_IO_FAILURES) {
      if (msg.contains(io)) {
        return true;
      }
    }
    if (msg.contains("Connection is closed")
        || msg.contains("CONNECTION_CLOSED")
        || msg.contains("Connection refused")
        || msg.contains("waiting queue is full")
        || msg.contains("Timed out")) {
      return true;
    }
    for (String reply : UNAVAILABLE_REPLIES) {
      if (msg.startsWith(reply) || msg.contains("] " + reply)) {
        return true;
      }
    }
    return false;
  }
}
