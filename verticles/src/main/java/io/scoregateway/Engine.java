package io.scoregateway;

import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.telemetry.DecisionMetrics;
import io.scoregateway.telemetry.RequestObserver;
import io.scoregateway.telemetry.Telemetry;
import java.time.Clock;

/**
 * What every verticle instance shares: settings, the in-memory catalog, the authenticator (null
 * when auth is disabled), the clock (injectable for accelerated simulations) and telemetry.
 */
public record Engine(
    EngineConfig config,
    LiveCatalog catalog,
    TokenAuthenticator auth,
    Clock clock,
    Telemetry telemetry,
    RequestObserver observer,
    DecisionMetrics decisions) {

  public static Engine create(
      EngineConfig config, LiveCatalog catalog, TokenAuthenticator auth, Clock clock, Telemetry telemetry) {
    return new Engine(config, catalog, auth, clock, telemetry, new RequestObserver(telemetry),
        new DecisionMetrics(telemetry.registry()));
  }
}
