package io.scoregateway.catalog;

import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisSubscriber;
import io.scoregateway.store.Keys;
import io.scoregateway.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link LiveCatalog} current: a change notification (pub/sub) triggers an immediate
 * refresh and a periodic poll of the cheap version counter catches anything missed, so a change
 * reaches every instance within one poll period even when notifications are lost.
 */
public final class CatalogRefresher {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogRefresher.class);

  private final Vertx vertx;
  private final Stores stores;
  private final LiveCatalog catalog;
  private final RedisSubscriber changes;
  private final long periodMs;
  private final SingleFlight flight = new SingleFlight(this::refreshOnce);
  private long timer = -1;
  private Supplier<Future<Void>> onChange = Future::succeededFuture;

  /**
   * @param redis where the change notifications are subscribed to
   */
  public CatalogRefresher(
      Vertx vertx, Stores stores, LiveCatalog catalog, RedisConnector redis, long periodMs) {
    this.vertx = vertx;
    this.stores = stores;
    this.catalog = catalog;
    this.changes = redis.subscriber(Keys.CHANGES_CHANNEL, this::refresh);
    this.periodMs = periodMs;
  }

  /** Runs after each change of the campaigns; a refresh completes only once it has. */
  public void onChange(Supplier<Future<Void>> listener) {
    this.onChange = listener;
  }

  /** Starts polling and subscribing; completes after the first attempt, loaded or not. */
  public Future<Void> start() {
    timer = vertx.setPeriodic(periodMs, id -> tick());
    return refresh().otherwiseEmpty();
  }

  public void stop() {
    vertx.cancelTimer(timer);
    changes.close();
  }

  private void tick() {
    changes.ensureSubscribed();
    refresh();
  }

  /**
   * Reloads the snapshot pointer always (and the active snapshot's creation time when the pointer
   * moved) and the campaigns only when their version moved.
   */
  public Future<Void> refresh() {
    return flight.run();
  }

  private Future<Void> refreshOnce() {
    LiveCatalog.View before = catalog.view();
    Future<Void> done =
        Future.all(stores.campaigns().version(), stores.snapshots().active())
            .compose(
                all -> {
                  long version = all.resultAt(0);
                  String snapshot = all.resultAt(1);
                  return createdAt(before, snapshot)
                      .compose(created -> install(before, version, snapshot, created));
                });
    return done.onFailure(err -> LOG.debug("catalog refresh failed: {}", err.toString()));
  }

  private Future<Void> install(
      LiveCatalog.View before, long version, String snapshot, Instant created) {
    if (before.loaded() && version == before.version()) {
      catalog.replace(new LiveCatalog.View(before.campaigns(), version, snapshot, true, created));
      return Future.succeededFuture();
    }
    return stores
        .campaigns()
        .list()
        .compose(
            list -> {
              catalog.replace(
                  new LiveCatalog.View(CampaignIndex.of(list), version, snapshot, true, created));
              LOG.info(
                  "catalog loaded: {} campaigns, version {}, snapshot {}",
                  list.size(),
                  version,
                  snapshot);
              return onChange.get();
            });
  }

  /**
   * The creation time of the active snapshot: the one already known while the pointer has not
   * moved, else read from its metadata (null when it has none, or when it cannot be read now).
   */
  private Future<Instant> createdAt(LiveCatalog.View before, String snapshot) {
    if (snapshot == null) {
      return Future.succeededFuture(null);
    }
    if (snapshot.equals(before.snapshot()) && before.snapshotCreatedAt() != null) {
      return Future.succeededFuture(before.snapshotCreatedAt());
    }
    return stores
        .snapshots()
        .get(snapshot)
        .map(meta -> meta == null ? null : meta.producedAt())
        .otherwise(err -> null);
  }
}
