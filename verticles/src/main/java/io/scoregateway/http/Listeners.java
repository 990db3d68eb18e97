package io.scoregateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.ServerSSLOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP servers of both ports, shared by every verticle instance: the connection cap of each
 * port, and the servers themselves so new TLS material reaches all of them at once.
 */
public final class Listeners {
  private final ConnectionCap data;
  private final ConnectionCap admin;
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

  public Listeners(int maxConnections, MeterRegistry registry) {
    this.data = new ConnectionCap("data", maxConnections, registry);
    this.admin = new ConnectionCap("admin", maxConnections, registry);
  }

  public ConnectionCap data() {
    return data;
  }

  public ConnectionCap admin() {
    return admin;
  }

  void add(HttpServer server) {
    servers.add(server);
  }

  /** Serves new handshakes with {@code options}; connections already open keep their session. */
  public Future<Void> updateTls(ServerSSLOptions options) {
    // forced: options naming the same files compare equal, yet the files' contents changed
    return Future.all(servers.stream().map(s -> s.updateSSLOptions(options, true)).toList())
        .mapEmpty();
  }
}
