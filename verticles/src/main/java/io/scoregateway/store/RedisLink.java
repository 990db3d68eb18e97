package io.scoregateway.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One held, pipelined Redis connection owned by one verticle instance. Concurrent callers share it:
 * commands are written as they come and replies matched in order, so a request's stage is one
 * round trip however many commands it carries.
 *
 * <p>A {@link CircuitBreaker} guards it: a dropped connection, a stall (the oldest call unanswered
 * for longer than {@code stallMs}) or repeated failures open it, and calls then fail fast with
 * {@link BreakerOpen} instead of queueing behind a dead or frozen Redis. A stalled connection is
 * closed so its pending calls fail at once. Reconnects run in the background with backoff;
 * scripts are loaded on every new connection before it is used.
 */
public final class RedisLink {
  private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
  private static final long MAX_BACKOFF_MS = 2_000;
  private static final long WATCH_MS = 25;

  private final Vertx vertx;
  private final Redis client;
  private final long stallNanos;
  private final CircuitBreaker breaker = new CircuitBreaker(System::nanoTime, 3, 100, 2_000);
  private final AtomicLong roundTrips = new AtomicLong();
  /** Send times of unanswered calls, oldest first (replies come back in order). */
  private final ConcurrentLinkedDeque<Long> pending = new ConcurrentLinkedDeque<>();
  private volatile RedisConnection connection;
  private Future<RedisConnection> connecting;
  private long backoffMs = 50;
  private long watch = -1;
  private boolean closed;

  /** A link for the gateway: a call unanswered for 250 ms counts as a stall. */
  public RedisLink(Vertx vertx, RedisOptions options) {
    this(vertx, options, 250);
  }

  /** @param stallMs how long the oldest call may go unanswered before the link gives up on it */
  public RedisLink(Vertx vertx, RedisOptions options, long stallMs) {
    this.vertx = vertx;
    this.client = Redis.createClient(vertx, options);
    this.stallNanos = stallMs * 1_000_000;
  }

  /** Connects (and loads scripts); the returned future fails if Redis is not reachable now. */
  public Future<RedisConnection> connect() {
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
            .compose(conn -> ScriptLoader.loadAll(conn).map(conn))
            .onSuccess(
                conn -> {
                  connection = conn;
                  connecting = null;
                  backoffMs = 50;
                  conn.exceptionHandler(err -> dropped(conn, err));
                  conn.endHandler(v -> dropped(conn, null));
                })
            .onFailure(
                err -> {
                  connecting = null;
                  breaker.trip();
                  scheduleReconnect();
                });
    return connecting;
  }

  /** Connected and the breaker lets calls through: what readiness reports. */
  public boolean isConnected() {
    return connection != null && breaker.state() != CircuitBreaker.State.OPEN;
  }

  public CircuitBreaker.State breakerState() {
    return breaker.state();
  }

  /** How many writes this link has made (one per send or batch), for tests and metrics. */
  public long roundTrips() {
    return roundTrips.get();
  }

  public Future<Response> send(Request request) {
    RedisConnection conn = connection;
    if (conn == null) {
      return reconnectThen(() -> send(request));
    }
    if (!breaker.allow()) {
      return Future.failedFuture(new BreakerOpen());
    }
    return track(conn.send(request));
  }

  /** Writes all requests in one IO; an empty list completes at once without a round trip. */
  public Future<List<Response>> batch(List<Request> requests) {
    if (requests.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    RedisConnection conn = connection;
    if (conn == null) {
      return reconnectThen(() -> batch(requests));
    }
    if (!breaker.allow()) {
      return Future.failedFuture(new BreakerOpen());
    }
    return track(conn.batch(requests))
        .recover(
            err -> {
              if (!ScriptLoader.isNoScript(err)) {
                return Future.failedFuture(err);
              }
              // Redis lost its script cache (restart, SCRIPT FLUSH): reload once and retry.
              // Only idempotent scripts are batched, so the retry cannot double-count.
              return ScriptLoader.loadAll(conn).compose(v -> track(conn.batch(requests)));
            });
  }

  /** Runs one script by SHA, loading it on NOSCRIPT. */
  public Future<Response> eval(LuaScript script, List<String> keys, List<String> args) {
    return batch(List.of(evalRequest(script, keys, args))).map(r -> r.get(0));
  }

  /** Builds an EVALSHA request. */
  public static Request evalRequest(LuaScript script, List<String> keys, List<String> args) {
    Request req = Request.cmd(Command.EVALSHA).arg(script.sha1()).arg(keys.size());
    for (String k : keys) {
      req.arg(k);
    }
    for (String a : args) {
      req.arg(a);
    }
    return req;
  }

  public void close() {
    closed = true;
    if (watch >= 0) {
      vertx.cancelTimer(watch);
    }
    if (connection != null) {
      connection.close();
      connection = null;
    }
    client.close();
  }

  /** Splits a list into batches no larger than {@code size}, for bulk writers. */
  public static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return out;
  }

  private <T> Future<T> reconnectThen(java.util.function.Supplier<Future<T>> call) {
    if (breaker.state() == CircuitBreaker.State.OPEN) {
      return Future.failedFuture(new BreakerOpen());
    }
    return connect().compose(c -> call.get());
  }

  private <T> Future<T> track(Future<T> call) {
    roundTrips.incrementAndGet();
    pending.addLast(System.nanoTime());
    return call.andThen(ar -> {
      pending.pollFirst();
      if (ar.succeeded() || !RedisFailures.isInfrastructure(ar.cause())) {
        breaker.success();
      } else {
        breaker.failure();
      }
    });
  }

  private void checkStall() {
    RedisConnection conn = connection;
    Long oldest = pending.peekFirst();
    if (conn != null && oldest != null && System.nanoTime() - oldest > stallNanos) {
      LOG.warn("redis stalled: a call is unanswered after {} ms; failing pending calls", stallNanos / 1_000_000);
      breaker.trip();
      connection = null;
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
    LOG.warn("redis connection dropped{}", err == null ? "" : ": " + err);
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (closed) {
      return;
    }
    long delay = backoffMs;
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    vertx.setTimer(delay, id -> {
      if (!closed && connection == null && connecting == null) {
        connect();
      }
    });
  }
}
