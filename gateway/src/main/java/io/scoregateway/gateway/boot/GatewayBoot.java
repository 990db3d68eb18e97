package io.scoregateway.gateway.boot;

import io.scoregateway.AdminVerticle;
import io.scoregateway.DataPlaneVerticle;
import io.scoregateway.Engine;
import io.scoregateway.EngineConfig;
import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.gateway.config.ConfigException;
import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.config.GatewayConfig;
import io.scoregateway.gateway.config.TokensFile;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.util.Map;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds Vert.x and deploys the admin verticle and one data-plane verticle per event loop. */
public final class GatewayBoot {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayBoot.class);

  private GatewayBoot() {}

  /** A running gateway; {@link #close()} undeploys everything and flushes pending spans. */
  public record Running(Vertx vertx, Engine engine, TelemetrySetup.Stack telemetry) implements AutoCloseable {
    @Override
    public void close() {
      io.scoregateway.gateway.cli.Await.result(vertx.close());
      telemetry.close();
    }
  }

  public static Future<Running> start(GatewayConfig config, Clock clock) {
    return start(config, clock, Map.of(), Map.of());
  }

  /**
   * @param otelDefaults OpenTelemetry properties the environment may override
   * @param otelOverrides OpenTelemetry properties that win over the environment (tests)
   */
  public static Future<Running> start(GatewayConfig config, Clock clock, Map<String, String> otelDefaults,
      Map<String, String> otelOverrides) {
    TokenAuthenticator auth = authenticator(config);
    EngineConfig cfg = config.engine();
    TelemetrySetup.Stack telemetry = TelemetrySetup.create(config.slowRequestMs(), config.metrics(), otelDefaults, otelOverrides);
    VertxBuilder builder = Vertx.builder()
        .with(new VertxOptions().setEventLoopPoolSize(cfg.instances()).setPreferNativeTransport(true));
    if (telemetry.sdk() != null) {
      builder.withTracer(new OpenTelemetryTracingFactory(telemetry.sdk()));
    }
    Vertx vertx = builder.build();
    Engine engine = Engine.create(cfg, new LiveCatalog(), auth, clock, telemetry.telemetry());
    return vertx.deployVerticle(new AdminVerticle(engine))
        .compose(id -> vertx.deployVerticle(() -> new DataPlaneVerticle(engine),
            new DeploymentOptions().setInstances(cfg.instances())))
        .map(id -> {
          LOG.info("serving: data plane on {}:{}, admin on {}:{}, {} event loops, redis {} ({})",
              cfg.host(), cfg.httpPort(), cfg.host(), cfg.adminPort(), cfg.instances(),
              cfg.redisEndpoints(), cfg.redisMode());
          return new Running(vertx, engine, telemetry);
        })
        .recover(err -> vertx.close().transform(v -> {
          telemetry.close();
          return Future.failedFuture(err);
        }));
  }

  private static TokenAuthenticator authenticator(GatewayConfig config) {
    if (config.noAuth()) {
      LOG.warn("authentication is DISABLED (--no-auth): any caller may score, deliver and administer");
      return null;
    }
    if (config.tokensFile() == null) {
      throw new ConfigException(ConfigKey.TOKENS_FILE, "required unless --no-auth is set");
    }
    return new TokenAuthenticator(TokensFile.load(config.tokensFile(), config.clientRateLimit()));
  }
}
