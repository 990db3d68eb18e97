package io.scoregateway.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;

/**
 * What the stores need from Redis: pipelined sends over connections a verticle holds. Standalone
 * and sentinel deployments get a {@link NodeLink} (one connection); cluster deployments a {@link
 * ClusterLink} (one connection per master, commands grouped by hash slot so each stage is one
 * pipelined batch per master).
 */
public interface RedisLink {
  /** A call unanswered this long counts as a stall on the gateway's links. */
  long DEFAULT_STALL_MS = 250;

  /** The link for these options' deployment type. */
  static RedisLink create(Vertx vertx, RedisOptions options, long stallMs) {
    if (options.getType() == RedisClientType.CLUSTER) {
      return new ClusterLink(vertx, options, stallMs);
    }
    return new NodeLink(vertx, options, stallMs);
  }

  /** The gateway's link: a call unanswered for 250 ms counts as a stall. */
  static RedisLink create(Vertx vertx, RedisOptions options) {
    return create(vertx, options, DEFAULT_STALL_MS);
  }

  /** Connects (and loads scripts); fails if Redis is not reachable now (reconnects go on). */
  Future<Void> connect();

  /** Connected and the breaker(s) let calls through: what readiness reports. */
  boolean isConnected();

  /** The breaker's state; in cluster mode the worst of the masters'. */
  CircuitBreaker.State breakerState();

  /**
   * How many writes this link has made (one per send or batch, per node), for tests and metrics.
   */
  long roundTrips();

  Future<Response> send(Request request);

  /**
   * Writes all requests pipelined (one write per node); replies in request order. An empty list
   * completes at once without a round trip. A NOSCRIPT reply reloads the scripts and retries once,
   * so only idempotent scripts may be batched.
   */
  Future<List<Response>> batch(List<Request> requests);

  /**
   * Like {@link #batch}, then {@code WAIT replicas waitMs} on the same connection(s) (one per node
   * touched); fails with {@link NotReplicated} when fewer replicas acknowledged. {@code replicas} 0
   * is a plain batch.
   */
  Future<List<Response>> batchDurable(List<Request> requests, int replicas, long waitMs);

  /** Values of the keys (null where missing), in key order, however the keys spread over nodes. */
  Future<Response[]> mget(List<String> keys);

  void close();

  /** Runs one script by SHA, loading it on NOSCRIPT. */
  default Future<Response> eval(LuaScript script, List<String> keys, List<String> args) {
    return batch(List.of(evalRequest(script, keys, args))).map(r -> r.get(0));
  }

  /** Builds an EVALSHA request. */
  static Request evalRequest(LuaScript script, List<String> keys, List<String> args) {
    Request req = Request.cmd(Command.EVALSHA).arg(script.sha1()).arg(keys.size());
    for (String k : keys) {
      req.arg(k);
    }
    for (String a : args) {
      req.arg(a);
    }
    return req;
  }
}
