package io.scoregateway.config;

/**
 * The two ports the engine serves.
 *
 * @param host interface both servers bind to
 * @param httpPort data plane port
 * @param adminPort admin API, health and metrics port
 * @param tlsCert PEM certificate chain for both ports, null for plain HTTP
 * @param tlsKey PEM private key matching {@code tlsCert}
 * @param edge limits that keep slow or numerous callers from holding the ports
 */
public record ServerConfig(
    String host, int httpPort, int adminPort, String tlsCert, String tlsKey, EdgeLimits edge) {

  public static final ServerConfig DEFAULTS =
      new ServerConfig("0.0.0.0", 8080, 9090, null, null, EdgeLimits.DEFAULTS);

  public ServerConfig withHost(String h) {
    return new ServerConfig(h, httpPort, adminPort, tlsCert, tlsKey, edge);
  }

  public ServerConfig withPorts(int http, int admin) {
    return new ServerConfig(host, http, admin, tlsCert, tlsKey, edge);
  }

  public ServerConfig withEdge(EdgeLimits e) {
    return new ServerConfig(host, httpPort, adminPort, tlsCert, tlsKey, e);
  }
}
