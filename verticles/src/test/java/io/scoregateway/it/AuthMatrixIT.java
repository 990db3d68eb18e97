package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scoregateway.auth.Client;
import io.scoregateway.auth.Role;
import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.store.Keys;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Every endpoint against every kind of caller: no token, a malformed Authorization header, an
 * unknown token, a known token without the role, and the right role. Denied calls change nothing.
 * Health and metrics need no token, each API is served on its own port only, and no token ever
 * comes back in an answer or reaches the log.
 */
class AuthMatrixIT {
  static final String PZN = "pzn-token";
  static final String OPS = "ops-token";
  static final String SCORER = "scorer-token";
  static final String UNKNOWN = "not-a-known-token-7f3a";
  static final List<String> SECRETS = List.of(PZN, OPS, SCORER, UNKNOWN);

  static TestGateway gw;
  static final List<String> answers = new ArrayList<>();
  static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  static final AtomicInteger serial = new AtomicInteger();

  @BeforeAll
  static void setUp() throws Exception {
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    gw =
        TestGateway.start(
            1,
            new TokenAuthenticator(
                List.of(
                    new Client(
                        "pzn", Set.of(Role.SCORE, Role.DELIVER), TokenAuthenticator.sha256(PZN)),
                    new Client("ops", Set.of(Role.ADMIN), TokenAuthenticator.sha256(OPS)),
                    new Client("scorer", Set.of(Role.SCORE), TokenAuthenticator.sha256(SCORER)))));
    gw.snapshot("snap-a", false, "t1", "", 0.5, "t2", "", 0.25);
    gw.snapshot("snap-b", false, "t1", "", 0.4);
    expect(200, admin(HttpMethod.POST, "/admin/v1/snapshots/snap-a/activate", null));
    expect(200, admin(HttpMethod.PUT, "/admin/v1/campaigns/c-auth", TestGateway.campaign("t1")));
  }

