package io.scoregateway.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's {@link SlotMap}, read with {@code CLUSTER SLOTS} from the first node that answers,
 * and one {@link NodeLink} per master. A master that appears (after a failover, the promoted
 * replica) gets a connection; one that leaves the map is closed.
 *
 * <p>Owned by its cluster link's event loop: refreshes and redirects run there, one at a time, and
 * publish a new map through the one volatile field that other threads read.
 */
final class ClusterTopology {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterTopology.class);
  static final long MIN_REFRESH_GAP_MS = 200;

  private final Owner owner;
  private final Vertx vertx;
  private final RedisOptions base;
  private final long stallMs;
  private final List<RedisScript> scripts;
  private final String scheme;
  private final String userInfo;
  private final List<String> seeds = new ArrayList<>();

  /** The current map; replaced whole by the owner, read by anyone. */
  private volatile SlotMap map = SlotMap.EMPTY;

  private long lastRefreshNanos;
  private Future<Void> refreshing;
  private boolean closed;

  /**
   * @param options cluster options: their endpoints are the seeds, the rest applies per node
   */
  ClusterTopology(
      Owner owner, Vertx vertx, RedisOptions options, long stallMs, List<RedisScript> scripts) {
    this.owner = owner;
    this.vertx = vertx;
    this.base = new RedisOptions(options).setType(RedisClientType.STANDALONE);
    this.stallMs = stallMs;
    this.scripts = scripts;
    URI first = URI.create(options.getEndpoints().get(0));
    this.scheme = first.getScheme();
    this.userInfo = first.getRawUserInfo() == null ? "" : first.getRawUserInfo() + "@";
    for (String e : options.getEndpoints()) {
      URI u = URI.create(e);
      seeds.add(u.getHost() + ":" + (u.getPort() < 0 ? 6379 : u.getPort()));
    }
  }

  /** The map as of now: safe to read from any thread. */
  SlotMap map() {
    return map;
  }

  void close() {
    closed = true;
    SlotMap last = map;
    map = SlotMap.EMPTY;
    for (NodeLink n : last.masters().values()) {
      n.close();
    }
  }

  /** A refresh now, unless one ran within the last {@value #MIN_REFRESH_GAP_MS} ms. */
  void refreshSoon() {
    if (System.nanoTime() - lastRefreshNanos > MIN_REFRESH_GAP_MS * 1_000_000) {
      refresh();
    }
  }

  /** Reads the slot map from the first node that answers; one refresh at a time. */
  Future<Void> refresh() {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("closed"));
    }
    if (refreshing != null) {
      return refreshing;
    }
    lastRefreshNanos = System.nanoTime();
    SlotMap now = map;
    Set<String> candidates = new LinkedHashSet<>();
    for (Map.Entry<String, NodeLink> e : now.masters().entrySet()) {
      if (e.getValue().isConnected()) {
        candidates.add(e.getKey());
      }
    }
    candidates.addAll(now.nodes());
    candidates.addAll(seeds);
    Future<Void> f = askSlots(new ArrayList<>(candidates), 0, null);
    refreshing = f;
    f.onComplete(
        ar -> {
          refreshing = null;
          if (ar.failed() && !closed) {
            LOG.warn("cluster slot map refresh failed: {}", ar.cause().getMessage());
          }
        });
    return f;
  }

  private Future<Void> askSlots(List<String> endpoints, int i, Throwable last) {
    if (i >= endpoints.size()) {
      // the last node's reason (a refused certificate, say) tells an operator what to fix
      String why = last == null ? "" : "; last: " + RedisFailures.describe(last);
      return Future.failedFuture(
          new ConnectException("no cluster node answered CLUSTER SLOTS: " + endpoints + why));
    }
    String endpoint = endpoints.get(i);
    Redis probe = Redis.createClient(vertx, nodeOptions(endpoint));
    return probe
        .send(Request.cmd(Command.CLUSTER).arg("SLOTS"))
        .timeout(probeTimeoutMs(), TimeUnit.MILLISECONDS)
        .andThen(ar -> probe.close())
        // the probe's reply may come back on its own context: the map changes on the owner's
        .compose(reply -> owner.call(() -> apply(endpoint, reply)))
        .recover(
            err -> {
              if (closed) {
                return Future.failedFuture(err);
              }
              LOG.debug("CLUSTER SLOTS from {} failed: {}", endpoint, err.toString());
              return askSlots(endpoints, i + 1, err);
            });
  }

  /**
   * How long one node may take to answer CLUSTER SLOTS. Each probe is a new client, and a new TLS
   * client builds its SSL context (PEM files, key managers) before its handshake: on a busy node
   * that alone can take more than a second, which must not read as "no node answered".
   */
  private long probeTimeoutMs() {
    return "rediss".equals(scheme) ? 5_000 : 1_000;
  }

  private Future<Void> apply(String askedEndpoint, Response reply) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("closed"));
    }
    if (reply == null || reply.size() == 0) {
      return Future.failedFuture(new IllegalStateException(askedEndpoint + " serves no slots yet"));
    }
    String askedHost = askedEndpoint.substring(0, askedEndpoint.lastIndexOf(':'));
    SlotMap before = map;
    NodeLink[] table = new NodeLink[HashSlot.SLOTS];
    Set<String> seen = new LinkedHashSet<>();
    Map<String, NodeLink> masters = new HashMap<>();
    Map<String, NodeLink> fresh = new HashMap<>();
    for (Response range : reply) {
      int from = range.get(0).toInteger();
      int to = range.get(1).toInteger();
      String master = endpoint(range.get(2), askedHost);
      NodeLink link = masters.get(master);
      if (link == null) {
        link = before.masters().get(master);
        if (link == null) {
          link = fresh.computeIfAbsent(master, this::newNode);
        }
        masters.put(master, link);
      }
      for (int s = from; s <= to; s++) {
        table[s] = link;
      }
      seen.add(master);
      for (int r = 3; r < range.size(); r++) {
        seen.add(endpoint(range.get(r), askedHost));
      }
    }
    map = new SlotMap(table, masters, List.copyOf(seen));
    for (Map.Entry<String, NodeLink> e : fresh.entrySet()) {
      LOG.info("cluster master {} joins the slot map", e.getKey());
      e.getValue().connect();
    }
    for (Map.Entry<String, NodeLink> e : before.masters().entrySet()) {
      if (!masters.containsKey(e.getKey())) {
        LOG.info("cluster node {} no longer serves slots: closing its connection", e.getKey());
        e.getValue().close();
      }
    }
    return Future.succeededFuture();
  }

  private static String endpoint(Response node, String fallbackHost) {
    String host = node.get(0) == null ? "" : node.get(0).toString();
    if (host.isEmpty() || host.equals("?")) {
      host = fallbackHost;
    }
    return host + ":" + node.get(1).toInteger();
  }

  /** The link of a master named in a redirect, created (and connected) when new. */
  NodeLink nodeAt(String endpoint) {
    NodeLink n = map.masters().get(endpoint);
    if (n != null) {
      return n;
    }
    NodeLink created = newNode(endpoint);
    map = map.withMaster(endpoint, created);
    created.connect();
    return created;
  }

  /** {@code slot} is now served by {@code node}, until the next refresh says otherwise. */
  void moved(int slot, NodeLink node) {
    map = map.moved(slot, node);
  }

  private NodeLink newNode(String endpoint) {
    return new NodeLink(owner, vertx, nodeOptions(endpoint), stallMs, scripts);
  }

  private RedisOptions nodeOptions(String endpoint) {
    RedisOptions o = new RedisOptions(base).setType(RedisClientType.STANDALONE);
    o.setEndpoints(new ArrayList<>(List.of(scheme + "://" + userInfo + endpoint)));
    return o;
  }
}
