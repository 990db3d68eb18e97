package io.scoregateway.gateway.telemetry;

import io.scoregateway.gateway.config.ConfigKey;
import java.util.Map;

/** Lets tests in other packages boot the same seeded gateway as the telemetry tests. */
public final class GatewayFixtureAccess {
  private GatewayFixtureAccess() {}

  public static AutoCloseable start(Map<ConfigKey, String> flags) throws Exception {
    return new GatewayFixture(flags, Map.of("otel.traces.exporter", "none"));
  }

  public static int port(AutoCloseable fixture) {
    return ((GatewayFixture) fixture).port;
  }

  public static int adminPort(AutoCloseable fixture) {
    return ((GatewayFixture) fixture).adminPort;
  }
}
