package io.scoregateway;

import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.catalog.LiveCatalog;
import java.time.Clock;

/**
 * What every verticle instance shares: settings, the in-memory catalog, the authenticator (null
 * when auth is disabled) and the clock (injectable for accelerated simulations).
 */
public record Engine(EngineConfig config, LiveCatalog catalog, TokenAuthenticator auth, Clock clock) {}
