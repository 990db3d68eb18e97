package io.scoregateway.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis Cluster without the client's cluster mode: one held, pipelined {@link NodeLink} per master
 * (each with its own circuit breaker, stall detection and script loading), and commands routed by
 * the hash slot of their routing key from a slot map read with {@code CLUSTER SLOTS}.
 *
 * <ul>
 *   <li>{@link #batch} groups calls by the master owning their key's slot and writes one pipelined
 *       batch per master; replies are reassembled in call order.
 *   <li>{@link #mget} splits keys by slot (a multi-slot MGET is refused with CROSSSLOT, and the
 *       client's own cross-slot MGET returns values out of order in 5.0.x), sends one MGET per slot
 *       pipelined in each master's batch, and puts values back in key order.
 *   <li>{@code MOVED} updates the slot, {@code ASK} retries with {@code ASKING} on the target, both
 *       at most {@value #MAX_REDIRECTS} times; either also schedules a full map refresh.
 *   <li>The map is refreshed every {@value #REFRESH_MS} ms and, at most every {@value
 *       #MIN_REFRESH_GAP_MS} ms, whenever a master fails: after a failover the promoted replica
 *       shows up as the slot owner and gets a connection; masters no longer in the map are closed.
 * </ul>
 *
 * <p>A redirected or failed-over group is sent again as a whole: the commands of a group that ran
 * before the failing one run twice, which is why only idempotent scripts and reads are batched
 * (snapshot APPENDs may repeat a row; the later copy wins with the same value).
 *
 * <p>The link, its topology and its masters' links all belong to one event loop (see {@link
 * Owner}); routing, redirects and refreshes run there.
 */
final class ClusterLink implements RedisLink {
  static final long REFRESH_MS = 5_000;
  static final long MIN_REFRESH_GAP_MS = ClusterTopology.MIN_REFRESH_GAP_MS;
  static final int MAX_REDIRECTS = 3;
  private static final Pattern REDIRECT = Pattern.compile("(MOVED|ASK) (\\d+) (\\S+)");

  private final Owner owner;
  private final Vertx vertx;
  private final ClusterTopology topology;
  private long timer = -1;
  private boolean closed;

  /**
   * @param options cluster options: their endpoints are the seeds, the rest applies per node
   */
  ClusterLink(Vertx vertx, RedisOptions options, long stallMs, List<RedisScript> scripts) {
    this.owner = new Owner(vertx);
    this.vertx = vertx;
    this.topology = new ClusterTopology(owner, vertx, options, stallMs, scripts);
  }

  @Override
  public Future<Void> connect() {
    return owner.call(
        () -> {
          if (timer < 0 && !closed) {
            timer = vertx.setPeriodic(REFRESH_MS, id -> topology.refresh());
          }
          return topology
              .refresh()
              .compose(
                  v -> {
                    List<Future<Void>> all = new ArrayList<>();
                    for (NodeLink n : topology.map().masters().values()) {
                      all.add(n.connect());
                    }
                    return Future.all(all).mapEmpty();
                  });
        });
  }

  @Override
  public boolean isConnected() {
    SlotMap map = topology.map();
    if (!map.covered() || map.masters().isEmpty()) {
      return false;
    }
    for (NodeLink n : map.masters().values()) {
      if (!n.isConnected()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public BreakerState breakerState() {
    BreakerState worst = BreakerState.CLOSED;
    for (NodeLink n : topology.map().masters().values()) {
      BreakerState s = n.breakerState();
      if (s == BreakerState.OPEN) {
        return s;
      }
      if (s == BreakerState.HALF_OPEN) {
        worst = s;
      }
    }
    return worst;
  }

  @Override
  public long roundTrips() {
    long sum = 0;
    for (NodeLink n : topology.map().masters().values()) {
      sum += n.roundTrips();
    }
    return sum;
  }

  /** Per master ({@code host:port}), as of the last map refresh. */
  @Override
  public Map<String, Long> roundTripsByNode() {
    Map<String, Long> out = new LinkedHashMap<>();
    topology.map().masters().forEach((endpoint, n) -> out.put(endpoint, n.roundTrips()));
    return out;
  }

  @Override
  public Future<Response> send(RedisCall call) {
    return batch(List.of(call)).map(r -> r.get(0));
  }

  @Override
  public Future<List<Response>> batch(List<RedisCall> calls) {
    return batchDurable(calls, 0, 0);
  }

  @Override
  public Future<List<Response>> batchDurable(List<RedisCall> calls, int replicas, long waitMs) {
    if (calls.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    if (!owner.isCurrent()) {
      return owner.call(() -> batchDurable(calls, replicas, waitMs));
    }
    return route(calls, null, replicas, waitMs, 0, null);
  }

  @Override
  public Future<Response[]> mget(List<String> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(new Response[0]);
    }
    // one MGET per slot, in first-seen order; positions say where each value goes back
    Map<Integer, List<Integer>> bySlot = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      bySlot.computeIfAbsent(HashSlot.of(keys.get(i)), s -> new ArrayList<>(4)).add(i);
    }
    List<RedisCall> mgets = new ArrayList<>(bySlot.size());
    int[] slotOf = new int[bySlot.size()];
    List<List<Integer>> positions = new ArrayList<>(bySlot.size());
    for (Map.Entry<Integer, List<Integer>> e : bySlot.entrySet()) {
      List<Integer> pos = e.getValue();
      RedisCall mget = RedisCall.on(Command.MGET, keys.get(pos.get(0)));
      for (int j = 1; j < pos.size(); j++) {
        mget.arg(keys.get(pos.get(j)));
      }
      slotOf[mgets.size()] = e.getKey();
      mgets.add(mget);
      positions.add(pos);
    }
    Future<List<Response>> sent =
        owner.isCurrent()
            ? route(mgets, slotOf, 0, 0, 0, null)
            : owner.call(() -> route(mgets, slotOf, 0, 0, 0, null));
    return sent.map(
        replies -> {
          Response[] out = new Response[keys.size()];
          for (int m = 0; m < replies.size(); m++) {
            Response reply = replies.get(m);
            List<Integer> pos = positions.get(m);
            for (int j = 0; j < pos.size(); j++) {
              out[pos.get(j)] = reply.get(j);
            }
          }
          return out;
        });
  }

  @Override
  public void close() {
    owner.run(
        () -> {
          closed = true;
          if (timer >= 0) {
            vertx.cancelTimer(timer);
          }
          topology.close();
        });
  }

  // ---- routing

  /** A redirect to follow for one slot ({@code ASK}): send there, preceded by ASKING. */
  private record Ask(int slot, NodeLink node) {}

  /** The calls one master gets in one write. */
  private static final class Group {
    final NodeLink node;
    final List<RedisCall> wire = new ArrayList<>();
    final List<Boolean> asking = new ArrayList<>();
    final List<RedisCall> originals = new ArrayList<>();
    final List<Integer> slots = new ArrayList<>();
    final List<Integer> positions = new ArrayList<>();

    Group(NodeLink node) {
      this.node = node;
    }

    void add(RedisCall c, int slot, int position, boolean ask) {
      if (ask) {
        wire.add(RedisCall.keyless(Command.ASKING));
        asking.add(true);
      }
      wire.add(c);
      asking.add(false);
      originals.add(c);
      slots.add(slot);
      positions.add(position);
    }

    boolean hasAsking() {
      return wire.size() != originals.size();
    }

    int[] slotArray() {
      return slots.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private Future<List<Response>> route(
      List<RedisCall> calls, int[] knownSlots, int replicas, long waitMs, int attempt, Ask ask) {
    SlotMap map = topology.map();
    IdentityHashMap<NodeLink, Group> groups = new IdentityHashMap<>(4);
    List<Group> order = new ArrayList<>(4);
    for (int i = 0; i < calls.size(); i++) {
      RedisCall c = calls.get(i);
      int slot = knownSlots != null ? knownSlots[i] : slotOf(c);
      NodeLink node;
      boolean asking = false;
      if (ask != null && slot == ask.slot()) {
        node = ask.node();
        asking = true;
      } else {
        node = slot < 0 ? anyMaster(map) : map.at(slot);
      }
      if (node == null) {
        topology.refreshSoon();
        return Future.failedFuture(
            new ConnectException("CLUSTERDOWN no known master serves slot " + slot));
      }
      Group g = groups.get(node);
      if (g == null) {
        g = new Group(node);
        groups.put(node, g);
        order.add(g);
      }
      g.add(c, slot, i, asking);
    }
    if (order.size() == 1) {
      return sendGroup(order.get(0), replicas, waitMs, attempt);
    }
    Response[] out = new Response[calls.size()];
    List<Future<List<Response>>> sent = new ArrayList<>(order.size());
    for (Group g : order) {
      sent.add(
          sendGroup(g, replicas, waitMs, attempt)
              .onSuccess(
                  replies -> {
                    for (int k = 0; k < replies.size(); k++) {
                      out[g.positions.get(k)] = replies.get(k);
                    }
                  }));
    }
    return Future.all(sent).map(v -> Arrays.asList(out));
  }

  /** One write to one master; replies aligned with the group's calls (ASKING replies dropped). */
  private Future<List<Response>> sendGroup(Group g, int replicas, long waitMs, int attempt) {
    Future<List<Response>> sent =
        replicas > 0 ? g.node.batchDurable(g.wire, replicas, waitMs) : g.node.batch(g.wire);
    if (g.hasAsking()) {
      sent =
          sent.map(
              replies -> {
                List<Response> kept = new ArrayList<>(g.originals.size());
                for (int k = 0; k < replies.size(); k++) {
                  if (!g.asking.get(k)) {
                    kept.add(replies.get(k));
                  }
                }
                return kept;
              });
    }
    return sent.recover(
        err -> {
          Matcher m = REDIRECT.matcher(String.valueOf(err.getMessage()));
          if (m.find() && attempt < MAX_REDIRECTS) {
            int slot = Integer.parseInt(m.group(2));
            NodeLink target = topology.nodeAt(m.group(3));
            topology.refreshSoon();
            if (m.group(1).equals("MOVED")) {
              topology.moved(slot, target);
              return route(g.originals, g.slotArray(), replicas, waitMs, attempt + 1, null);
            }
            return route(
                g.originals, g.slotArray(), replicas, waitMs, attempt + 1, new Ask(slot, target));
          }
          if (RedisFailures.isInfrastructure(err)) {
            topology.refreshSoon();
          }
          return Future.failedFuture(err);
        });
  }

  private static int slotOf(RedisCall c) {
    String key = c.routingKey();
    return key == null ? -1 : HashSlot.of(key);
  }

  /** Keyless commands (PUBLISH, INFO...) go to whichever master serves slot 0, else any. */
  private static NodeLink anyMaster(SlotMap map) {
    if (map.at(0) != null) {
      return map.at(0);
    }
    for (NodeLink n : map.masters().values()) {
      return n;
    }
    return null;
  }
}
