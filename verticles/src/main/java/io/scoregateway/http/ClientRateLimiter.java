package io.scoregateway.http;

import io.scoregateway.auth.Client;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-client request rate limit (token bucket), answered 429 with {@code Retry-After}. Each event
 * loop keeps its own buckets with its share of the client's rate, so the check takes no lock;
 * connections spread over event loops, so the instance-wide limit holds closely.
 */
public final class ClientRateLimiter implements PlatformHandler {
  private final int eventLoops;
  private final Map<String, Bucket> buckets = new HashMap<>();

  public ClientRateLimiter(int eventLoops) {
    this.eventLoops = eventLoops;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Client c = ctx.get(BearerAuth.CLIENT_KEY);
    if (tryTake(c)) {
      ctx.next();
    } else {
      ctx.response().putHeader("retry-after", "1");
      Problem.send(ctx, ProblemType.RATE_LIMITED, refusal(c));
    }
  }

  /**
   * Takes one request from the client's bucket, whatever the protocol; true when the client (null
   * without auth) has no limit or is within it.
   */
  public boolean tryTake(Client c) {
    if (c == null || c.rateLimit() <= 0) {
      return true;
    }
    double share = c.rateLimit() / eventLoops;
    Bucket b = buckets.computeIfAbsent(c.name(), k -> new Bucket(share));
    return b.take(System.nanoTime(), share);
  }

  /** The refusal's detail for a client over its limit. */
  public static String refusal(Client c) {
    return "client " + c.name() + ": over its limit of " + (long) c.rateLimit() + " requests/s";
  }

  /** Tokens refill at {@code rate} per second up to one second's worth. */
  private static final class Bucket {
    private double tokens;
    private long last;

    Bucket(double rate) {
      this.tokens = Math.max(1, rate);
      this.last = System.nanoTime();
    }

    boolean take(long now, double rate) {
      double capacity = Math.max(1, rate);
      tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
