package io.scoregateway.store;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which master serves which hash slot, read with {@code CLUSTER SLOTS} from the first node that
 * answers, and one {@link NodeLink} per master. A master that appears (after a failover, the
 * promoted replica) gets a connection; one that leaves the map is closed.
 */
final class ClusterTopology {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterTopology.class);
  static final long MIN_REFRESH_GAP_MS = 200;

  private final Vertx vertx;
  private final RedisOptions base;
  private final long stallMs;
  private final String scheme;
  private final String userInfo;
  private final List<String> seeds = new ArrayList<>();

  /** The masters' links by {@code host:port}. */
  final Map<String, NodeLink> masters = new ConcurrentHashMap<>();

  /** Slot to the link of its master; replaced whole on refresh, patched on MOVED. */
  volatile NodeLink[] slots = new NodeLink[HashSlot.SLOTS];

  /** Whether every slot has a master. */
  volatile boolean covered;

  private volatile List<String> knownNodes = List.of();
  private volatile long lastRefreshNanos;
  private Future<Void> refreshing;
  private volatile boolean closed;

  /**
   * @param options cluster options: their endpoints are the seeds, the rest applies per node
   */
  ClusterTopology(Vertx vertx, RedisOptions options, long stallMs) {
    this.vertx = vertx;
    this.base = new RedisOptions(options).setType(RedisClientType.STANDALONE);
    this.stallMs = stallMs;
    URI first = URI.create(options.getEndpoints().get(0));
    this.scheme = first.getScheme();
    this.userInfo = first.getRawUserInfo() == null ? "" : first.getRawUserInfo() + "@";
    for (String e : options.getEndpoints()) {
      URI u = URI.create(e);
      seeds.add(u.getHost() + ":" + (u.getPort() < 0 ? 6379 : u.getPort()));
    }
  }

  void close() {
    closed = true;
    for (NodeLink n : masters.values()) {
      n.close();
    }
    masters.clear();
  }

  /** A refresh now, unless one ran within the last {@value #MIN_REFRESH_GAP_MS} ms. */
  void refreshSoon() {
    if (System.nanoTime() - lastRefreshNanos > MIN_REFRESH_GAP_MS * 1_000_000) {
      refresh();
    }
  }

  /** Reads the slot map from the first node that answers; one refresh at a time. */
  synchronized Future<Void> refresh() {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("closed"));
    }
    if (refreshing != null) {
      return refreshing;
    }
    lastRefreshNanos = System.nanoTime();
    Set<String> candidates = new LinkedHashSet<>();
    for (Map.Entry<String, NodeLink> e : masters.entrySet()) {
      if (e.getValue().isConnected()) {
        candidates.add(e.getKey());
      }
    }
    candidates.addAll(knownNodes);
    candidates.addAll(seeds);
    List<String> list = new ArrayList<>(candidates);
    Future<Void> f = askSlots(list, 0, null);
    refreshing = f;
    f.onComplete(
        ar -> {
          synchronized (this) {
            refreshing = null;
          }
          if (ar.failed()) {
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
        .compose(reply -> apply(endpoint, reply))
        .recover(
            err -> {
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
    if (reply == null || reply.size() == 0) {
      return Future.failedFuture(new IllegalStateException(askedEndpoint + " serves no slots yet"));
    }
    String askedHost = askedEndpoint.substring(0, askedEndpoint.lastIndexOf(':'));
    NodeLink[] table = new NodeLink[HashSlot.SLOTS];
    Set<String> seen = new LinkedHashSet<>();
    Set<String> masterSet = new LinkedHashSet<>();
    Map<String, NodeLink> fresh = new HashMap<>();
    int served = 0;
    for (Response range : reply) {
      int from = range.get(0).toInteger();
      int to = range.get(1).toInteger();
      String master = endpoint(range.get(2), askedHost);
      NodeLink link = masters.get(master);
      if (link == null) {
        link = fresh.computeIfAbsent(master, this::newNode);
      }
      for (int s = from; s <= to; s++) {
        table[s] = link;
      }
      served += to - from + 1;
      masterSet.add(master);
      seen.add(master);
      for (int r = 3; r < range.size(); r++) {
        seen.add(endpoint(range.get(r), askedHost));
      }
    }
    masters.putAll(fresh);
    slots = table;
    covered = served == HashSlot.SLOTS;
    knownNodes = List.copyOf(seen);
    for (Map.Entry<String, NodeLink> e : fresh.entrySet()) {
      LOG.info("cluster master {} joins the slot map", e.getKey());
      e.getValue().connect();
    }
    for (String old : new ArrayList<>(masters.keySet())) {
      if (!masterSet.contains(old)) {
        NodeLink gone = masters.remove(old);
        if (gone != null) {
          LOG.info("cluster node {} no longer serves slots: closing its connection", old);
          gone.close();
        }
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
    NodeLink n = masters.get(endpoint);
    if (n != null) {
      return n;
    }
    NodeLink created = newNode(endpoint);
    NodeLink raced = masters.putIfAbsent(endpoint, created);
    if (raced != null) {
      created.close();
      return raced;
    }
    created.connect();
    return created;
  }

  private NodeLink newNode(String endpoint) {
    return new NodeLink(vertx, nodeOptions(endpoint), stallMs);
  }

  private RedisOptions nodeOptions(String endpoint) {
    RedisOptions o = new RedisOptions(base).setType(RedisClientType.STANDALONE);
    o.setEndpoints(new ArrayList<>(List.of(scheme + "://" + userInfo + endpoint)));
    return o;
  }
}
