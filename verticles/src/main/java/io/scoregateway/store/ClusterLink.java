package io.scoregateway.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.impl.RequestImpl;
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
 * hash slot from a slot map read with {@code CLUSTER SLOTS}.
 *
 * <ul>
 *   <li>{@link #batch} groups requests by the master owning their keys' slot and writes one
 *       pipelined batch per master; replies are reassembled in request order.
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
 */
public final class ClusterLink implements RedisLink {
  static final long REFRESH_MS = 5_000;
  static final long MIN_REFRESH_GAP_MS = ClusterTopology.MIN_REFRESH_GAP_MS;
  static final int MAX_REDIRECTS = 3;
  private static final Pattern REDIRECT = Pattern.compile("(MOVED|ASK) (\\d+) (\\S+)");

  private final Vertx vertx;
  private final ClusterTopology topology;
  private long timer = -1;
  private boolean closed;

  /**
   * @param options cluster options: their endpoints are the seeds, the rest applies per node
   */
  public ClusterLink(Vertx vertx, RedisOptions options, long stallMs) {
    this.vertx = vertx;
    this.topology = new ClusterTopology(vertx, options, stallMs);
  }

  @Override
  public Future<Void> connect() {
    synchronized (this) {
      if (timer < 0 && !closed) {
        timer = vertx.setPeriodic(REFRESH_MS, id -> topology.refresh());
      }
    }
    return topology
        .refresh()
        .compose(
            v -> {
              List<Future<Void>> all = new ArrayList<>();
              for (NodeLink n : topology.masters.values()) {
                all.add(n.connect());
              }
              return Future.all(all).mapEmpty();
            });
  }

  @Override
  public boolean isConnected() {
    if (!topology.covered || topology.masters.isEmpty()) {
      return false;
    }
    for (NodeLink n : topology.masters.values()) {
      if (!n.isConnected()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public CircuitBreaker.State breakerState() {
    CircuitBreaker.State worst = CircuitBreaker.State.CLOSED;
    for (NodeLink n : topology.masters.values()) {
      CircuitBreaker.State s = n.breakerState();
      if (s == CircuitBreaker.State.OPEN) {
        return s;
      }
      if (s == CircuitBreaker.State.HALF_OPEN) {
        worst = s;
      }
    }
    return worst;
  }

  @Override
  public long roundTrips() {
    long sum = 0;
    for (NodeLink n : topology.masters.values()) {
      sum += n.roundTrips();
    }
    return sum;
  }

  /** The masters' links by {@code host:port}, as of the last map refresh (for tests and tools). */
  public Map<String, NodeLink> masters() {
    return Map.copyOf(topology.masters);
  }

  /** The link to the master serving this key's slot, null while no master serves it. */
  public NodeLink nodeFor(String key) {
    return topology.slots[HashSlot.of(key)];
  }

  @Override
  public Future<Response> send(Request request) {
    return route(List.of(request), null, 0, 0, 0, null).map(r -> r.get(0));
  }

  @Override
  public Future<List<Response>> batch(List<Request> requests) {
    if (requests.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return route(requests, null, 0, 0, 0, null);
  }

  @Override
  public Future<List<Response>> batchDurable(List<Request> requests, int replicas, long waitMs) {
    if (requests.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return route(requests, null, replicas, waitMs, 0, null);
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
    List<Request> mgets = new ArrayList<>(bySlot.size());
    int[] slotOf = new int[bySlot.size()];
    List<List<Integer>> positions = new ArrayList<>(bySlot.size());
    for (Map.Entry<Integer, List<Integer>> e : bySlot.entrySet()) {
      Request mget = Request.cmd(Command.MGET);
      for (int i : e.getValue()) {
        mget.arg(keys.get(i));
      }
      slotOf[mgets.size()] = e.getKey();
      mgets.add(mget);
      positions.add(e.getValue());
    }
    return route(mgets, slotOf, 0, 0, 0, null)
        .map(
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
    synchronized (this) {
      closed = true;
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
    }
    topology.close();
  }

  // ---- routing

  /** A redirect to follow for one slot ({@code ASK}): send there, preceded by ASKING. */
  private record Ask(int slot, NodeLink node) {}

  /** The requests one master gets in one write. */
  private static final class Group {
    final NodeLink node;
    final List<Request> wire = new ArrayList<>();
    final List<Boolean> asking = new ArrayList<>();
    final List<Request> originals = new ArrayList<>();
    final List<Integer> slots = new ArrayList<>();
    final List<Integer> positions = new ArrayList<>();

    Group(NodeLink node) {
      this.node = node;
    }

    void add(Request r, int slot, int position, boolean ask) {
      if (ask) {
        wire.add(Request.cmd(Command.ASKING));
        asking.add(true);
      }
      wire.add(r);
      asking.add(false);
      originals.add(r);
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
      List<Request> requests, int[] knownSlots, int replicas, long waitMs, int attempt, Ask ask) {
    NodeLink[] table = topology.slots;
    Map<NodeLink, Group> groups = new IdentityHashMap<>(4);
    List<Group> order = new ArrayList<>(4);
    for (int i = 0; i < requests.size(); i++) {
      Request r = requests.get(i);
      int slot = knownSlots != null ? knownSlots[i] : slotOf(r);
      NodeLink node;
      boolean asking = false;
      if (ask != null && slot == ask.slot()) {
        node = ask.node();
        asking = true;
      } else {
        node = slot < 0 ? anyMaster(table) : table[slot];
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
      g.add(r, slot, i, asking);
    }
    if (order.size() == 1) {
      return sendGroup(order.get(0), replicas, waitMs, attempt);
    }
    Response[] out = new Response[requests.size()];
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

  /**
   * One write to one master; replies aligned with the group's requests (ASKING replies dropped).
   */
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
              topology.slots[slot] = target;
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

  private static int slotOf(Request r) {
    List<byte[]> keys = ((RequestImpl) r).keys();
    return keys == null || keys.isEmpty() ? -1 : HashSlot.of(keys.get(0));
  }

  /** Keyless commands (PUBLISH, INFO...) go to whichever master serves slot 0, else any. */
  private NodeLink anyMaster(NodeLink[] table) {
    if (table[0] != null) {
      return table[0];
    }
    for (NodeLink n : topology.masters.values()) {
      return n;
    }
    return null;
  }
}
