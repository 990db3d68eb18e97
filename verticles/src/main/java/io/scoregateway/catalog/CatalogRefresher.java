package io.scoregateway.catalog;

import io.scoregateway.model.SnapshotExperiment;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisSubscriber;
import io.scoregateway.store.ExperimentStore;
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
  private final ExperimentStore experiments;
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
    this.experiments = Stores.experiments(stores.link());
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
   * Reloads the snapshot pointer and the experiment always (and the creation times of the active
   * and challenger snapshots when they changed), the campaigns only when their version moved.
   */
  public Future<Void> refresh() {
    return flight.run();
  }

  private Future<Void> refreshOnce() {
    LiveCatalog.View before = catalog.view();
    Future<Void> done =
        Future.all(
                stores.campaigns().version(),
                stores.snapshots().active(),
                // an experiment that cannot be read keeps the last one known
                experiments.current().otherwise(err -> before.experiment()))
            .compose(
                all -> {
                  long version = all.resultAt(0);
                  String snapshot = all.resultAt(1);
                  SnapshotExperiment experiment = all.resultAt(2);
                  String challenger = experiment == null ? null : experiment.challenger();
                  Future<Instant> created =
                      createdAt(snapshot, before.snapshot(), before.snapshotCreatedAt());
                  Future<Instant> challengerCreated =
                      createdAt(
                          challenger,
                          before.experiment() == null ? null : before.experiment().challenger(),
                          before.challengerCreatedAt());
                  return Future.all(created, challengerCreated)
                      .compose(
                          times ->
                              install(
                                  before,
                                  new LiveCatalog.View(
                                      before.campaigns(),
                                      version,
                                      snapshot,
                                      true,
                                      times.resultAt(0),
                                      experiment,
                                      times.resultAt(1))));
                });
    return done.onFailure(err -> LOG.debug("catalog refresh failed: {}", err.toString()));
  }

  /** Installs {@code next}, with the campaigns reloaded first when their version moved. */
  private Future<Void> install(LiveCatalog.View before, LiveCatalog.View next) {
    if (before.loaded() && next.version() == before.version()) {
      catalog.replace(next);
      return Future.succeededFuture();
    }
    return stores
        .campaigns()
        .list()
        .compose(
            list -> {
              boolean regressed =
                  catalog.replace(
                      new LiveCatalog.View(
                          CampaignIndex.of(list),
                          next.version(),
                          next.snapshot(),
                          true,
                          next.snapshotCreatedAt(),
                          next.experiment(),
                          next.challengerCreatedAt()));
              if (regressed) {
                LOG.error(
                    "the catalog in Redis went back from version {} to {} ({} campaigns): Redis lost"
                        + " its data (a restart without persistence, a flush, or an empty replica"
                        + " promoted); campaigns, pacing and delivery counters and frequency caps"
                        + " start again from what it holds now. Restore Redis or load the campaigns"
                        + " again; counted in gateway_catalog_regressions_total",
                    before.version(),
                    next.version(),
                    list.size());
              }
              LOG.info(
                  "catalog loaded: {} campaigns, version {}, snapshot {}",
                  list.size(),
                  next.version(),
                  next.snapshot());
              return onChange.get();
            });
  }

  /**
   * The creation time of {@code snapshot}: the one already known while it is the snapshot seen
   * before, else read from its metadata (null when it has none, or when it cannot be read now).
   */
  private Future<Instant> createdAt(String snapshot, String knownSnapshot, Instant known) {
    if (snapshot == null) {
      return Future.succeededFuture(null);
    }
    if (snapshot.equals(knownSnapshot) && known != null) {
      return Future.succeededFuture(known);
    }
    return stores
        .snapshots()
        .get(snapshot)
        .map(meta -> meta == null ? null : meta.producedAt())
        .otherwise(err -> null);
  }
}
