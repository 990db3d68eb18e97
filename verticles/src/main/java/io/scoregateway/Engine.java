package io.scoregateway;

import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.config.EngineConfig;
import io.scoregateway.exposure.ExposureBuffer;
import io.scoregateway.http.Listeners;
import io.scoregateway.http.Readiness;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.store.ScoreCache;
import io.scoregateway.telemetry.DecisionMetrics;
import io.scoregateway.telemetry.GrpcObserver;
import io.scoregateway.telemetry.RequestObserver;
import io.scoregateway.telemetry.SnapshotAge;
import io.scoregateway.telemetry.Telemetry;
import java.time.Clock;

/**
 * What every verticle instance shares: settings, the in-memory catalog, the authenticator (null
 * when auth is disabled), the clock (injectable for accelerated simulations), telemetry and the
 * snapshot score cache (null when disabled), whether the data plane is connected and warm, and the
 * pacing view its scoring reads, the listening servers (connection caps, TLS reloads), the observer
 * of gRPC calls and the exposure log's buffer (null when no exposure sink is configured).
 */
public record Engine(
    EngineConfig config,
    LiveCatalog catalog,
    TokenAuthenticator auth,
    Clock clock,
    Telemetry telemetry,
    RequestObserver observer,
    DecisionMetrics decisions,
    ScoreCache scoreCache,
    Readiness readiness,
    PacingView pacing,
    Listeners listeners,
    GrpcObserver grpcObserver,
    ExposureBuffer exposures) {

  public static Engine create(
      EngineConfig config,
      LiveCatalog catalog,
      TokenAuthenticator auth,
      Clock clock,
      Telemetry telemetry) {
    ScoreCache cache =
        config.scoring().scoreCacheEntries() > 0
            ? new ScoreCache(config.scoring().scoreCacheEntries(), telemetry.registry())
            : null;
    SnapshotAge.register(telemetry.registry(), catalog);
    return new Engine(
        config,
        catalog,
        auth,
        clock,
        telemetry,
        new RequestObserver(telemetry),
        new DecisionMetrics(telemetry.registry()),
        cache,
        new Readiness(config.instances()),
        new PacingView(),
        new Listeners(config.server().edge().maxConnections(), telemetry.registry()),
        new GrpcObserver(telemetry),
        config.measurement().exposure().enabled()
            ? new ExposureBuffer(
                config.measurement().exposure().bufferRecords(), telemetry.registry())
            : null);
  }
}
