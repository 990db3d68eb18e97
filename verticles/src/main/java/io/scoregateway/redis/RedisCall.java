package io.scoregateway.redis;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.List;

/**
 * One Redis command and the key that decides which node runs it. The routing key travels with the
 * command, so a cluster link routes by hash slot without looking inside the client's request.
 */
public final class RedisCall {
  private final Request request;
  private final String routingKey;

  private RedisCall(Request request, String routingKey) {
    this.request = request;
    this.routingKey = routingKey;
  }

  /** {@code command key ...}: the key is the first argument and the routing key. */
  public static RedisCall on(Command command, String key) {
    return new RedisCall(Request.cmd(command).arg(key), key);
  }

  /** A command that names no key (INFO, PING, PUBLISH): any master may run it. */
  public static RedisCall keyless(Command command) {
    return new RedisCall(Request.cmd(command), null);
  }

  /** {@code EVALSHA sha numkeys keys... args...}, routed by the first key. */
  public static RedisCall eval(RedisScript script, List<String> keys, List<String> args) {
    Request req = Request.cmd(Command.EVALSHA).arg(script.sha1()).arg(keys.size());
    for (String k : keys) {
      req.arg(k);
    }
    for (String a : args) {
      req.arg(a);
    }
    return new RedisCall(req, keys.isEmpty() ? null : keys.get(0));
  }

  public RedisCall arg(String arg) {
    request.arg(arg);
    return this;
  }

  public RedisCall arg(long arg) {
    request.arg(arg);
    return this;
  }

  public RedisCall arg(double arg) {
    request.arg(arg);
    return this;
  }

  public RedisCall arg(byte[] arg) {
    request.arg(arg);
    return this;
  }

  /** The key whose hash slot picks the node; null when the command names none. */
  String routingKey() {
    return routingKey;
  }

  Request request() {
    return request;
  }

  @Override
  public String toString() {
    return request.command() + (routingKey == null ? "" : " " + routingKey);
  }
}
