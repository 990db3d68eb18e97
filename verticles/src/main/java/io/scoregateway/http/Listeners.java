package io.scoregateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.ServerSSLOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP servers of every port (data, admin, gRPC), shared by every verticle instance: the
 * connection cap of each port, and the servers themselves so new TLS material reaches all of them
 * at once.
 */
public final class Listeners {
  private final ConnectionCap data;
  private final ConnectionCap admin;
  private final ConnectionCap grpc;
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private final List<HttpServer> alpnServers = new CopyOnWriteArrayList<>();

  public Listeners(int maxConnections, MeterRegistry registry) {
    this.data = new ConnectionCap("data", maxConnections, registry);
    this.admin = new ConnectionCap("admin", maxConnections, registry);
    this.grpc = new ConnectionCap("grpc", maxConnections, registry);
  }

  public ConnectionCap data() {
    return data;
  }

  public ConnectionCap admin() {
    return admin;
  }

  public ConnectionCap grpc() {
    return grpc;
  }

  void add(HttpServer server) {
    servers.add(server);
  }

  /** A server that negotiates HTTP/2 by ALPN (the gRPC port): reloads keep ALPN on. */
  public void addAlpn(HttpServer server) {
    alpnServers.add(server);
  }

  /** Serves new handshakes with {@code options}; connections already open keep their session. */
  public Future<Void> updateTls(ServerSSLOptions options) {
    // forced: options naming the same files compare equal, yet the files' contents changed
    ServerSSLOptions alpn = options.copy().setUseAlpn(true);
    List<Future<Boolean>> updates = new java.util.ArrayList<>();
    servers.forEach(s -> updates.add(s.updateSSLOptions(options, true)));
    alpnServers.forEach(s -> updates.add(s.updateSSLOptions(alpn, true)));
    return Future.all(updates).mapEmpty();
  }
}
