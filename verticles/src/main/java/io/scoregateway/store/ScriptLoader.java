package io.scoregateway.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;

/** Loads every registered script on a connection (SCRIPT LOAD), so EVALSHA finds them. */
final class ScriptLoader {
  private ScriptLoader() {}

  static Future<Void> loadAll(RedisConnection conn) {
    List<Request> loads = new ArrayList<>();
    for (LuaScript s : LuaScript.values()) {
      loads.add(Request.cmd(Command.SCRIPT).arg("LOAD").arg(s.source()));
    }
    return conn.batch(loads)
        .compose(
            replies -> {
              for (int i = 0; i < replies.size(); i++) {
                String sha = replies.get(i).toString();
                LuaScript s = LuaScript.values()[i];
                if (!s.sha1().equals(sha)) {
                  return Future.failedFuture(
                      new IllegalStateException("SHA mismatch for " + s.file() + ": " + sha));
                }
              }
              return Future.<Void>succeededFuture();
            });
  }

  static boolean isNoScript(Throwable err) {
    String msg = err.getMessage();
    return msg != null && msg.contains("NOSCRIPT");
  }
}
