package io.scoregateway.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.Map;

/**
 * What the stores need from Redis: pipelined sends over connections a verticle holds, each command
 * with its routing key. Made by a {@link RedisConnector}: standalone and sentinel deployments get
 * one held connection, cluster deployments one per master (commands grouped by hash slot, so each
 * stage is one pipelined batch per master).
 *
 * <p>A link belongs to the event loop it was created on; calls from elsewhere are carried there.
 */
public interface RedisLink {
  /** Connects (and loads scripts); fails if Redis is not reachable now (reconnects go on). */
  Future<Void> connect();

  /** Connected and the breaker(s) let calls through: what readiness reports. */
  boolean isConnected();

  /** The breaker's state; in cluster mode the worst of the masters'. */
  BreakerState breakerState();

  /**
   * How many writes this link has made (one per send or batch, per node), for tests and metrics.
   */
  long roundTrips();

  /** {@link #roundTrips()} per node ({@code host:port}, or the URL of a single-node link). */
  Map<String, Long> roundTripsByNode();

  Future<Response> send(RedisCall call);

  /**
   * Writes all calls pipelined (one write per node); replies in call order. An empty list completes
   * at once without a round trip. A NOSCRIPT reply reloads the scripts and retries once, so only
   * idempotent scripts may be batched.
   */
  Future<List<Response>> batch(List<RedisCall> calls);

  /**
   * Like {@link #batch}, then {@code WAIT replicas waitMs} on the same connection(s) (one per node
   * touched); fails with {@link NotReplicated} when fewer replicas acknowledged. {@code replicas} 0
   * is a plain batch.
   */
  Future<List<Response>> batchDurable(List<RedisCall> calls, int replicas, long waitMs);

  /** Values of the keys (null where missing), in key order, however the keys spread over nodes. */
  Future<Response[]> mget(List<String> keys);

  void close();

  /** Runs one script by SHA, loading it on NOSCRIPT. */
  default Future<Response> eval(RedisScript script, List<String> keys, List<String> args) {
    return batch(List.of(RedisCall.eval(script, keys, args))).map(r -> r.get(0));
  }
}
