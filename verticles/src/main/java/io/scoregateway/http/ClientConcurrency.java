package io.scoregateway.http;

import io.scoregateway.auth.Client;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.HashMap;
import java.util.Map;

/**
 * Bounds the requests one client has in flight on an event loop (the client's token name, else its
 * remote address), answered 429 with {@code Retry-After} before the body is read. Below the event
 * loop's own bound, so one client sending slow bodies cannot hold every slot and shed everyone
 * else. Confined to its event loop, so the counts need no synchronisation.
 */
public final class ClientConcurrency implements PlatformHandler {
  private final int max;
  private final Map<String, int[]> inFlight = new HashMap<>();

  public ClientConcurrency(int max) {
    this.max = max;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Client c = ctx.get(BearerAuth.CLIENT_KEY);
    // with auth on, every request reaching here has a client; addresses are keys only without auth
    String who = c != null ? c.name() : "@" + host(ctx.request().remoteAddress());
    Runnable release = tryEnter(who);
    if (release == null) {
      ctx.response().putHeader("retry-after", "1");
      Problem.send(ctx, ProblemType.RATE_LIMITED, refusal(c, who));
      return;
    }
    ctx.addEndHandler(v -> release.run());
    ctx.next();
  }

  /**
   * Takes one of {@code who}'s slots for a request of any protocol ({@code who}: a client's name,
   * or {@code "@"} and an address without auth); returns what gives it back, or null when {@code
   * who} already has its maximum in flight.
   */
  public Runnable tryEnter(String who) {
    int[] n = inFlight.computeIfAbsent(who, k -> new int[1]);
    if (n[0] >= max) {
      return null;
    }
    n[0]++;
    return () -> {
      if (--n[0] == 0) {
        inFlight.remove(who); // addresses come and go: keep no entry for one with nothing in flight
      }
    };
  }

  /** The refusal's detail for a client (or, without auth, an address key). */
  public String refusal(Client c, String who) {
    return (c != null ? "client " + c.name() : "address " + who.substring(1))
        + ": already "
        + max
        + " requests in flight";
  }

  private static String host(SocketAddress a) {
    return a == null || a.hostAddress() == null ? "unknown" : a.hostAddress();
  }
}
