package io.scoregateway.redis;

/**
 * Writes were applied on the master but fewer replicas than required acknowledged them within the
 * wait: they could be lost in a failover, so the caller is not told they are durable.
 */
public final class NotReplicated extends RuntimeException {
  public NotReplicated(int required, long acknowledged) {
    super(
        "NOREPLICAS: " + acknowledged + " of " + required + " replicas acknowledged the writes",
        null,
        false,
        false);
  }
}
