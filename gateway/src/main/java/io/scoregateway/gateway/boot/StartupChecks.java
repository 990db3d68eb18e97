package io.scoregateway.gateway.boot;

import io.scoregateway.config.EngineConfig;
import io.scoregateway.config.RedisConfig;
import io.scoregateway.config.ServerConfig;
import io.scoregateway.gateway.config.ConfigException;
import io.scoregateway.gateway.config.ConfigKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the environment must offer before anything is started: the bind address, every port and
 * readable PEM material. Each failure names its key, so a bad start ends in one line instead of a
 * half-started gateway. Runs on the CLI's main thread (it binds sockets and reads files).
 */
public final class StartupChecks {
  private StartupChecks() {}

  public static void verify(EngineConfig cfg) {
    ServerConfig server = cfg.server();
    InetAddress address = resolve(server.host());
    bindable(address, ConfigKey.HOST, 0, server.host());
    bindable(address, ConfigKey.PORT, server.httpPort(), server.host());
    bindable(address, ConfigKey.ADMIN_PORT, server.adminPort(), server.host());
    if (server.grpcPort() != 0) {
      bindable(address, ConfigKey.GRPC_PORT, server.grpcPort(), server.host());
    }
    if (server.tlsCert() != null) {
      pem(ConfigKey.TLS_CERT, server.tlsCert(), "CERTIFICATE");
      pem(ConfigKey.TLS_KEY, server.tlsKey(), "PRIVATE KEY");
    }
    RedisConfig redis = cfg.redis();
    if (redis.caFile() != null) {
      pem(ConfigKey.REDIS_CA_FILE, redis.caFile(), "CERTIFICATE");
    }
    if (redis.certFile() != null) {
      pem(ConfigKey.REDIS_TLS_CERT, redis.certFile(), "CERTIFICATE");
      pem(ConfigKey.REDIS_TLS_KEY, redis.keyFile(), "PRIVATE KEY");
    }
  }

  private static InetAddress resolve(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new ConfigException(
          ConfigKey.HOST, "cannot resolve '" + host + "' to an address of this machine");
    } catch (SecurityException e) {
      throw new ConfigException(ConfigKey.HOST, "cannot resolve '" + host + "': " + e.getMessage());
    }
  }

  /** Port 0 (any free port) checks only that the address is one of this machine's. */
  private static void bindable(InetAddress address, ConfigKey key, int port, String host) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(address, port));
    } catch (IOException e) {
      String what = port == 0 ? "cannot bind to " + host : "cannot listen on " + host + ":" + port;
      throw new ConfigException(key, what + " (" + e.getMessage() + ")");
    }
  }

  /**
   * The file must hold at least one PEM block of the expected kind ("-----BEGIN ... KIND-----").
   */
  private static void pem(ConfigKey key, String file, String kind) {
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new ConfigException(key, "cannot read " + file + " (" + e.getMessage() + ")");
    }
    if (!text.matches("(?s).*-----BEGIN [A-Z ]*" + kind + "-----.*")) {
      throw new ConfigException(key, file + " is not a PEM file with a " + kind + " block");
    }
  }
}
