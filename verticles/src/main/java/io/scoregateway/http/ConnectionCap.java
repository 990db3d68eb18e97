package io.scoregateway.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpConnection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the connections one port holds open, across its event loops: beyond the bound a new
 * connection is closed as soon as it is accepted, before any byte of it is read. Without it every
 * caller that opens sockets and never finishes a request costs a descriptor until the idle timeout.
 */
public final class ConnectionCap {
  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  private final Counter refused;

  public ConnectionCap(String port, int max, MeterRegistry registry) {
    this.max = max;
    this.refused =
        Counter.builder("gateway.connections.refused")
            .tag("port", port)
            .description("Connections closed on accept because the port held its maximum")
            .register(registry);
  }

  /** Counts a new connection, or closes it and returns false when the port is full. */
  public boolean admit(HttpConnection conn) {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      refused.increment();
      conn.close();
      return false;
    }
    conn.closeHandler(v -> open.decrementAndGet());
    return true;
  }

  /** Connections open now. */
  public int open() {
    return open.get();
  }
}
