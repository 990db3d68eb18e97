package io.scoregateway.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way the gateway connects to Redis: links for commands and subscribers for channels, all
 * for one deployment (standalone, sentinel or cluster options, TLS already applied) and every link
 * loading the same scripts on each of its connections. Each link or subscriber belongs to the event
 * loop that asks for it.
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

  /**
   * A subscriber to {@code channel} that runs {@code onMessage} on every message. In cluster mode
   * one standalone connection to any node hears every PUBLISH (cluster pub/sub is broadcast), so
   * each seed is a candidate, tried in turn when one fails.
   */
  public RedisSubscriber subscriber(String channel, Runnable onMessage) {
    List<RedisOptions> candidates = new ArrayList<>();
    if (options.getType() == RedisClientType.CLUSTER) {
      for (String e : options.getEndpoints()) {
        candidates.add(
            new RedisOptions(options)
                .setType(RedisClientType.STANDALONE)
                .setEndpoints(new ArrayList<>(List.of(e))));
      }
    } else {
      candidates.add(new RedisOptions(options));
    }
    return new ChannelSubscriber(vertx, candidates, channel, onMessage);
  }
}
