package io.scoregateway.gateway.boot;

import java.util.logging.Logger;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends the OpenTelemetry SDK's java.util.logging messages into the gateway's own log output, so an
 * export failure is one JSON line like everything else, not a multi-line SEVERE block on stderr.
 * Only the SDK's loggers are bridged: bridging the JDK's root logger slowed the first requests
 * measurably.
 */
final class LogBridge {
  /** JUL holds loggers weakly: this reference keeps the handler attached. */
  private static final Logger OTEL = Logger.getLogger("io.opentelemetry");

  private LogBridge() {}

  static synchronized void routeJulToSlf4j() {
    for (java.util.logging.Handler h : OTEL.getHandlers()) {
      if (h instanceof SLF4JBridgeHandler) {
        return;
      }
    }
    OTEL.addHandler(new SLF4JBridgeHandler());
    OTEL.setUseParentHandlers(false);
  }
}
