package io.scoregateway.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Subscribes to one channel on the first candidate node that accepts, moving to the next one after
 * a refusal or a lost connection. Owned by the event loop it was created on.
 */
final class ChannelSubscriber implements RedisSubscriber {
  private final Owner owner;
  private final String channel;
  private final Runnable onMessage;
  private final List<Redis> candidates = new ArrayList<>();
  private int next;
  private RedisConnection connection;
  private boolean connecting;
  private boolean closed;

  /**
   * @param candidates where to subscribe, tried in turn (cluster mode: any node hears every
   *     PUBLISH)
   */
  ChannelSubscriber(
      Vertx vertx, List<RedisOptions> candidates, String channel, Runnable onMessage) {
    this.owner = new Owner(vertx);
    this.channel = channel;
    this.onMessage = onMessage;
    for (RedisOptions o : candidates) {
      this.candidates.add(Redis.createClient(vertx, o));
    }
  }

  @Override
  public void ensureSubscribed() {
    owner.run(
        () -> {
          if (connection == null && !connecting && !closed) {
            subscribe();
          }
        });
  }

  private void subscribe() {
    connecting = true;
    candidates
        .get(next)
        .connect()
        .onComplete(ar -> connecting = false)
        .onFailure(err -> moveOn())
        .onSuccess(
            conn -> {
              if (closed) {
                conn.close();
                return;
              }
              connection = conn;
              conn.handler(msg -> onMessage.run());
              conn.exceptionHandler(err -> lost(conn));
              conn.endHandler(v -> lost(conn));
              conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).onFailure(err -> lost(conn));
            });
  }

  private void lost(RedisConnection conn) {
    if (connection == conn) {
      connection = null;
      moveOn();
    }
  }

  /** The next attempt tries the next candidate. */
  private void moveOn() {
    next = (next + 1) % candidates.size();
  }

  @Override
  public void close() {
    owner.run(
        () -> {
          closed = true;
          if (connection != null) {
            connection.close();
            connection = null;
          }
          candidates.forEach(Redis::close);
        });
  }
}
