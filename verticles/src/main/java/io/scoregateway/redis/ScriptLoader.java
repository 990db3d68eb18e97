package io.scoregateway.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;

/** Loads a link's scripts on a connection (SCRIPT LOAD), so EVALSHA finds them. */
final class ScriptLoader {
  private ScriptLoader() {}

  static Future<Void> loadAll(RedisConnection conn, List<RedisScript> scripts) {
    if (scripts.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Request> loads = new ArrayList<>(scripts.size());
    for (RedisScript s : scripts) {
      loads.add(Request.cmd(Command.SCRIPT).arg("LOAD").arg(s.source()));
    }
    return conn.batch(loads)
        .compose(
            replies -> {
              for (int i = 0; i < replies.size(); i++) {
                String sha = replies.get(i).toString();
                RedisScript s = scripts.get(i);
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
