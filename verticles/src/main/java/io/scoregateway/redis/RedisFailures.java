package io.scoregateway.redis;

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
    String msg = String.valueOf(err.getMessage());
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
