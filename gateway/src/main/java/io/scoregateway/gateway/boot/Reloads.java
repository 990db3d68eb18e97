package io.scoregateway.gateway.boot;

import io.scoregateway.Engine;
import io.scoregateway.config.ServerConfig;
import io.scoregateway.gateway.config.ConfigException;
import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.config.GatewayConfig;
import io.scoregateway.gateway.config.TokensFile;
import io.scoregateway.http.TlsPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the gateway re-reads while it runs: the TLS certificate and key (new handshakes get the new
 * pair on both ports) and the tokens file (the next requests see the new clients). The pair is
 * checked at start, so a bad one fails the start naming its file.
 */
final class Reloads {
  private final Vertx vertx;
  private final GatewayConfig config;
  private final List<byte[]> tls;
  private final List<byte[]> tokens;

  private Reloads(Vertx vertx, GatewayConfig config, List<byte[]> tls, List<byte[]> tokens) {
    this.vertx = vertx;
    this.config = config;
    this.tls = tls;
    this.tokens = tokens;
  }

  /**
   * Reads and checks the files in use now (on the caller's thread, before anything is deployed).
   */
  static Reloads prepare(Vertx vertx, GatewayConfig config) {
    ServerConfig cfg = config.engine().server();
    List<byte[]> tls = null;
    if (cfg.tlsCert() != null) {
      tls = read(ConfigKey.TLS_CERT, Path.of(cfg.tlsCert()), Path.of(cfg.tlsKey()));
      TlsMaterial.load(vertx, cfg.tlsCert(), cfg.tlsKey(), tls.get(0), tls.get(1));
    }
    List<byte[]> tokens =
        config.tokensFile() == null || config.noAuth()
            ? null
            : read(ConfigKey.TOKENS_FILE, config.tokensFile());
    return new Reloads(vertx, config, tls, tokens);
  }

  /** Starts the periodic checks (none when {@code --reload-check-ms} is 0). */
  void start(Engine engine) {
    long period = config.reloadCheckMs();
    if (period <= 0) {
      return;
    }
    ServerConfig cfg = config.engine().server();
    if (tls != null) {
      FileReload.every(
          vertx,
          period,
          "TLS certificate and key",
          List.of(Path.of(cfg.tlsCert()), Path.of(cfg.tlsKey())),
          tls,
          now ->
              engine
                  .listeners()
                  .updateTls(
                      TlsPolicy.sslOptions(
                          TlsMaterial.load(
                              vertx, cfg.tlsCert(), cfg.tlsKey(), now.get(0), now.get(1)))));
    }
    if (tokens != null && engine.auth() != null) {
      FileReload.every(
          vertx,
          period,
          "tokens file",
          List.of(config.tokensFile()),
          tokens,
          now -> {
            engine.auth().replace(TokensFile.load(config.tokensFile(), config.clientRateLimit()));
            return Future.succeededFuture();
          });
    }
  }

  private static List<byte[]> read(ConfigKey key, Path... files) {
    try {
      return FileReload.read(List.of(files));
    } catch (IOException e) {
      throw new ConfigException(key, "cannot read " + e.getMessage());
    }
  }
}
