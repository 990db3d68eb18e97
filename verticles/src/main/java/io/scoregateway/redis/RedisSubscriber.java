package io.scoregateway.redis;

/**
 * A pub/sub connection listening to one channel. Its holder calls {@link #ensureSubscribed()} on
 * its own schedule (a poll tick): a lost or refused connection is retried then, on the next
 * candidate node, so notifications resume without a reconnect loop of their own.
 */
public interface RedisSubscriber {
  /** Connects and subscribes unless subscribed already. */
  void ensureSubscribed();

  void close();
}
