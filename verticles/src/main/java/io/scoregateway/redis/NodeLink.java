package io.scoregateway.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One held, pipelined Redis connection owned by one event loop (standalone and sentinel modes; in
 * cluster mode {@link ClusterLink} holds one per master). Concurrent callers share it: commands are
 * written as they come and replies matched in order, so a request's stage is one round trip however
 * many commands it carries.
 *
 * <p>A {@link CircuitBreaker} guards it: a dropped connection, a stall (the oldest call unanswered
 * for longer than {@code stallMs}) or repeated failures open it, and calls then fail fast with
 * {@link BreakerOpen} instead of queueing behind a dead or frozen Redis. A stalled connection is
 * closed so its pending calls fail at once. Reconnects run in the background with backoff; scripts
 * are loaded on every new connection before it is used.
 *
 * <p>Every field but {@link #connection} and the counters is touched by the owning event loop only.
 */
final class NodeLink implements RedisLink {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLink.class);
  private static final long MAX_BACKOFF_MS = 2_000;
  private static final long WATCH_MS = 25;

  private final Owner owner;
  private final Vertx vertx;
  private final Redis client;
  private final List<RedisScript> scripts;
  private final long stallNanos;
  private final CircuitBreaker breaker = new CircuitBreaker(System::nanoTime, 3, 100, 2_000);
  private final AtomicLong roundTrips = new AtomicLong();
  private final String endpoint;

  /** Send times of unanswered calls, oldest first (replies come back in order). */
  private final ArrayDeque<Long> pending = new ArrayDeque<>();

  /** Read by readiness on other event loops; written by the owner only. */
  private volatile RedisConnection connection;

  private Future<RedisConnection> connecting;
  private long backoffMs = 50;
  private long watch = -1;
  private boolean closed;
  private final String name;

  /** When this link lost Redis (a drop, a stall or a failed first connect), -1 while connected. */
  private long lostAtMs = -1;

  private boolean everConnected;

  /** The MGETs of one event-loop turn, sent as one. */
  private final MgetBatcher mgets;

  /**
   * @param owner the event loop this link's state belongs to (a cluster link's, for its nodes)
   * @param stallMs how long the oldest call may go unanswered before the link gives up on it
   */
  NodeLink(
      Owner owner, Vertx vertx, RedisOptions options, long stallMs, List<RedisScript> scripts) {
    this.owner = owner;
    this.vertx = vertx;
    this.client = Redis.createClient(vertx, options);
    this.scripts = scripts;
    this.stallNanos = stallMs * 1_000_000;
    this.endpoint = RedisUrl.redact(options.getEndpoint());
    // log lines name the link by its URL, password hidden: which node, which scheme
    this.name = " " + endpoint;
    this.mgets = new MgetBatcher(owner, this::send, this::batch);
  }

  @Override
  public Future<Void> connect() {
    return owner.call(this::connection).mapEmpty();
  }

  private Future<RedisConnection> connection() {
    if (connection != null) {
      return Future.succeededFuture(connection);
    }
    if (connecting != null) {
      return connecting;
    }
    if (watch < 0 && !closed) {
      watch = vertx.setPeriodic(WATCH_MS, id -> checkStall());
    }
    connecting =
        client
            .connect()
            .compose(conn -> ScriptLoader.loadAll(conn, scripts).map(conn))
            .onSuccess(
                conn -> {
                  connection = conn;
                  connecting = null;
                  backoffMs = 50;
                  // connecting and loading the scripts answered: that is the breaker's probe, so an
                  // idle link (no calls to probe with) is usable, and ready, as soon as Redis is
                  // back
                  breaker.success();
                  if (lostAtMs >= 0) {
                    LOG.info(
                        "redis{} reconnected after {} ms",
                        name,
                        System.currentTimeMillis() - lostAtMs);
                    lostAtMs = -1;
                  }
                  everConnected = true;
                  conn.exceptionHandler(err -> dropped(conn, err));
                  conn.endHandler(v -> dropped(conn, null));
                })
            .onFailure(
                err -> {
                  connecting = null;
                  if (lostAtMs < 0 && !closed) {
                    // one line per outage, not one per retry
                    lostAtMs = System.currentTimeMillis();
                    LOG.warn(
                        "redis{} {}: {}; retrying in the background",
                        name,
                        everConnected ? "reconnect failed" : "unreachable",
                        RedisFailures.describe(err));
                  }
                  breaker.trip();
                  scheduleReconnect();
                });
    return connecting;
  }

  @Override
  public boolean isConnected() {
    return connection != null && breaker.state() != BreakerState.OPEN;
  }

  @Override
  public BreakerState breakerState() {
    return breaker.state();
  }

  @Override
  public long roundTrips() {
    return roundTrips.get();
  }

  @Override
  public Map<String, Long> roundTripsByNode() {
    return Map.of(endpoint, roundTrips());
  }

  @Override
  public Future<Response> send(RedisCall call) {
    if (!owner.isCurrent()) {
      return owner.call(() -> send(call));
    }
    RedisConnection conn = connection;
    if (conn == null) {
      return reconnectThen(() -> send(call));
    }
    if (!breaker.allow()) {
      return Future.failedFuture(new BreakerOpen());
    }
    return track(conn.send(call.request()));
  }

  @Override
  public Future<List<Response>> batch(List<RedisCall> calls) {
    if (calls.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    if (!owner.isCurrent()) {
      return owner.call(() -> batch(calls));
    }
    RedisConnection conn = connection;
    if (conn == null) {
      return reconnectThen(() -> batch(calls));
    }
    if (!breaker.allow()) {
      return Future.failedFuture(new BreakerOpen());
    }
    List<Request> wire = new ArrayList<>(calls.size());
    for (RedisCall c : calls) {
      wire.add(c.request());
    }
    return track(conn.batch(wire))
        .recover(
            err -> {
              if (!ScriptLoader.isNoScript(err)) {
                return Future.failedFuture(err);
              }
              // Redis lost its script cache (restart, SCRIPT FLUSH): reload once and retry.
              // Only idempotent scripts are batched, so the retry cannot double-count.
              return ScriptLoader.loadAll(conn, scripts).compose(v -> track(conn.batch(wire)));
            });
  }

  @Override
  public void close() {
    owner.run(
        () -> {
          closed = true;
          if (watch >= 0) {
            vertx.cancelTimer(watch);
          }
          if (connection != null) {
            connection.close();
            connection = null;
          }
          client.close();
        });
  }

  private <T> Future<T> reconnectThen(Supplier<Future<T>> call) {
    if (breaker.state() == BreakerState.OPEN) {
      return Future.failedFuture(new BreakerOpen());
    }
    return connection().compose(c -> call.get());
  }

  /** Every MGET asked during one event-loop turn is sent as one command ({@link MgetBatcher}). */
  @Override
  public Future<Response[]> mget(List<String> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(new Response[0]);
    }
    if (!owner.isCurrent()) {
      return owner.call(() -> mgets.mget(keys));
    }
    return mgets.mget(keys);
  }

  @Override
  public Future<List<Response>> batchDurable(List<RedisCall> calls, int replicas, long waitMs) {
    if (replicas <= 0 || calls.isEmpty()) {
      return batch(calls);
    }
    List<RedisCall> withWait = new ArrayList<>(calls.size() + 1);
    withWait.addAll(calls);
    // WAIT covers every write this connection made before it: the scripts just above
    withWait.add(RedisCall.keyless(Command.WAIT).arg(replicas).arg(waitMs));
    return batch(withWait)
        .compose(
            replies -> {
              long acked = replies.get(replies.size() - 1).toLong();
              if (acked < replicas) {
                return Future.failedFuture(new NotReplicated(replicas, acked));
              }
              return Future.succeededFuture(replies.subList(0, calls.size()));
            });
  }

  private <T> Future<T> track(Future<T> call) {
    roundTrips.incrementAndGet();
    pending.addLast(System.nanoTime());
    RedisConnection conn = connection;
    return call.andThen(
        ar -> {
          pending.pollFirst();
          if (ar.succeeded() || !RedisFailures.isInfrastructure(ar.cause())) {
            breaker.success();
          } else {
            breaker.failure();
            if (conn != null && String.valueOf(ar.cause().getMessage()).contains("READONLY")) {
              // the node we hold was demoted to a replica (sentinel failover): find the new master
              LOG.warn("redis{} answers READONLY: reconnecting to the current master", name);
              conn.close();
              dropped(conn, null);
            }
          }
        });
  }

  private void checkStall() {
    RedisConnection conn = connection;
    Long oldest = pending.peekFirst();
    if (conn != null && oldest != null && System.nanoTime() - oldest > stallNanos) {
      LOG.warn(
          "redis{} stalled: a call is unanswered after {} ms; failing pending calls",
          name,
          stallNanos / 1_000_000);
      breaker.trip();
      connection = null;
      lostAtMs = System.currentTimeMillis();
      // closing fails every pending call, and each failure takes its entry off the queue
      conn.close();
      scheduleReconnect();
    }
  }

  private void dropped(RedisConnection conn, Throwable err) {
    if (connection != conn) {
      return;
    }
    connection = null;
    breaker.trip();
    if (!closed) {
      lostAtMs = System.currentTimeMillis();
      LOG.warn(
          "redis{} connection lost{}; reconnecting",
          name,
          err == null ? "" : ": " + RedisUrl.redact(err.toString()));
    }
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (closed) {
      return;
    }
    long delay = backoffMs;
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    vertx.setTimer(
        delay,
        id -> {
          if (!closed && connection == null && connecting == null) {
            connection();
          }
        });
  }
}
