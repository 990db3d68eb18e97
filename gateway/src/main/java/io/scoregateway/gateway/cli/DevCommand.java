package io.scoregateway.gateway.cli;

import io.scoregateway.config.ExposureConfig;
import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.gateway.boot.GatewayBoot;
import io.scoregateway.gateway.boot.StartupChecks;
import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.config.GatewayConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dev}: local Redis, demo data, a gateway on loopback without auth, and curl examples. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    versionProvider = GatewayVersion.class,
    description =
        "Start a local Redis, load demo data and serve on :8080/:9090 (loopback, no auth).")
public final class DevCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(
      names = "--tracks",
      defaultValue = "100000",
      description = "demo tracks (default ${DEFAULT-VALUE})")
  int tracks;

  @Option(
      names = "--campaigns",
      defaultValue = "20",
      description = "demo campaigns (default ${DEFAULT-VALUE})")
  int campaigns;

  @Option(
      names = "--segments",
      defaultValue = "8",
      description = "demo segments (default ${DEFAULT-VALUE})")
  int segments;

  @Option(
      names = "--redis-port",
      defaultValue = "0",
      description =
          "port for the Redis dev starts (0 = any free port); dev never uses a Redis it did not start")
  int redisPort;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (redisPort < 0 || redisPort > 65535) {
      System.err.println("dev: --redis-port must be between 0 and 65535, got " + redisPort);
      return CliErrors.BAD_CONFIG;
    }
    int port = redisPort == 0 ? LocalRedis.freePort() : redisPort;
    String url = "redis://127.0.0.1:" + port;
    GatewayConfig config =
        options.resolveWith(
            Map.of(
                ConfigKey.REDIS, url,
                ConfigKey.REDIS_MODE, "standalone",
                ConfigKey.NO_AUTH, "true",
                ConfigKey.TOKENS_FILE, "",
                ConfigKey.HOST, "127.0.0.1"),
            // a newcomer sees what the exposure log records without running a Kafka
            Map.of(ConfigKey.EXPOSURE_SINK, "file"));
    // ports and TLS material first: a bad start fails before a Redis is started and filled
    StartupChecks.verify(config.engine());
    LocalRedis redis;
    try {
      redis = LocalRedis.start(port, List.of());
    } catch (LocalRedis.PortInUse e) {
      System.err.println(
          "dev: --redis-port "
              + port
              + ": another process already listens there; dev only "
              + "writes demo data into a Redis it started itself (pick a free port, or 0 for any)");
      return CliErrors.BAD_CONFIG;
    }
    out.println("local redis " + redis.binaryPath() + " on " + redis.url());
    int rc =
        CliErrors.configure(new CommandLine(new DemoDataCommand()))
            .execute(
                "--redis",
                redis.url(),
                "--tracks",
                Integer.toString(tracks),
                "--campaigns",
                Integer.toString(campaigns),
                "--segments",
                Integer.toString(segments),
                "--seed",
                "42");
    if (rc != 0) {
      redis.close();
      return rc;
    }
    // no collector runs beside a dev gateway: tracing stays off unless OTEL_TRACES_EXPORTER says
    // otherwise
    try {
      return Serving.untilStopped(
          GatewayBoot.start(
              config, Clock.systemUTC(), Map.of("otel.traces.exporter", "none"), Map.of()),
          () -> printExamples(out, config),
          redis::close);
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  private void printExamples(PrintStream out, GatewayConfig config) {
    String data = "http://127.0.0.1:" + config.engine().server().httpPort();
    String admin = "http://127.0.0.1:" + config.engine().server().adminPort();
    out.println();
    out.println("score-gateway dev is ready (Ctrl-C stops the gateway and its Redis).");
    out.println(
        "Demo tracks t0..t"
            + (tracks - 1)
            + " (every 4th is in a campaign), campaigns c0..c"
            + (campaigns - 1)
            + ", segments s0..s"
            + (segments - 1)
            + ".");
    out.println();
    out.println("# score a batch");
    out.println("curl -s " + data + "/v1/scores -H 'content-type: application/json' \\");
    out.println(
        "  -d '{\"user\":\"u-1\",\"surface\":\"autoplay\",\"market\":\"SE\",\"segment\":\"s1\","
            + "\"candidates\":[\"t0\",\"t1\",\"t4\",\"t8\",\"t12\"],\"max_promoted\":2,\"explain\":true}'");
    out.println("# stream the answer as NDJSON");
    out.println(
        "curl -sN "
            + data
            + "/v1/scores -H 'content-type: application/json' "
            + "-H 'accept: application/x-ndjson' \\");
    out.println(
        "  -d '{\"user\":\"u-1\",\"surface\":\"autoplay\",\"market\":\"SE\",\"candidates\":[\"t0\",\"t4\",\"t5\"]}'");
    ExposureConfig exposure = config.engine().measurement().exposure();
    if (exposure.sink() == ExposureConfig.Sink.FILE) {
      out.println("# the exposure log: one JSON line per enrolled decision (docs/exposure-log.md)");
      out.println("tail -f " + Path.of(exposure.file()).toAbsolutePath());
    }
    out.println("# campaigns with live pacing state, snapshots, health");
    out.println("curl -s " + admin + "/admin/v1/campaigns/c0");
    out.println("curl -s " + admin + "/admin/v1/snapshots");
    out.println("curl -s " + admin + "/health/ready");
    out.println("curl -s " + admin + "/openapi.yaml");
    int grpc = config.engine().server().grpcPort();
    if (grpc != 0) {
      out.println("# the gRPC data plane (client: mvn -B -q -pl loadtest package -DskipTests)");
      out.println(
          "java -jar loadtest/target/score-grpc-client.jar score --target 127.0.0.1:"
              + grpc
              + " --user u-1 --surface autoplay --market SE t0 t1 t4");
    }
    out.flush();
  }
}
