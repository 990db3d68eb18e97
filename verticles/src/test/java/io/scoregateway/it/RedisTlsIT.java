package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scoregateway.config.EngineConfig;
import io.scoregateway.config.RedisConfig;
import io.scoregateway.devredis.LocalCluster;
import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.devredis.TestCertificates;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisLink;
import io.scoregateway.redis.RedisTls;
import io.scoregateway.store.LuaScript;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code rediss://} against real {@code redis-server --tls-port} processes with certificates made
 * here: the gateway serves over TLS with the configured CA and a client certificate (standalone,
 * with an ACL user, and cluster with TLS on the bus), and refuses a certificate for another name,
 * an unknown CA and a missing client certificate, logging the URL with its password hidden. A Redis
 * built without TLS fails these tests at start; they never skip.
 */
class RedisTlsIT {
  private static final String PASSWORD = "tls-s3cret";
  static TestCertificates certs;
  static TestCertificates otherCa;
  static LocalRedis redis;
  static int tlsPort;
  static LocalRedis wrongName;
  static int wrongNamePort;
  static Vertx vertx;

  @BeforeAll
  static void setUp() throws Exception {
    certs =
        TestCertificates.create()
            .issue("redis", "DNS:localhost,IP:127.0.0.1")
            .issue("wrong", "DNS:wrong.example")
            .issue("gateway", "DNS:gateway");
    otherCa = TestCertificates.create().issue("gateway", "DNS:gateway");
    tlsPort = LocalRedis.freePort();
    List<String> args = certs.redisTlsArgs(tlsPort, "redis", true);
    args.addAll(List.of("--user", "gw", "on", ">" + PASSWORD, "~*", "&*", "+@all"));
    redis = LocalRedis.start(LocalRedis.freePort(), args);
    wrongNamePort = LocalRedis.freePort();
    wrongName =
        LocalRedis.start(LocalRedis.freePort(), certs.redisTlsArgs(wrongNamePort, "wrong", false));
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void tearDown() {
    if (vertx != null) {
      vertx.close();
    }
    if (wrongName != null) {
      wrongName.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  static RedisTls mutual(TestCertificates client) {
    return new RedisTls(
        certs.cert("ca").toString(),
        client.cert("gateway").toString(),
        client.key("gateway").toString());
  }

  static EngineConfig config(RedisConfig redis, RedisTls tls) throws Exception {
    return TestGateway.config(redis.withTls(tls.caFile(), tls.certFile(), tls.keyFile()), 1, 5_000);
  }

  /** Scores, delivers and scores again: every stage crossed the TLS link. */
  static void servesOver(TestGateway gw) {
    gw.snapshot("s", true, "t1", "", 0.5);
    assertThat(
            gw.putCampaign(
                    "c1",
                    TestGateway.campaign("t1")
                        .put("budget", 100)
                        .put(
                            "frequency_cap",
                            new JsonObject().put("max", 1).put("window_seconds", 3600)))
                .statusCode())
        .isEqualTo(200);
    JsonObject req =
        new JsonObject()
            .put("user", "u1")
            .put("surface", "autoplay")
            .put("market", "SE")
            .put("candidates", new JsonArray().add("t1"));
    assertThat(
            gw.score(req)
                .bodyAsJsonObject()
                .getJsonArray("results")
                .getJsonObject(0)
                .getString("reason"))
        .isEqualTo("promoted");
    assertThat(
            DeliveriesIT.deliver(gw, DeliveriesIT.event("e1", "u1", "t1", "c1"))
                .bodyAsJsonObject()
                .getInteger("accepted"))
        .isEqualTo(1);
    assertThat(
            gw.score(req)
                .bodyAsJsonObject()
                .getJsonArray("results")
                .getJsonObject(0)
                .getString("reason"))
        .isEqualTo("frequency_capped");
  }

  @Test
  void servesOverMutualTlsWithAnAclUser() throws Exception {
    String url = "rediss://gw:" + PASSWORD + "@127.0.0.1:" + tlsPort;
    try (TestGateway gw =
        TestGateway.start(config(RedisConfig.standalone(url), mutual(certs)), null, null)) {
      servesOver(gw);
    }
  }

  @Test
  void theHostNameIsVerified() {
    String url = "rediss://gw:" + PASSWORD + "@127.0.0.1:" + wrongNamePort;
    ListAppender<ILoggingEvent> log = capture();
    try {
      assertThatThrownBy(() -> connect(url, new RedisTls(certs.cert("ca").toString(), null, null)))
          .hasStackTraceContaining("127.0.0.1");
      String line = awaitLine(log, wrongNamePort);
      assertThat(line)
          .contains("rediss://gw:***@127.0.0.1:" + wrongNamePort)
          .doesNotContain(PASSWORD)
          .contains("No subject alternative names matching IP address 127.0.0.1");
    } finally {
      release(log);
    }
  }

  @Test
  void anUnknownCaOrNoClientCertificateIsRefused() throws Exception {
    String url = "rediss://gw:" + PASSWORD + "@localhost:" + tlsPort;
    // the JVM's trust store does not know the test CA
    assertThatThrownBy(() -> connect(url, RedisTls.DEFAULT)).isNotNull();
    // Redis asks for a client certificate (tls-auth-clients yes)
    assertThatThrownBy(() -> connect(url, new RedisTls(certs.cert("ca").toString(), null, null)))
        .isNotNull();
    // a client certificate from a CA Redis does not trust
    assertThatThrownBy(() -> connect(url, mutual(otherCa))).isNotNull();
    connect(url, mutual(certs));
  }

  @Test
  void servesATlsCluster() throws Exception {
    LocalCluster cluster = LocalCluster.startTls(3, 0, 1_500, certs, "redis");
    try (TestGateway gw =
        TestGateway.start(
            config(RedisConfig.cluster(cluster.tlsSeedUrls()), mutual(certs)), null, cluster)) {
      servesOver(gw);
    }
  }

  private static void connect(String url, RedisTls tls) {
    RedisLink link =
        new RedisConnector(
                vertx, tls.applyTo(new RedisOptions().setConnectionString(url)), LuaScript.ALL)
            .link();
    try {
      link.connect()
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(link.send(RedisCall.keyless(Command.PING)).await().toString()).isEqualTo("PONG");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      link.close();
    }
  }

  private static ListAppender<ILoggingEvent> capture() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(RedisLink.class.getPackageName())).addAppender(appender);
    return appender;
  }

  private static void release(ListAppender<ILoggingEvent> appender) {
    ((Logger) LoggerFactory.getLogger(RedisLink.class.getPackageName())).detachAppender(appender);
  }

  private static String awaitLine(ListAppender<ILoggingEvent> log, int port) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < deadline) {
      for (ILoggingEvent e : List.copyOf(log.list)) {
        if (e.getFormattedMessage().contains(":" + port)) {
          return e.getFormattedMessage();
        }
      }
      TestGateway.sleep(20);
    }
    throw new AssertionError("no log line names port " + port + ": " + log.list);
  }
}
