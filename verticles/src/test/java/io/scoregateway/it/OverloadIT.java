package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.AdminVerticle;
import io.scoregateway.DataPlaneVerticle;
import io.scoregateway.Engine;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.config.EdgeLimits;
import io.scoregateway.config.EngineConfig;
import io.scoregateway.config.PacingConfig;
import io.scoregateway.config.RedisConfig;
import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.telemetry.Telemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Far more concurrent requests than the in-flight bound (8): slow senders hold every slot, and the
 * rest are answered 503 with Retry-After at once; health stays responsive; once the slow bodies
 * arrive those requests are answered 200. Nothing but 200 and 503 is ever seen.
 */
class OverloadIT {
  static final int BOUND = 8;

  @Test
  void excessIsShedWith503AndHealthStaysResponsive() throws Exception {
    LocalRedis redis = LocalRedis.start();
    EngineConfig cfg = TestGateway.config(RedisConfig.standalone(redis.url()), 1, 300);
    // every caller here is one address: its own per-client cap would refuse (429) before shedding
    cfg =
        cfg.withServer(cfg.server().withEdge(new EdgeLimits(5_000, BOUND, 10_000)))
            .withScoring(cfg.scoring().withMaxInFlight(BOUND))
            .withPacing(PacingConfig.DEFAULTS);
    int port = cfg.server().httpPort();
    int adminPort = cfg.server().adminPort();
    Engine engine = Engine.create(cfg, new LiveCatalog(), null, Clock.systemUTC(), Telemetry.off());
    Vertx vertx = Vertx.vertx();
    Vertx clients = Vertx.vertx();
    List<Socket> slow = new ArrayList<>();
    try {
      vertx.deployVerticle(new AdminVerticle(engine)).await();
      vertx.deployVerticle(new DataPlaneVerticle(engine)).await();
      byte[] body =
          "{\"user\":\"u-1\",\"surface\":\"autoplay\",\"market\":\"SE\",\"candidates\":[\"t1\"]}"
              .getBytes(StandardCharsets.UTF_8);
      // slow senders: headers and half a body, then silence; each holds an in-flight slot
      for (int i = 0; i < BOUND; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(5_000);
        OutputStream out = s.getOutputStream();
        out.write(
            ("POST /v1/scores HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        slow.add(s);
      }
      WebClient http =
          WebClient.create(clients, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(200));
      // the slow heads hold every slot once parsed: a probe is shed from then on
      TestGateway.eventually(
          "every in-flight slot held by a slow sender",
          () ->
              http.post(port, "127.0.0.1", "/v1/scores")
                      .putHeader("content-type", "application/json")
                      .sendBuffer(Buffer.buffer(body))
                      .await()
                      .statusCode()
                  == 503);
      HttpClient probe = HttpClient.newHttpClient();
      HttpRequest health =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/health/live"))
              .build();
      probe.send(health, java.net.http.HttpResponse.BodyHandlers.ofString());
      List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(
            http.post(port, "127.0.0.1", "/v1/scores")
                .putHeader("content-type", "application/json")
                .sendBuffer(Buffer.buffer(body)));
      }
      long healthStart = System.nanoTime();
      java.net.http.HttpResponse<String> live =
          probe.send(health, java.net.http.HttpResponse.BodyHandlers.ofString());
      long healthMs = (System.nanoTime() - healthStart) / 1_000_000;

      Map<Integer, Integer> statuses = new HashMap<>();
      for (Future<HttpResponse<Buffer>> f : calls) {
        HttpResponse<Buffer> r = f.await();
        statuses.merge(r.statusCode(), 1, Integer::sum);
        if (r.statusCode() == 503) {
          assertThat(r.getHeader("retry-after")).isEqualTo("1");
          assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
        }
      }
      assertThat(statuses).as("every excess request is shed").containsOnlyKeys(503);
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(healthMs).as("health answered during overload, ms").isLessThan(500);

      // the slow senders finish: their requests are served normally
      for (Socket s : slow) {
        s.getOutputStream().write(body, body.length / 2, body.length - body.length / 2);
        s.getOutputStream().flush();
        assertThat(statusLine(s.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
      }
      // and with the slots free again, new requests are served
      assertThat(
              http.post(port, "127.0.0.1", "/v1/scores")
                  .putHeader("content-type", "application/json")
                  .sendBuffer(Buffer.buffer(body))
                  .await()
                  .statusCode())
          .isEqualTo(200);
    } finally {
      for (Socket s : slow) {
        s.close();
      }
      clients.close().await();
      vertx.close().await();
      redis.close();
    }
  }

  private static String statusLine(InputStream in) throws Exception {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      sb.append((char) c);
    }
    return sb.toString().trim();
  }
}
