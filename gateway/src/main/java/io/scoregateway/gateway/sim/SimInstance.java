package io.scoregateway.gateway.sim;

import io.scoregateway.allocate.AllocationRules;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.catalog.PacingRefresher;
import io.scoregateway.gateway.cli.Await;
import io.scoregateway.pacing.ManualClock;
import io.scoregateway.pacing.PacingController;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.pipeline.DeliveryRecorder;
import io.scoregateway.pipeline.ExchangeObserver;
import io.scoregateway.pipeline.ScorePipeline;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisLink;
import io.scoregateway.store.LuaScript;
import io.scoregateway.store.PacingStore;
import io.scoregateway.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One simulated gateway instance: its own Redis connection, pacing view, scoring pipeline (with the
 * given allocation rules), refresher (driven by the simulated clock: {@link #refresh} once per
 * refresh period instead of its timer, {@link #refreshIfDry} for a lease that ran dry between) and
 * delivery recorder. A second recorder on a connection of its own plays the client that sends every
 * delivery a second time.
 */
final class SimInstance implements AutoCloseable {
  final PacingView view = new PacingView();
  final ScorePipeline pipeline;
  final PacingRefresher refresher;
  final DeliveryRecorder recorder;
  final DeliveryRecorder twin;
  final PacingStore pacing;
  private final RedisLink link;
  private final RedisLink twinLink;
  private final AtomicBoolean dry = new AtomicBoolean();
  private long refreshedAtMs = Long.MIN_VALUE / 2;

  SimInstance(
      Vertx vertx,
      RedisOptions redis,
      LiveCatalog catalog,
      ManualClock clock,
      SimSettings s,
      AllocationRules allocation) {
    RedisConnector connector = new RedisConnector(vertx, redis, LuaScript.ALL);
    this.link = connector.link(10_000);
    this.twinLink = connector.link(10_000);
    Await.result(link.connect());
    Await.result(twinLink.connect());
    Stores a = Stores.over(link, s.slotMs());
    Stores b = Stores.over(twinLink, s.slotMs());
    this.pacing = a.pacing();
    this.pipeline =
        new ScorePipeline(
            catalog,
            a.scores(),
            view,
            s.slotMs(),
            a.frequency(),
            clock,
            ExchangeObserver.NONE,
            allocation);
    this.refresher =
        new PacingRefresher(vertx, a.pacing(), view, catalog, clock, s.refreshMs(), 1_000_000);
    // the refresher's own dry signal runs on the wall clock: the simulation times it instead
    view.onDry(() -> dry.set(true));
    this.recorder =
        new DeliveryRecorder(
            catalog, a.deliveries(), view, clock, PacingController.DEFAULT_SETTLE_MS);
    this.twin =
        new DeliveryRecorder(
            catalog, b.deliveries(), view, clock, PacingController.DEFAULT_SETTLE_MS);
  }

  /** The refresh of a period's tick, at {@code nowMs} on the simulated clock. */
  Future<Void> refresh(long nowMs) {
    refreshedAtMs = nowMs;
    dry.set(false);
    return refresher.refresh();
  }

  /**
   * The refresh a lease that ran dry brings, as the gateway runs it: at most one every {@link
   * PacingRefresher#DRY_GAP_MS} since the last refresh began; none when no lease ran dry.
   */
  Future<Void> refreshIfDry(long nowMs) {
    return dry.get() && nowMs - refreshedAtMs >= PacingRefresher.DRY_GAP_MS
        ? refresh(nowMs)
        : Future.succeededFuture();
  }

  RedisLink link() {
    return link;
  }

  @Override
  public void close() {
    link.close();
    twinLink.close();
  }
}
