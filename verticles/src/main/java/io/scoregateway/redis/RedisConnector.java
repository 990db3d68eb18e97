package io.scoregateway.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import java.util.List;

/**
 * The one way the gateway connects to Redis: links for commands, all for one deployment
 * (standalone, sentinel or cluster options, TLS already applied) and every link loading the same
 * scripts on each of its connections. Each link or subscriber belongs to the event loop that asks
 * for it.
 */
public final class RedisConnector {
  /** A call unanswered this long counts as a stall on the gateway's links. */
  public static final long DEFAULT_STALL_MS = 250;

  private final Vertx vertx;
  private final RedisOptions options;
  private final List<RedisScript> scripts;

  /**
   * @param options the deployment's client options; every link gets its own copy
   * @param scripts what every connection loads before it is used
   */
  public RedisConnector(Vertx vertx, RedisOptions options, List<? extends RedisScript> scripts) {
    this.vertx = vertx;
    this.options = new RedisOptions(options);
    this.scripts = List.copyOf(scripts);
  }

  /** A link on which a call unanswered for {@value #DEFAULT_STALL_MS} ms counts as a stall. */
  public RedisLink link() {
    return link(DEFAULT_STALL_MS);
  }

  /**
   * A link of its own: standalone and sentinel deployments get one held connection, cluster ones
   * one per master.
   *
   * @param stallMs how long the oldest call may go unanswered before the link gives up on it
   */
  public RedisLink link(long stallMs) {
    RedisOptions copy = new RedisOptions(options);
    if (copy.getType() == RedisClientType.CLUSTER) {
      return new ClusterLink(vertx, copy, stallMs, scripts);
    }
    return new NodeLink(new Owner(vertx), vertx, copy, stallMs, scripts);
  }
}
