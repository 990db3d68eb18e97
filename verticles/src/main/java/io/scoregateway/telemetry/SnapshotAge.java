package io.scoregateway.telemetry;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scoregateway.catalog.LiveCatalog;

/**
 * {@code gateway_snapshot_age_seconds}: how long ago the active snapshot's scores were produced, as
 * this instance sees it; NaN while no snapshot is active or its creation time is unknown. Beside
 * it, {@code gateway_catalog_regressions_total}: how often the catalog's version went back.
 */
public final class SnapshotAge {
  private SnapshotAge() {}

  /** Measured on the wall clock, the one snapshot creation times are stamped with. */
  public static void register(MeterRegistry registry, LiveCatalog catalog) {
    Gauge.builder(
            "gateway.snapshot.age", catalog, c -> seconds(c.view(), System.currentTimeMillis()))
        .description("Age of the active snapshot's scores, from their creation time")
        .baseUnit("seconds")
        .register(registry);
    FunctionCounter.builder("gateway.catalog.regressions", catalog, LiveCatalog::regressions)
        .description(
            "Times the campaign catalog's version went back: the Redis it is read from lost its"
                + " data")
        .register(registry);
  }

  static double seconds(LiveCatalog.View view, long nowMillis) {
    if (view.snapshot() == null || view.snapshotCreatedAt() == null) {
      return Double.NaN;
    }
    return Math.max(0, nowMillis - view.snapshotCreatedAt().toEpochMilli()) / 1000.0;
  }
}
