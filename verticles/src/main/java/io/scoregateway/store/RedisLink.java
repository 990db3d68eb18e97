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
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One held, pipelined Redis connection owned by one verticle instance. Concurrent callers share it:
 * commands are written as they come and replies matched in order, so a request's stage is one
 * round trip however many commands it carries. When the connection drops, calls fail fast and a
 * reconnect is attempted in the background; scripts are loaded on every new connection.
 */
public final class RedisLink {
  private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
  private static final long MAX_BACKOFF_MS = 2_000;

  private final Vertx vertx;
  private final Redis client;
  private final AtomicLong roundTrips = new AtomicLong();
  private volatile RedisConnection connection;
  private Future<RedisConnection> connecting;
  private long backoffMs = 50;
  private boolean closed;

  public RedisLink(Vertx vertx, RedisOptions options) {
    this.vertx = vertx;
    this.client = Redis.createClient(vertx, options);
  }

  /** Connects (and loads scripts); the returned future fails if Redis is not reachable now. */
  public Future<RedisConnection> connect() {
    if (connection != null) {
      return Future.succeededFuture(connection);
    }
    if (connecting != null) {
      return connecting;
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
                  scheduleReconnect();
                });
    return connecting;
  }

  public boolean isConnected() {
    return connection != null;
  }

  /** How many writes this link has made (one per send or batch), for tests and metrics. */
  public long roundTrips() {
    return roundTrips.get();
  }

  public Future<Response> send(Request request) {
    RedisConnection conn = connection;
    if (conn == null) {
      return connect().compose(c -> send(request));
    }
    roundTrips.incrementAndGet();
    return conn.send(request);
  }

  /** Writes all requests in one IO; an empty list completes at once without a round trip. */
  public Future<List<Response>> batch(List<Request> requests) {
    if (requests.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    RedisConnection conn = connection;
    if (conn == null) {
      return connect().compose(c -> batch(requests));
    }
    roundTrips.incrementAndGet();
    return conn.batch(requests)
        .recover(
            err -> {
              if (!ScriptLoader.isNoScript(err)) {
                return Future.failedFuture(err);
              }
              // Redis lost its script cache (restart, SCRIPT FLUSH): reload once and retry.
              // Only idempotent scripts are batched, so the retry cannot double-count.
              return ScriptLoader.loadAll(conn)
                  .compose(
                      v -> {
                        roundTrips.incrementAndGet();
                        return conn.batch(requests);
                      });
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
    if (connection != null) {
      connection.close();
      connection = null;
    }
    client.close();
  }

  private void dropped(RedisConnection conn, Throwable err) {
    if (connection != conn) {
      return;
    }
    connection = null;
    if (err != null) {
      LOG.warn("redis connection dropped: {}", err.toString());
    }
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

  /** Splits a list into batches no larger than {@code size}, for bulk writers. */
  public static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return out;
  }

}
