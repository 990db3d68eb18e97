package io.scoregateway.http;

import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.redis.BreakerState;
import io.scoregateway.redis.RedisLink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether every data-plane instance can serve at full speed: its own Redis link is up and its hot
 * path has been warmed. Readiness waits for this, so the first requests after "ready" are not the
 * ones that pay for connecting, loading classes and compiling code.
 */
public final class Readiness {
  private final int instances;
  private final List<RedisLink> links = new CopyOnWriteArrayList<>();
  private final AtomicInteger warmed = new AtomicInteger();
  private volatile RedisLink control;

  public Readiness(int instances) {
    this.instances = instances;
  }

  /** A data-plane instance's scoring link, which must be connected for readiness. */
  public void register(RedisLink link) {
    links.add(link);
  }

  /** The admin verticle's link (catalog, scripts), which must be connected for readiness. */
  public void control(RedisLink link) {
    this.control = link;
  }

  /**
   * What {@code GET /health/ready} answers 200 for: Redis answers on the control link, the catalog
   * is loaded, and every data-plane instance is connected and warm.
   */
  public boolean ready(LiveCatalog catalog) {
    RedisLink c = control;
    return c != null && c.isConnected() && catalog.view().loaded() && linksUp() && warm();
  }

  /** One data-plane instance finished warming up. */
  public void warmed() {
    warmed.incrementAndGet();
  }

  /** Every instance warmed up. */
  public boolean warm() {
    return warmed.get() >= instances;
  }

  /** How many data-plane links have their breaker in {@code state} (for the breaker gauge). */
  public int breakers(BreakerState state) {
    int n = 0;
    for (RedisLink l : links) {
      n += l.breakerState() == state ? 1 : 0;
    }
    return n;
  }

  /** Every instance's link is connected (and its breaker lets calls through). */
  public boolean linksUp() {
    if (links.size() < instances) {
      return false;
    }
    for (RedisLink l : links) {
      if (!l.isConnected()) {
        return false;
      }
    }
    return true;
  }
}