  @AfterAll
  static void tearDown() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    gw.close();
  }

  // ---------------------------------------------------------------- the table

  enum Port {
    DATA,
    ADMIN
  }

  /** One endpoint: how to call it with the right role, and what must stay unchanged when denied. */
  record Endpoint(
      String name,
      Port port,
      HttpMethod method,
      String path,
      Role role,
      Supplier<JsonObject> body,
      int allowedStatus,
      Runnable prepare,
      Supplier<Object> state) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              "POST /v1/scores",
              Port.DATA,
              HttpMethod.POST,
              "/v1/scores",
              Role.SCORE,
              AuthMatrixIT::scoreBody,
              200,
              () -> {},
              () -> null),
          new Endpoint(
              "POST /v1/deliveries",
              Port.DATA,
              HttpMethod.POST,
              "/v1/deliveries",
              Role.DELIVER,
              AuthMatrixIT::deliveryBody,
              200,
              () -> {},
              () -> delivered("c-auth")),
          new Endpoint(
              "PUT /admin/v1/campaigns/{id}",
              Port.ADMIN,
              HttpMethod.PUT,
              "/admin/v1/campaigns/c-put",
              Role.ADMIN,
              () -> TestGateway.campaign("t-put").put("budget", 1000 + serial.incrementAndGet()),
              200,
              () -> {},
              () -> campaignOrStatus("c-put")),
          new Endpoint(
              "GET /admin/v1/campaigns/{id}",
              Port.ADMIN,
              HttpMethod.GET,
              "/admin/v1/campaigns/c-auth",
              Role.ADMIN,
              () -> null,
              200,
              () -> {},
              () -> null),
          new Endpoint(
              "DELETE /admin/v1/campaigns/{id}",
              Port.ADMIN,
              HttpMethod.DELETE,
              "/admin/v1/campaigns/c-del",
              Role.ADMIN,
              () -> null,
              204,
              () ->
                  expect(
                      200,
                      admin(
                          HttpMethod.PUT,
                          "/admin/v1/campaigns/c-del",
                          TestGateway.campaign("t-del"))),
              () -> campaignOrStatus("c-del")),
          new Endpoint(
              "GET /admin/v1/campaigns/{id}/history",
              Port.ADMIN,
              HttpMethod.GET,
              "/admin/v1/campaigns/c-auth/history",
              Role.ADMIN,
              () -> null,
              200,
              () -> {},
              () -> null),
          new Endpoint(
              "GET /admin/v1/campaigns",
              Port.ADMIN,
              HttpMethod.GET,
              "/admin/v1/campaigns",
              Role.ADMIN,
              () -> null,
              200,
              () -> {},
              () -> null),
          new Endpoint(
              "GET /admin/v1/snapshots",
              Port.ADMIN,
              HttpMethod.GET,
              "/admin/v1/snapshots",
              Role.ADMIN,
              () -> null,
              200,
              () -> {},
              () -> null),
          new Endpoint(
              "POST /admin/v1/snapshots/{id}/activate",
              Port.ADMIN,
              HttpMethod.POST,
              "/admin/v1/snapshots/snap-b/activate",
              Role.ADMIN,
              () -> null,
              200,
              () ->
                  expect(200, admin(HttpMethod.POST, "/admin/v1/snapshots/snap-a/activate", null)),
              AuthMatrixIT::activeSnapshot));

  enum Outcome {
    UNAUTHENTICATED,
    FORBIDDEN,
    ALLOWED
  }

  /** A caller: the Authorization header it sends (null = none) and what it should get. */
  record Caller(String name, String authorization, Outcome outcome) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Caller> MALFORMED_OR_UNKNOWN =
      List.of(
          new Caller("no Authorization header", null, Outcome.UNAUTHENTICATED),
          new Caller("Basic scheme", "Basic x", Outcome.UNAUTHENTICATED),
          new Caller("Basic with the real token", "Basic " + PZN, Outcome.UNAUTHENTICATED),
          new Caller("Bearer with nothing", "Bearer", Outcome.UNAUTHENTICATED),
          new Caller("empty header", "", Outcome.UNAUTHENTICATED),
          new Caller("token without scheme", OPS, Outcome.UNAUTHENTICATED),
          new Caller("Bearer glued to token", "Bearer" + OPS, Outcome.UNAUTHENTICATED),
          new Caller("unknown token", "Bearer " + UNKNOWN, Outcome.UNAUTHENTICATED),
          new Caller(
              "token in the wrong case",
              "Bearer " + PZN.toUpperCase(Locale.ROOT),
              Outcome.UNAUTHENTICATED),
          new Caller("token with a suffix", "Bearer " + OPS + "x", Outcome.UNAUTHENTICATED),
          new Caller("token prefix", "Bearer " + OPS.substring(0, 5), Outcome.UNAUTHENTICATED),
          new Caller("two tokens", "Bearer " + PZN + " " + OPS, Outcome.UNAUTHENTICATED));

  static List<Caller> callers(Endpoint e) {
    List<Caller> out = new ArrayList<>(MALFORMED_OR_UNKNOWN);
    switch (e.role()) {
      case SCORE -> {
        out.add(new Caller("ops (admin only)", "Bearer " + OPS, Outcome.FORBIDDEN));
        out.add(new Caller("pzn (score, deliver)", "Bearer " + PZN, Outcome.ALLOWED));
        out.add(new Caller("scorer (score)", "Bearer " + SCORER, Outcome.ALLOWED));
      }
      case DELIVER -> {
        out.add(new Caller("ops (admin only)", "Bearer " + OPS, Outcome.FORBIDDEN));
        out.add(new Caller("scorer (score only)", "Bearer " + SCORER, Outcome.FORBIDDEN));
        out.add(new Caller("pzn (score, deliver)", "bearer " + PZN, Outcome.ALLOWED));
      }
      case ADMIN -> {
        out.add(new Caller("pzn (score, deliver)", "Bearer " + PZN, Outcome.FORBIDDEN));
        out.add(new Caller("scorer (score)", "Bearer " + SCORER, Outcome.FORBIDDEN));
        out.add(new Caller("ops (admin)", "Bearer " + OPS, Outcome.ALLOWED));
      }
    }
    return out;
  }

  static Stream<Arguments> matrix() {
    return ENDPOINTS.stream().flatMap(e -> callers(e).stream().map(c -> Arguments.of(e, c)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("matrix")
  void everyEndpointChecksTokenAndRole(Endpoint e, Caller caller) {
    e.prepare().run();
    Object before = e.state().get();
    HttpResponse<Buffer> r =
        send(e.port(), e.method(), e.path(), caller.authorization(), e.body().get());
    String role = e.role().name().toLowerCase(Locale.ROOT);
    switch (caller.outcome()) {
      case UNAUTHENTICATED -> {
        assertProblem(r, 401, "unauthorized");
        assertThat(r.getHeader("www-authenticate")).isEqualTo("Bearer");
        assertThat(e.state().get()).as("a refused call changes nothing").isEqualTo(before);
      }
      case FORBIDDEN -> {
        assertProblem(r, 403, "forbidden");
        assertThat(r.bodyAsJsonObject().getString("detail")).contains("lacks role " + role);
        assertThat(e.state().get()).as("a refused call changes nothing").isEqualTo(before);
      }
      case ALLOWED -> {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(e.allowedStatus());
        assertThat(r.getHeader("www-authenticate")).isNull();
        if (r.statusCode() == 200) {
          assertThat(r.getHeader("content-type")).isEqualTo("application/json");
          assertThat(r.bodyAsJsonObject()).isNotNull();
        }
        if (before != null) {
          assertThat(e.state().get()).as("the allowed call took effect").isNotEqualTo(before);
        }
      }
    }
  }

  // ---------------------------------------------------------------- beside the table

  @Test
  void healthMetricsAndThePageFilesNeedNoToken() {
    for (String auth : new String[] {null, "Bearer " + UNKNOWN, "Basic x"}) {
      for (String path : List.of("/health/live", "/health/ready", "/metrics", "/ui/")) {
        HttpResponse<Buffer> r = send(Port.ADMIN, HttpMethod.GET, path, auth, null);
        assertThat(r.statusCode())
            .as(path + " with " + auth + ": " + r.bodyAsString())
            .isEqualTo(200);
      }
    }
  }

  @Test
  void adminApiIsNotServedOnTheDataPort() {
    for (Endpoint e : ENDPOINTS) {
      if (e.port() != Port.ADMIN) {
        continue;
      }
      for (String auth : new String[] {null, "Bearer " + OPS}) {
        HttpResponse<Buffer> r = send(Port.DATA, e.method(), e.path(), auth, e.body().get());
        assertProblem(r, 404, "not-found");
      }
    }
    for (String path : List.of("/health/live", "/health/ready", "/metrics", "/ui/")) {
      assertProblem(send(Port.DATA, HttpMethod.GET, path, "Bearer " + OPS, null), 404, "not-found");
    }
  }

  @Test
  void dataApiIsNotServedOnTheAdminPort() {
    for (Endpoint e : ENDPOINTS) {
      if (e.port() != Port.DATA) {
        continue;
      }
      for (String auth : new String[] {null, "Bearer " + PZN}) {
        HttpResponse<Buffer> r = send(Port.ADMIN, e.method(), e.path(), auth, e.body().get());
        assertProblem(r, 404, "not-found");
      }
    }
  }

  /** Runs after the others by name order is not guaranteed, so it makes its own calls too. */
  @Test
  void tokensNeverComeBackNorReachTheLog() {
    for (Endpoint e : ENDPOINTS) {
      for (Caller c : callers(e)) {
        send(e.port(), e.method(), e.path(), c.authorization(), e.body().get());
      }
    }
    assertThat(answers).isNotEmpty();
    for (String answer : answers) {
      for (String secret : SECRETS) {
        assertThat(answer).doesNotContain(secret).doesNotContain(secret.toUpperCase(Locale.ROOT));
      }
    }
    for (ILoggingEvent event : List.copyOf(logs.list)) {
      String line =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
      for (String secret : SECRETS) {
        assertThat(line).doesNotContain(secret);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  static JsonObject scoreBody() {
    return new JsonObject()
        .put("user", "u-1")
        .put("surface", "autoplay")
        .put("market", "SE")
        .put("candidates", new JsonArray().add("t1").add("t2"));
  }

  static JsonObject deliveryBody() {
    return new JsonObject()
        .put(
            "events",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("id", "e-auth-" + serial.incrementAndGet())
                        .put("user", "u-1")
                        .put("track", "t1")
                        .put("campaign", "c-auth")
                        .put("surface", "autoplay")
                        .put("ts", "2026-11-28T11:59:00Z")));
  }

  static long delivered(String campaign) {
    Response r =
        gw.seedLink
            .send(RedisCall.on(Command.HGET, Keys.pacing(campaign)).arg("delivered"))
            .await();
    return r == null ? 0 : r.toLong();
  }

  static Object campaignOrStatus(String id) {
    HttpResponse<Buffer> r = admin(HttpMethod.GET, "/admin/v1/campaigns/" + id, null);
    if (r.statusCode() != 200) {
      return r.statusCode();
    }
    JsonObject c = r.bodyAsJsonObject();
    return c.getLong("budget") + " " + c.getJsonArray("tracks");
  }

  static Object activeSnapshot() {
    HttpResponse<Buffer> r = admin(HttpMethod.GET, "/admin/v1/snapshots", null);
    return expect(200, r).bodyAsJsonObject().getString("active");
  }

  static HttpResponse<Buffer> admin(HttpMethod method, String path, JsonObject body) {
    return send(Port.ADMIN, method, path, "Bearer " + OPS, body);
  }

  static HttpResponse<Buffer> send(
      Port port, HttpMethod method, String path, String authorization, JsonObject body) {
    HttpRequest<Buffer> req =
        gw.http
            .request(method, port == Port.DATA ? gw.port : gw.adminPort, "127.0.0.1", path)
            .timeout(10_000);
    if (authorization != null) {
      req.putHeader("authorization", authorization);
    }
    HttpResponse<Buffer> r = body == null ? req.send().await() : req.sendJsonObject(body).await();
    StringBuilder seen = new StringBuilder(r.bodyAsString() == null ? "" : r.bodyAsString());
    MultiMap headers = r.headers();
    headers.forEach((k, v) -> seen.append('\n').append(k).append(": ").append(v));
    synchronized (answers) {
      answers.add(seen.toString());
    }
    return r;
  }

  static HttpResponse<Buffer> expect(int status, HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    return r;
  }

  static void assertProblem(HttpResponse<Buffer> r, int status, String typeSuffix) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
    JsonObject p = r.bodyAsJsonObject();
    assertThat(p.getInteger("status")).isEqualTo(status);
    assertThat(p.getString("type")).endsWith("/" + typeSuffix);
    assertThat(p.getString("title")).isNotBlank();
    assertThat(p.getString("detail")).isNotBlank();
  }
}
