package io.scoregateway.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.gateway.boot.GatewayBoot;
import io.scoregateway.gateway.cli.Await;
import io.scoregateway.gateway.cli.CliErrors;
import io.scoregateway.gateway.cli.DemoDataCommand;
import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.config.ConfigSources;
import io.scoregateway.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The published contract checked against the server: a gateway on the README's demo data (as {@code
 * dev} serves it) gets every curl example of the README; each request body, each answer and each
 * answer the README shows must match {@code docs/openapi.yaml}, as served by the admin port, and
 * every status answered must be documented for its operation.
 */
class ReadmeContractIT {
  static final Path README = Path.of("..", "README.md");

  @Test
  void everyReadmeExampleMatchesTheDocumentAndTheServer() throws Exception {
    ReadmeExamples readme = new ReadmeExamples(README);
    Vertx vertx = Vertx.vertx();
    try (LocalRedis redis = LocalRedis.start()) {
      int demo =
          CliErrors.configure(new CommandLine(new DemoDataCommand()))
              .execute(
                  "--redis", redis.url(), "--tracks", "2000", "--campaigns", "20", "--seed", "42");
      assertThat(demo).isZero();
      int port = LocalRedis.freePort();
      int adminPort = LocalRedis.freePort();
      Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
      flags.put(ConfigKey.REDIS, redis.url());
      flags.put(ConfigKey.PORT, Integer.toString(port));
      flags.put(ConfigKey.ADMIN_PORT, Integer.toString(adminPort));
      flags.put(ConfigKey.HOST, "127.0.0.1");
      flags.put(ConfigKey.NO_AUTH, "true");
      flags.put(ConfigKey.EVENT_LOOPS, "1");
      flags.put(ConfigKey.TIMEOUT_MS, "2000");
      GatewayConfig config = GatewayConfig.from(ConfigSources.resolve(flags, Map.of(), null));
      GatewayBoot.Running gw =
          Await.result(
              GatewayBoot.start(
                  config, Clock.systemUTC(), Map.of(), Map.of("otel.traces.exporter", "none")));
      try (gw) { // the examples run against it over HTTP
        WebClient http = WebClient.create(vertx);
        awaitReady(http, adminPort);
        HttpResponse<Buffer> served =
            http.get(adminPort, "127.0.0.1", "/openapi.yaml").send().await();
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.getHeader("content-type")).isEqualTo("application/yaml");
        OpenApiContract contract = new OpenApiContract(served.bodyAsString());
        assertThat(contract.version()).startsWith("3.1");

        List<String> problems = new ArrayList<>();
        Set<String> operations = new TreeSet<>();
        for (ReadmeExamples.Example ex : readme.curls) {
          check(ex, contract, http, port, adminPort, problems, operations);
        }
        for (String json : readme.standaloneJson) {
          boolean matches =
              contract.componentNames().stream()
                  .anyMatch(n -> contract.violations(contract.component(n), json).isEmpty());
          if (!matches) {
            problems.add("README json block matches no schema of the document: " + json);
          }
        }
        assertThat(problems).isEmpty();
        // the README shows the data plane, the admin API and the operations endpoints
        assertThat(operations)
            .contains(
                "POST /v1/scores",
                "POST /v1/deliveries",
                "PUT /admin/v1/campaigns/{id}",
                "GET /admin/v1/campaigns/{id}",
                "GET /admin/v1/snapshots",
                "GET /health/ready",
                "GET /openapi.yaml");
      }
    } finally {
      vertx.close().await();
    }
  }

  private static void check(
      ReadmeExamples.Example ex,
      OpenApiContract contract,
      WebClient http,
      int port,
      int adminPort,
      List<String> problems,
      Set<String> operations) {
    ReadmeExamples.Curl c = ex.curl();
    URI uri = URI.create(c.url());
    String where = "README line " + c.line() + " (" + c.method() + " " + uri.getPath() + ")";
    JsonObject op = contract.operation(c.method(), uri.getPath());
    if (op == null) {
      problems.add(where + ": no such operation in the document");
      return;
    }
    operations.add(c.method() + " " + template(uri.getPath()));
    String contentType = c.headers().getOrDefault("content-type", "application/json");
    if (c.body() != null) {
      JsonObject schema = contract.requestSchema(op, contentType);
      if (schema == null) {
        problems.add(where + ": request body of type " + contentType + " is not documented");
      } else {
        contract.violations(schema, c.body()).forEach(v -> problems.add(where + " request: " + v));
      }
    }
    int target = uri.getPort() == 9090 ? adminPort : port;
    String pathAndQuery =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    HttpRequest<Buffer> req =
        http.request(HttpMethod.valueOf(c.method()), target, "127.0.0.1", pathAndQuery);
    c.headers().forEach(req::putHeader);
    HttpResponse<Buffer> r =
        (c.body() == null ? req.send() : req.sendBuffer(Buffer.buffer(c.body()))).await();
    JsonObject documented = contract.response(op, r.statusCode());
    if (documented == null) {
      problems.add(where + ": answered " + r.statusCode() + ", which is not documented");
      return;
    }
    String media = mediaType(r.getHeader("content-type"));
    if (media == null) {
      if (documented.containsKey("content")) {
        problems.add(where + ": answered " + r.statusCode() + " without a content type");
      }
      return;
    }
    JsonObject schema = contract.schemaOf(documented, media);
    if (schema == null) {
      problems.add(
          where + ": answer of type " + media + " is not documented for " + r.statusCode());
      return;
    }
    if (media.equals("application/x-ndjson")) {
      for (String line : r.bodyAsString().lines().toList()) {
        contract.violations(schema, line).forEach(v -> problems.add(where + " answer line: " + v));
      }
    } else if (media.endsWith("json")) {
      contract
          .violations(schema, r.bodyAsString())
          .forEach(v -> problems.add(where + " answer: " + v));
    }
    if (ex.answer() != null) {
      JsonObject shown = contract.schemaOf(documented, "application/json");
      if (shown == null || r.statusCode() >= 300) {
        problems.add(where + ": the README shows an answer the server did not give as JSON 2xx");
      } else {
        contract
            .violations(shown, ex.answer())
            .forEach(v -> problems.add(where + " README answer: " + v));
        // a delivery's answer is exact: pasted on the demo data, the example's event counts
        if (uri.getPath().equals("/v1/deliveries")
            && !new JsonObject(ex.answer()).equals(r.bodyAsJsonObject())) {
          problems.add(
              where
                  + ": the README shows "
                  + ex.answer()
                  + ", the server answered "
                  + r.bodyAsString());
        }
      }
    }
  }

  private static String template(String path) {
    return path.replaceAll("^/admin/v1/campaigns/[^/]+$", "/admin/v1/campaigns/{id}")
        .replaceAll("^/admin/v1/snapshots/[^/]+/activate$", "/admin/v1/snapshots/{id}/activate")
        .replaceAll("^/admin/v1/snapshots/(?!.*/)[^/]+$", "/admin/v1/snapshots/{id}");
  }

  private static String mediaType(String header) {
    if (header == null) {
      return null;
    }
    int semi = header.indexOf(';');
    return (semi < 0 ? header : header.substring(0, semi)).strip();
  }

  private static void awaitReady(WebClient http, int adminPort) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (http.get(adminPort, "127.0.0.1", "/health/ready").send().await().statusCode() != 200) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("gateway not ready");
      }
      Thread.sleep(50);
    }
  }
}
