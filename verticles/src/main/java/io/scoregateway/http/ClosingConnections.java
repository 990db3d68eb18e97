package io.scoregateway.http;

import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.AttributeKey;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.TimeUnit;

/**
 * Closes an HTTP/1.x connection after a refusal, two things Vert.x does not do on its own:
 *
 * <ul>
 *   <li>Vert.x hands the next pipelined request to the server as soon as the refusal is written,
 *       before any close takes effect: a marked connection's later requests are dropped unanswered,
 *       so bytes sent behind a refused request (a smuggling attempt) never reach the router.
 *   <li>Closing a socket with unread input resets it, and the client may lose the answer it was
 *       sent: while a body is still arriving the gateway only shuts its side, discards what still
 *       comes, and closes when the body ends or after {@link #LINGER_MS}, whichever is first. So an
 *       honest client reads its 401 or 415, and a trickler holds the descriptor a second at most.
 * </ul>
 */
final class ClosingConnections {
  static final long LINGER_MS = 1_000;
  private static final AttributeKey<Boolean> CLOSING =
      AttributeKey.valueOf("score-gateway.closing");

  private ClosingConnections() {}

  static void mark(HttpConnection conn) {
    Channel ch = channel(conn);
    if (ch != null) {
      ch.attr(CLOSING).set(Boolean.TRUE);
    }
  }

  static boolean marked(HttpConnection conn) {
    Channel ch = channel(conn);
    return ch != null && ch.hasAttr(CLOSING);
  }

  /** Closes once the answer is written: at once, or after the rest of a pending body (bounded). */
  static void close(HttpServerRequest req, boolean bodyPending) {
    HttpConnection conn = req.connection();
    if (!bodyPending || !(channel(conn) instanceof DuplexChannel duplex) || req.isEnded()) {
      conn.close();
      return;
    }
    try {
      req.handler(discarded -> {}).endHandler(v -> closeQuietly(conn)).resume();
    } catch (IllegalStateException e) {
      closeQuietly(conn); // the body ended meanwhile
      return;
    }
    // neither outcome changes anything: the connection closes after the linger either way
    var unusedShutdown = duplex.shutdownOutput();
    var unusedLinger =
        duplex.eventLoop().schedule(() -> closeQuietly(conn), LINGER_MS, TimeUnit.MILLISECONDS);
  }

  /** Closes without waiting: a close that fails leaves a connection that is going away anyway. */
  private static void closeQuietly(HttpConnection conn) {
    conn.close().onFailure(err -> {});
  }

  private static Channel channel(HttpConnection conn) {
    return conn instanceof ConnectionBase base ? base.channel() : null;
  }
}
