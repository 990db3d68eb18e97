package io.scoregateway.gateway.boot;

import io.scoregateway.AdminVerticle;
import io.scoregateway.DataPlaneVerticle;
import io.scoregateway.Engine;
import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.config.EngineConfig;
import io.scoregateway.config.ServerConfig;
import io.scoregateway.gateway.cli.Await;
import io.scoregateway.gateway.config.ConfigException;
import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.config.GatewayConfig;
import io.scoregateway.gateway.config.TokensFile;
import io.scoregateway.redis.RedisUrl;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds Vert.x and deploys the admin verticle and one data-plane verticle per event loop. */
public final class GatewayBoot {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayBoot.class);

  /** Stopping never takes longer than this, whatever the collector or the connections do. */
  static final long SHUTDOWN_MS = 1_200;

  private GatewayBoot() {}

  /** A running gateway; {@link #close()} undeploys everything and flushes pending spans. */
  public record Running(Vertx vertx, Engine engine, TelemetrySetup.Stack telemetry)
      implements AutoCloseable {
    @Override
    public void close() {
      long start = System.currentTimeMillis();
      try {
        Await.result(vertx.close(), SHUTDOWN_MS * 2 / 3);
      } catch (RuntimeException e) {
        LOG.warn("stopping: Vert.x did not close in time ({}); exiting anyway", e.getMessage());
      }
      telemetry.close(SHUTDOWN_MS - (System.currentTimeMillis() - start));
    }
  }

  public static Future<Running> start(GatewayConfig config, Clock clock) {
    return start(config, clock, Map.of(), Map.of());
  }

  /**
   * Checks the environment (bind address, ports, TLS material) on the caller's thread, then
   * deploys. A failure names its key; nothing is left running after it.
   *
   * @param otelDefaults OpenTelemetry properties the environment may override
   * @param otelOverrides OpenTelemetry properties that win over the environment (tests)
   */
  public static Future<Running> start(
      GatewayConfig config,
      Clock clock,
      Map<String, String> otelDefaults,
      Map<String, String> otelOverrides) {
    EngineConfig cfg = config.engine();
    ServerConfig server = cfg.server();
    StartupChecks.verify(cfg);
    TokenAuthenticator auth = authenticator(config);
    TelemetrySetup.Stack telemetry =
        TelemetrySetup.create(
            config.slowRequestMs(), config.metrics(), otelDefaults, otelOverrides);
    VertxBuilder builder =
        Vertx.builder()
            .with(
                new VertxOptions()
                    .setEventLoopPoolSize(cfg.instances())
                    .setPreferNativeTransport(true));
    if (telemetry.sdk() != null) {
      builder.withTracer(new OpenTelemetryTracingFactory(telemetry.sdk()));
    }
    Vertx vertx = builder.build();
    if (!vertx.isNativeTransportEnabled()) {
      Throwable why = vertx.unavailableNativeTransportCause();
      LOG.info(
          "native transport unavailable ({}): using NIO", why == null ? "unknown" : why.toString());
    }
    Reloads reloads;
    try {
      reloads = Reloads.prepare(vertx, config);
    } catch (ConfigException e) {
      vertx.close();
      telemetry.closeInBackground();
      throw e;
    }
    Engine engine = Engine.create(cfg, new LiveCatalog(), auth, clock, telemetry.telemetry());
    // bound to no context: its listeners run on the thread that completes it, so a failed start
    // still reaches the caller after the event loops have been shut down
    Promise<Running> started = Promise.promise();
    vertx
        .deployVerticle(new AdminVerticle(engine))
        .recover(
            err ->
                Future.failedFuture(
                    listenFailure(ConfigKey.ADMIN_PORT, server.host(), server.adminPort(), err)))
        .compose(
            id ->
                vertx
                    .deployVerticle(
                        () -> new DataPlaneVerticle(engine),
                        new DeploymentOptions().setInstances(cfg.instances()))
                    .recover(
                        err ->
                            Future.failedFuture(
                                listenFailure(
                                    ConfigKey.PORT, server.host(), server.httpPort(), err))))
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                LOG.info(
                    "serving: data plane on {}:{}{}, admin on {}:{}, {} event loops ({}), redis {} ({})",
                    server.host(),
                    server.httpPort(),
                    server.grpcPort() == 0 ? "" : " (gRPC on " + server.grpcPort() + ")",
                    server.host(),
                    server.adminPort(),
                    cfg.instances(),
                    vertx.isNativeTransportEnabled() ? "epoll" : "nio",
                    RedisUrl.redact(cfg.redis().endpoints()),
                    cfg.redis().mode());
                reloads.start(engine);
                started.complete(new Running(vertx, engine, telemetry));
              } else {
                started.fail(ar.cause());
                vertx.close();
                telemetry.closeInBackground();
              }
            });
    return started.future();
  }

  /** What a deployment failure means for the user: the port's key when it could not listen. */
  private static Throwable listenFailure(ConfigKey key, String host, int port, Throwable err) {
    if (err instanceof ConfigException) {
      return err;
    }
    Throwable root = err;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new ConfigException(
        key, "cannot listen on " + host + ":" + port + " (" + root.getMessage() + ")");
  }

  private static TokenAuthenticator authenticator(GatewayConfig config) {
    if (config.noAuth()) {
      LOG.warn(
          "authentication is DISABLED (--no-auth): any caller may score, deliver and administer");
      return null;
    }
    if (config.tokensFile() == null) {
      throw new ConfigException(ConfigKey.TOKENS_FILE, "required unless --no-auth is set");
    }
    return new TokenAuthenticator(TokensFile.load(config.tokensFile(), config.clientRateLimit()));
  }
}
