package io.scoregateway.http;

import io.scoregateway.config.ServerConfig;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;

/** The server options both ports listen with, built from the settings. */
public final class PortOptions {
  private PortOptions() {}

  /** Options for {@code port} on the configured interface, with TLS when configured. */
  public static HttpServerOptions of(ServerConfig server, int port) {
    // idle connections (a stalled sender included) are closed after 30 s; cleartext HTTP/2 (h2c,
    // on by default in Vert.x) is off: nothing needs it, and its shedding and framing are untested
    HttpServerOptions o =
        new HttpServerOptions()
            .setHost(server.host())
            .setPort(port)
            .setIdleTimeout(30)
            .setHttp2ClearTextEnabled(false)
            // gzip/deflate for callers that ask (Accept-Encoding), on answers worth it: a batch of
            // 1000 results is ~90 KB of repetitive JSON; level 1 keeps the event loop's cost small
            .setCompressionSupported(true)
            .setCompressionLevel(1)
            .setCompressionContentSizeThreshold(2048);
    if (server.tlsCert() != null) {
      TlsPolicy.apply(
          o, new PemKeyCertOptions().setCertPath(server.tlsCert()).setKeyPath(server.tlsKey()));
    }
    return o;
  }
}
