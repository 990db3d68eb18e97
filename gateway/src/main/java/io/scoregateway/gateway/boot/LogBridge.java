package io.scoregateway.gateway.boot;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging (which the OpenTelemetry SDK logs through) into the gateway's own log
 * output, so an export failure is one JSON line like everything else, not a multi-line SEVERE
 * block on stderr.
 */
final class LogBridge {
  private LogBridge() {}

  static synchronized void routeJulToSlf4j() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
