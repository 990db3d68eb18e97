package io.scoregateway.config;

/**
 * The ports the engine serves.
 *
 * @param host interface every server binds to
 * @param httpPort data plane port
 * @param adminPort admin API, health and metrics port
 * @param grpcPort gRPC data plane port (HTTP/2); 0 = no gRPC data plane
 * @param tlsCert PEM certificate chain for every port, null for plain HTTP
 * @param tlsKey PEM private key matching {@code tlsCert}
 * @param edge limits that keep slow or numerous callers from holding the ports
 */
public record ServerConfig(
    String host,
    int httpPort,
    int adminPort,
    int grpcPort,
    String tlsCert,
    String tlsKey,
    EdgeLimits edge) {

  public static final ServerConfig DEFAULTS =
      new ServerConfig("0.0.0.0", 8080, 9090, 0, null, null, EdgeLimits.DEFAULTS);

  public ServerConfig withHost(String h) {
    return new ServerConfig(h, httpPort, adminPort, grpcPort, tlsCert, tlsKey, edge);
  }

  public ServerConfig withPorts(int http, int admin) {
    return new ServerConfig(host, http, admin, grpcPort, tlsCert, tlsKey, edge);
  }

  /** A copy serving the gRPC data plane on {@code port} (0: none). */
  public ServerConfig withGrpcPort(int port) {
    return new ServerConfig(host, httpPort, adminPort, port, tlsCert, tlsKey, edge);
  }

  public ServerConfig withEdge(EdgeLimits e) {
    return new ServerConfig(host, httpPort, adminPort, grpcPort, tlsCert, tlsKey, e);
  }
}
