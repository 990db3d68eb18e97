package io.scoregateway.it;

import static io.scoregateway.it.MalformedInputs.JsonType.ARRAY;
import static io.scoregateway.it.MalformedInputs.JsonType.BOOLEAN;
import static io.scoregateway.it.MalformedInputs.JsonType.NUMBER;
import static io.scoregateway.it.MalformedInputs.JsonType.OBJECT;
import static io.scoregateway.it.MalformedInputs.JsonType.STRING;
import static io.scoregateway.it.MalformedInputs.badId;
import static io.scoregateway.it.MalformedInputs.field;
import static io.scoregateway.it.MalformedInputs.object;
import static io.scoregateway.it.MalformedInputs.str;
import static io.scoregateway.it.MalformedInputs.validId;
import static io.scoregateway.it.MalformedInputs.wrongType;
import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.auth.Client;
import io.scoregateway.auth.Role;
import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.store.Keys;
import io.scoregateway.store.SnapshotWriter;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based fuzzing of every endpoint that takes input: thousands of malformed requests
 * (broken JSON, deep nesting, huge strings, wrong types, bad ids, out-of-range numbers, duplicated
 * keys, unknown fields, bad headers, bad path ids) must each get a 4xx application/problem+json
 * with type/title/status/detail, never a 5xx, never a state change; afterwards the gateway still
 * answers.
 */
class FuzzIT {
  static final String TOKEN = "fuzz-token";
  static final String NOW = "2026-11-28T11:59:00Z";

  static TestGateway gw;
  static HttpClientAgent client;
  static final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
  static final AtomicLong sent = new AtomicLong();
  static String campaignsBefore;
  static long deliveredBefore;

  @BeforeContainer
  static void startGateway() throws Exception {
    gw =
        TestGateway.start(
            1,
            new TokenAuthenticator(
                List.of(
                    new Client(
                        "fuzzer",
                        Set.of(Role.SCORE, Role.DELIVER, Role.ADMIN),
                        TokenAuthenticator.sha256(TOKEN)))));
    client = gw.vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    gw.snapshot("snap-fz", false, "t1", "", 0.5, "t2", "", 0.25, "t3", "", 0.75);
    new SnapshotWriter(gw.seedLink, "snap-loading").begin("test").await();
    check(
        200,
        send(
            new Req(
                "setup",
                HttpMethod.POST,
                true,
                "/admin/v1/snapshots/snap-fz/activate",
                null,
                null,
                null)));
    check(
        200,
        send(
            new Req(
                "setup",
                HttpMethod.PUT,
                true,
                "/admin/v1/campaigns/c-fz",
                "application/json",
                null,
                TestGateway.campaign("t1", "t2").encode().getBytes(StandardCharsets.UTF_8))));
    campaignsBefore = campaigns();
    deliveredBefore = delivered();
  }

  @AfterContainer
  static void stillServingAndNothingChanged() {
    try {
      stillServing();
      assertThat(campaigns()).as("no fuzzed PUT stored a campaign").isEqualTo(campaignsBefore);
      assertThat(delivered()).as("no fuzzed delivery was counted").isEqualTo(deliveredBefore);
      JsonObject snaps =
          check(
                  200,
                  send(
                      new Req(
                          "after", HttpMethod.GET, true, "/admin/v1/snapshots", null, null, null)))
              .json();
      assertThat(snaps.getString("active"))
          .as("no fuzzed activation took effect")
          .isEqualTo("snap-fz");
      System.out.println(
          "FuzzIT: "
              + sent.get()
              + " requests; answers by route and status: "
              + new TreeMap<>(statuses));
    } finally {
      gw.close();
    }
  }

  @AfterProperty
  void afterEachProperty() {
    stillServing();
  }

  static void stillServing() {
    Answer ok =
        send(
            new Req(
                "still serving",
                HttpMethod.POST,
                false,
                "/v1/scores",
                "application/json",
                null,
                validScore().getBytes(StandardCharsets.UTF_8)));
    check(200, ok);
    assertThat(ok.json().getJsonArray("results")).hasSize(3);
    check(200, send(new Req("live", HttpMethod.GET, true, "/health/live", null, null, null)));
    check(200, send(new Req("ready", HttpMethod.GET, true, "/health/ready", null, null, null)));
  }

  // ================================================================ properties

  @Property(tries = 1000)
  void scoresRejectMalformedBodies(@ForAll("malformedScores") Req req) {
    assertProblem(req, sendCounted(req));
  }

  @Property(tries = 1000)
  void deliveriesRejectMalformedEnvelopes(@ForAll("malformedDeliveries") Req req) {
    assertProblem(req, sendCounted(req));
  }

  @Property(tries = 1000)
  void campaignPutRejectsMalformedConfigsAndIds(@ForAll("malformedCampaigns") Req req) {
    assertProblem(req, sendCounted(req));
  }

  @Property(tries = 1000)
  void activationRejectsBadAndUnknownSnapshotIds(@ForAll("badActivations") Req req) {
    assertProblem(req, sendCounted(req));
  }

  @Property(tries = 1000)
  void badContentTypesAndDeadlineHeadersAreRefused(@ForAll("badHeaders") Req req) {
    Answer a = sendCounted(req);
    assertProblem(req, a);
    assertThat(a.status())
        .as(req.toString())
        .isEqualTo(req.kind().startsWith("timeout") ? 400 : 415);
  }

  @Property(tries = 500)
  void garbageAuthorizationIsUnauthenticated(@ForAll("badAuthorization") Req req) {
    Answer a = sendCounted(req);
    assertProblem(req, a);
    assertThat(a.status()).as(req.toString()).isEqualTo(401);
    assertThat(a.headers().get("www-authenticate")).isEqualTo("Bearer");
  }

  @Property(tries = 500)
  void strangePathsOnBothPortsAnswerProblemJson(@ForAll("strangePaths") Req req) {
    assertProblem(req, sendCounted(req));
  }

  /**
   * Per-event garbage is not a 4xx by contract: each bad event is rejected alone, nothing is
   * counted.
   */
  @Property(tries = 300)
  void badDeliveryEventsAreRejectedOneByOne(@ForAll("badEvents") Req req) {
    Answer a = sendCounted(req);
    int events =
        new JsonObject(new String(req.body(), StandardCharsets.UTF_8))
            .getJsonArray("events")
            .size();
    assertThat(a.status()).as(req + " -> " + a).isEqualTo(200);
    JsonObject body = a.json();
    assertThat(body.getInteger("accepted")).as(a.toString()).isZero();
    assertThat(body.getInteger("duplicates")).isZero();
    JsonArray rejected = body.getJsonArray("rejected");
    assertThat(rejected).hasSize(events);
    for (int i = 0; i < events; i++) {
      assertThat(rejected.getJsonObject(i).getInteger("index")).isEqualTo(i);
      assertThat(rejected.getJsonObject(i).getString("error")).isNotBlank();
    }
  }

  /** Regression: a path Vert.x cannot decode used to get a plain-text 400 and an ERROR log line. */
  @Example
  void undecodablePathsAreProblemJson() {
    for (Req req :
        List.of(
            new Req(
                "path",
                HttpMethod.POST,
                false,
                "/v1/scores%",
                "application/json",
                null,
                validScore().getBytes(StandardCharsets.UTF_8)),
            new Req(
                "path",
                HttpMethod.POST,
                true,
                "/admin/v1/snapshots/snap%zz/activate",
                null,
                null,
                null),
            new Req("path", HttpMethod.GET, true, "/health/live%", null, null, null))) {
      Answer a = send(req);
      assertProblem(req, a);
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.json().getString("detail")).isEqualTo("path: invalid percent-encoding");
    }
  }

  @Example
  void oversizedBodiesAre413() {
    byte[] scores = ("{\"user\":\"" + "u".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    byte[] deliveries =
        ("{\"events\":[],\"x\":\"" + "e".repeat(1_100_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] campaign =
        ("{\"tracks\":[],\"x\":\"" + "c".repeat(8_500_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    for (Req req :
        List.of(
            new Req(
                "huge scores",
                HttpMethod.POST,
                false,
                "/v1/scores",
                "application/json",
                null,
                scores),
            new Req(
                "huge deliveries",
                HttpMethod.POST,
                false,
                "/v1/deliveries",
                "application/json",
                null,
                deliveries),
            new Req(
                "huge campaign",
                HttpMethod.PUT,
                true,
                "/admin/v1/campaigns/c-huge",
                "application/json",
                null,
                campaign))) {
      Answer a = send(req);
      assertProblem(req, a);
      assertThat(a.status()).as(req.toString()).isEqualTo(413);
    }
  }

  /**
   * Content types with bodies past the form decoder's 8 KB, gzip bodies, unknown fields, long URLs
   * and headers.
   */
  @Property(tries = 400)
  void httpEdgesAnswerProblemJson(@ForAll("httpEdges") Req req) {
    assertProblem(req, sendCounted(req));
  }

  /** Requests without a Host header, on every route of both ports, over a bare socket. */
  @Example
  void missingHostIs400Everywhere() throws Exception {
    for (String path :
        List.of(
            "/v1/scores",
            "/v1/deliveries",
            "/admin/v1/campaigns/c-fz",
            "/admin/v1/snapshots",
            "/health/live",
            "/health/ready",
            "/metrics",
            "/nowhere")) {
      for (int p : List.of(gw.port, gw.adminPort)) {
        RawHttp.Answer a =
            RawHttp.send(
                p, "GET " + path + " HTTP/1.1\r\nauthorization: Bearer " + TOKEN + "\r\n\r\n");
        assertThat(a.statusLine()).as(path + " " + a).startsWith("HTTP/1.1 400");
        assertThat(a.headers().get("content-type")).isEqualTo("application/problem+json");
      }
    }
  }

  enum EdgeDefect {
    FORM_BODY,
    BIG_BODY_ODD_TYPE,
    GZIP_GARBAGE,
    GZIP_MALFORMED_JSON,
    GZIP_UNKNOWN_FIELD,
    UNKNOWN_FIELD,
    NEAR_MISS_FIELD,
    UNKNOWN_ENCODING,
    LONG_URL,
    BIG_HEADER
  }

  @Provide
  Arbitrary<Req> httpEdges() {
    return defects(
        EdgeDefect.class,
        (kind, r) -> {
          int endpoint = r.nextInt(3);
          String[] uris = {"/v1/scores", "/v1/deliveries", "/admin/v1/campaigns/fz-edge"};
          String valid =
              switch (endpoint) {
                case 0 -> validScore();
                case 1 -> "{\"events\":" + events(1, r) + "}";
                default -> object(campaignFields());
              };
          String ct = "application/json";
          Map<String, String> headers = null;
          String uri = uris[endpoint];
          byte[] body = valid.getBytes(StandardCharsets.UTF_8);
          String unknown = "\"x_" + validId(r) + "\":1";
          String nearMiss =
              List.of(
                      "\"maxPromoted\":1",
                      "\"Explain\":true",
                      "\"Events\":[]",
                      "\"frequencyCap\":{}",
                      "\"Boost\":2")
                  .get(r.nextInt(5));
          switch (kind) {
            case FORM_BODY -> {
              ct =
                  List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=b")
                      .get(r.nextInt(2));
              body =
                  ("a=" + "x".repeat(8_000 + r.nextInt(200_000))).getBytes(StandardCharsets.UTF_8);
            }
            case BIG_BODY_ODD_TYPE -> {
              ct = r.nextBoolean() ? null : randomContentType(r);
              body = MalformedInputs.broken(valid + " ".repeat(8_000 + r.nextInt(50_000)), r);
            }
            case GZIP_GARBAGE -> {
              headers = Map.of("content-encoding", "gzip");
              body = MalformedInputs.broken(valid, r);
            }
            case GZIP_MALFORMED_JSON -> {
              headers = Map.of("content-encoding", r.nextBoolean() ? "gzip" : "deflate");
              body = compress(MalformedInputs.broken(valid, r), headers.get("content-encoding"));
            }
            case GZIP_UNKNOWN_FIELD -> {
              headers = Map.of("content-encoding", "gzip");
              body =
                  compress(
                      ("{" + unknown + "," + valid.substring(1)).getBytes(StandardCharsets.UTF_8),
                      "gzip");
            }
            case UNKNOWN_FIELD ->
                body = ("{" + unknown + "," + valid.substring(1)).getBytes(StandardCharsets.UTF_8);
            case NEAR_MISS_FIELD ->
                body = ("{" + nearMiss + "," + valid.substring(1)).getBytes(StandardCharsets.UTF_8);
            case UNKNOWN_ENCODING ->
                headers =
                    Map.of(
                        "content-encoding",
                        List.of("br", "zstd", "compress", "gzip, gzip", "x-" + validId(r))
                            .get(r.nextInt(5)));
            case LONG_URL -> uri = uri + "?q=" + "u".repeat(8_200 + r.nextInt(50_000));
            case BIG_HEADER -> headers = Map.of("x-filler", "h".repeat(16_400 + r.nextInt(40_000)));
          }
          return new Req(
              "edge " + kind,
              endpoint == 2 ? HttpMethod.PUT : HttpMethod.POST,
              endpoint == 2,
              uri,
              ct,
              headers,
              body);
        });
  }

  static byte[] compress(byte[] in, String coding) {
    try {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (java.io.OutputStream z =
          coding.equals("gzip")
              ? new java.util.zip.GZIPOutputStream(out)
              : new java.util.zip.DeflaterOutputStream(out)) {
        z.write(in);
      }
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ================================================================ generators

  /**
   * Generators pick a defect by name (shrinks towards the first) and build the request from a seed.
   */
  static <E extends Enum<E>> Arbitrary<Req> defects(
      Class<E> kinds, BiFunction<E, Random, Req> build) {
    return Combinators.combine(Arbitraries.of(kinds), Arbitraries.longs())
        .as((kind, seed) -> build.apply(kind, new Random(seed)));
  }

  static final Set<String> SCORE_FIELDS =
      Set.of("user", "surface", "market", "segment", "candidates", "max_promoted", "explain");

  static List<String[]> scoreFields() {
    return new ArrayList<>(
        List.of(
            field("user", "\"u-1\""),
            field("surface", "\"autoplay\""),
            field("market", "\"SE\""),
            field("segment", "\"s1\""),
            field("candidates", "[\"t1\",\"t2\",\"t3\"]"),
            field("max_promoted", "2"),
            field("explain", "false")));
  }

  static String validScore() {
    return object(scoreFields());
  }

  enum ScoreDefect {
    BROKEN_JSON,
    DEEP_NESTING,
    UNBALANCED_NESTING,
    HUGE_ID,
    OVERSIZED,
    MISSING_FIELD,
    WRONG_TYPE,
    BAD_ID,
    BAD_CANDIDATE,
    BAD_MARKET,
    NO_CANDIDATES,
    TOO_MANY_CANDIDATES,
    BAD_MAX_PROMOTED,
    BAD_EXPLAIN,
    DUPLICATED_KEY_BAD_VALUE
  }

  @Provide
  Arbitrary<Req> malformedScores() {
    return defects(
        ScoreDefect.class,
        (kind, r) -> {
          List<String[]> f = scoreFields();
          boolean decorate = true;
          byte[] raw = null;
          switch (kind) {
            case BROKEN_JSON -> raw = MalformedInputs.broken(validScore(), r);
            case DEEP_NESTING ->
                f.add(
                    r.nextInt(f.size() + 1),
                    field("x_deep", MalformedInputs.nested(17 + r.nextInt(4000), r)));
            case UNBALANCED_NESTING ->
                raw =
                    (validScore().substring(0, validScore().length() - 1)
                            + ",\"x\":"
                            + MalformedInputs.unbalanced(1 + r.nextInt(4000), r))
                        .getBytes(StandardCharsets.UTF_8);
            case HUGE_ID -> {
              String huge = "h".repeat(129 + r.nextInt(130_000));
              switch (r.nextInt(4)) {
                case 0 -> MalformedInputs.set(f, "user", str(huge));
                case 1 -> MalformedInputs.set(f, "surface", str(huge));
                case 2 -> MalformedInputs.set(f, "segment", str(huge));
                default -> MalformedInputs.set(f, "candidates", "[\"t1\"," + str(huge) + "]");
              }
            }
            case OVERSIZED -> f.add(field("x_pad", str("p".repeat(150_000 + r.nextInt(150_000)))));
            case MISSING_FIELD -> {
              MalformedInputs.remove(
                  f, List.of("user", "surface", "market", "candidates").get(r.nextInt(4)));
              decorate = false; // a duplicate could put the missing field back
            }
            case WRONG_TYPE -> {
              String name = List.copyOf(SCORE_FIELDS).get(r.nextInt(SCORE_FIELDS.size()));
              String value =
                  switch (name) {
                    case "candidates" -> wrongType(r, false, ARRAY);
                    case "max_promoted" -> wrongType(r, false, NUMBER);
                    case "explain" -> wrongType(r, false, BOOLEAN);
                    default -> wrongType(r, false, STRING);
                  };
              MalformedInputs.set(f, name, value);
            }
            case BAD_ID ->
                MalformedInputs.set(
                    f, List.of("user", "surface", "segment").get(r.nextInt(3)), str(badId(r)));
            case BAD_CANDIDATE -> {
              List<String> c = new ArrayList<>();
              int n = 1 + r.nextInt(50);
              for (int i = 0; i < n; i++) {
                c.add(str("t" + i));
              }
              c.set(r.nextInt(n), r.nextInt(4) == 0 ? wrongType(r, false, STRING) : str(badId(r)));
              MalformedInputs.set(f, "candidates", "[" + String.join(",", c) + "]");
            }
            case BAD_MARKET ->
                MalformedInputs.set(
                    f,
                    "market",
                    str(
                        List.of(
                                "se",
                                "Se",
                                "SWE",
                                "S",
                                "",
                                "S1",
                                "12",
                                "S E",
                                "\u00c5L",
                                "sE",
                                validId(r) + "x")
                            .get(r.nextInt(11))));
            case NO_CANDIDATES -> MalformedInputs.set(f, "candidates", "[]");
            case TOO_MANY_CANDIDATES -> {
              int n = 1001 + r.nextInt(500);
              StringBuilder b = new StringBuilder("[");
              for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
              }
              MalformedInputs.set(f, "candidates", b.append(']').toString());
            }
            case BAD_MAX_PROMOTED ->
                MalformedInputs.set(
                    f,
                    "max_promoted",
                    List.of(
                            Integer.toString(-1 - r.nextInt(Integer.MAX_VALUE)),
                            Long.toString(
                                Integer.MAX_VALUE + 1L + (r.nextLong() & 0x3fffffffffffffffL)),
                            "9".repeat(20 + r.nextInt(11)),
                            "9".repeat(40),
                            r.nextInt(100) + "." + (1 + r.nextInt(9)),
                            (1 + r.nextInt(9)) + "e" + r.nextInt(3),
                            "2.0",
                            "-0.5",
                            "\"" + r.nextInt(10) + "\"",
                            "\"NaN\"",
                            MalformedInputs.NON_JSON_NUMBERS.get(
                                r.nextInt(MalformedInputs.NON_JSON_NUMBERS.size())))
                        .get(r.nextInt(11)));
            case BAD_EXPLAIN ->
                MalformedInputs.set(
                    f,
                    "explain",
                    List.of("\"true\"", "1", "0", "null", "[]", "{}", "\"yes\"", "True")
                        .get(r.nextInt(8)));
            case DUPLICATED_KEY_BAD_VALUE -> {
              // the bad copy may come first or last: every copy is validated
              String name = List.of("user", "surface", "segment").get(r.nextInt(3));
              f.add(
                  r.nextInt(f.size() + 1),
                  field(name, r.nextBoolean() ? str(badId(r)) : wrongType(r, false, STRING)));
            }
          }
          if (raw == null) {
            if (decorate && r.nextBoolean()) {
              MalformedInputs.addUnknownFields(f, SCORE_FIELDS, r);
            }
            if (decorate && r.nextBoolean()) {
              Collections.shuffle(f, r);
            }
            raw = object(f).getBytes(StandardCharsets.UTF_8);
          }
          return new Req(
              "scores " + kind,
              HttpMethod.POST,
              false,
              "/v1/scores",
              "application/json",
              r.nextInt(4) == 0 ? Map.of("accept", "application/x-ndjson") : null,
              raw);
        });
  }

  static String validEvent(Random r) {
    return object(eventFields(r));
  }

  static List<String[]> eventFields(Random r) {
    return new ArrayList<>(
        List.of(
            field("id", str("e-fz-" + r.nextInt(1_000_000))),
            field("user", "\"u-1\""),
            field("track", "\"t1\""),
            field("campaign", "\"c-fz\""),
            field("surface", "\"autoplay\""),
            field("ts", str(NOW))));
  }

  static String events(int n, Random r) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(validEvent(r));
    }
    return "[" + String.join(",", out) + "]";
  }

  enum EnvelopeDefect {
    BROKEN_JSON,
    TOO_DEEP,
    UNBALANCED_NESTING,
    NOT_AN_OBJECT,
    NO_EVENTS,
    EVENTS_NULL,
    EVENTS_WRONG_TYPE,
    EVENTS_EMPTY,
    TOO_MANY_EVENTS,
    DUPLICATED_EVENTS_KEY,
    BARE_NAN_IN_EVENT
  }

  @Provide
  Arbitrary<Req> malformedDeliveries() {
    return defects(
        EnvelopeDefect.class,
        (kind, r) -> {
          String good = events(1 + r.nextInt(3), r);
          List<String[]> f = new ArrayList<>();
          f.add(field("events", good));
          byte[] raw = null;
          switch (kind) {
            case BROKEN_JSON -> raw = MalformedInputs.broken(object(f), r);
            case TOO_DEEP ->
                f.add(
                    r.nextInt(2), field("x_deep", MalformedInputs.nested(33 + r.nextInt(4000), r)));
            case UNBALANCED_NESTING ->
                raw =
                    ("{\"events\":"
                            + good
                            + ",\"x\":"
                            + MalformedInputs.unbalanced(1 + r.nextInt(4000), r))
                        .getBytes(StandardCharsets.UTF_8);
            case NOT_AN_OBJECT ->
                raw =
                    List.of("[]", good, "1", "\"events\"", "null", "true", "[" + object(f) + "]")
                        .get(r.nextInt(7))
                        .getBytes(StandardCharsets.UTF_8);
            case NO_EVENTS -> {
              f.clear();
              f.add(field("event", good));
            }
            case EVENTS_NULL -> MalformedInputs.set(f, "events", "null");
            case EVENTS_WRONG_TYPE ->
                MalformedInputs.set(
                    f, "events", r.nextBoolean() ? validEvent(r) : wrongType(r, true, ARRAY));
            case EVENTS_EMPTY -> MalformedInputs.set(f, "events", "[]");
            case TOO_MANY_EVENTS ->
                MalformedInputs.set(f, "events", events(1001 + r.nextInt(200), r));
            case DUPLICATED_EVENTS_KEY ->
                f.add(field("events", r.nextBoolean() ? "[]" : wrongType(r, true, ARRAY)));
            case BARE_NAN_IN_EVENT ->
                raw =
                    ("{\"events\":[{\"id\":\"e-1\",\"user\":\"u-1\",\"track\":\"t1\",\"campaign\":\"c-fz\","
                            + "\"surface\":\"autoplay\",\"ts\":\""
                            + NOW
                            + "\",\"n\":"
                            + MalformedInputs.NON_JSON_NUMBERS.get(
                                r.nextInt(MalformedInputs.NON_JSON_NUMBERS.size()))
                            + "}]}")
                        .getBytes(StandardCharsets.UTF_8);
          }
          if (raw == null) {
            if (kind != EnvelopeDefect.DUPLICATED_EVENTS_KEY && r.nextBoolean()) {
              MalformedInputs.addUnknownFields(f, Set.of("events"), r);
            }
            raw = object(f).getBytes(StandardCharsets.UTF_8);
          }
          return new Req(
              "deliveries " + kind,
              HttpMethod.POST,
              false,
              "/v1/deliveries",
              "application/json",
              null,
              raw);
        });
  }

  enum EventDefect {
    NOT_AN_OBJECT,
    MISSING_FIELD,
    WRONG_TYPE,
    BAD_ID,
    BAD_TS
  }

  @Provide
  Arbitrary<Req> badEvents() {
    return Combinators.combine(
            Arbitraries.of(EventDefect.class).list().ofMinSize(1).ofMaxSize(30),
            Arbitraries.longs())
        .as(
            (kinds, seed) -> {
              Random r = new Random(seed);
              List<String> out = new ArrayList<>();
              for (EventDefect kind : kinds) {
                List<String[]> e = eventFields(r);
                String[] names = {"id", "user", "track", "campaign", "surface", "ts"};
                String name = names[r.nextInt(names.length)];
                switch (kind) {
                  case NOT_AN_OBJECT -> {
                    out.add(wrongType(r, false, OBJECT));
                    continue;
                  }
                  case MISSING_FIELD -> MalformedInputs.remove(e, name);
                  case WRONG_TYPE -> MalformedInputs.set(e, name, wrongType(r, false, STRING));
                  case BAD_ID -> MalformedInputs.set(e, names[r.nextInt(5)], str(badId(r)));
                  case BAD_TS ->
                      MalformedInputs.set(
                          e,
                          "ts",
                          str(
                              List.of(
                                      "",
                                      "yesterday",
                                      "2026-11-28",
                                      "2026-13-01T00:00:00Z",
                                      "2026-11-28 12:00:00",
                                      "1764331200",
                                      "2026-11-28T25:00:00Z",
                                      "2026-02-30T00:00:00Z",
                                      "T12:00:00Z")
                                  .get(r.nextInt(9))));
                }
                out.add(object(e));
              }
              byte[] raw =
                  ("{\"events\":[" + String.join(",", out) + "]}").getBytes(StandardCharsets.UTF_8);
              return new Req(
                  "deliveries bad events",
                  HttpMethod.POST,
                  false,
                  "/v1/deliveries",
                  "application/json",
                  null,
                  raw);
            });
  }

  static final Set<String> CAMPAIGN_FIELDS =
      Set.of(
          "id",
          "tracks",
          "surfaces",
          "markets",
          "start",
          "end",
          "budget",
          "pacing",
          "frequency_cap",
          "boost",
          "status",
          "traffic_profile");

  static List<String[]> campaignFields() {
    return new ArrayList<>(
        List.of(
            field("tracks", "[\"fz-t1\",\"fz-t2\"]"),
            field("surfaces", "[\"autoplay\",\"radio\"]"),
            field("markets", "[\"SE\",\"US\"]"),
            field("start", "\"2026-11-01T00:00:00Z\""),
            field("end", "\"2026-12-01T00:00:00Z\""),
            field("budget", "5000"),
            field("pacing", "\"even\""),
            field("frequency_cap", "{\"max\":3,\"window_seconds\":86400}"),
            field("boost", "1.5"),
            field("status", "\"active\""),
            field("traffic_profile", "[" + "1,".repeat(23) + "2]")));
  }

  enum CampaignDefect {
    BROKEN_JSON,
    TOO_DEEP,
    NOT_AN_OBJECT,
    BAD_PATH_ID,
    ID_MISMATCH,
    TRACKS,
    SURFACES,
    MARKETS,
    START_END,
    BUDGET,
    PACING,
    FREQUENCY_CAP,
    BOOST,
    STATUS,
    TRAFFIC_PROFILE,
    DUPLICATED_KEY_BAD_LAST
  }

  @Provide
  Arbitrary<Req> malformedCampaigns() {
    return defects(
        CampaignDefect.class,
        (kind, r) -> {
          List<String[]> f = campaignFields();
          String id = "fz-" + validId(r);
          byte[] raw = null;
          switch (kind) {
            case BROKEN_JSON -> raw = MalformedInputs.broken(object(f), r);
            case TOO_DEEP ->
                f.add(
                    r.nextInt(f.size() + 1),
                    field("x_deep", MalformedInputs.nested(33 + r.nextInt(4000), r)));
            case NOT_AN_OBJECT ->
                raw =
                    List.of("[]", "[" + object(f) + "]", "1", "\"c\"", "null", "true", "")
                        .get(r.nextInt(7))
                        .getBytes(StandardCharsets.UTF_8);
            case BAD_PATH_ID -> id = badId(r);
            case ID_MISMATCH ->
                f.add(
                    field(
                        "id",
                        r.nextBoolean()
                            ? str("other-" + validId(r))
                            : wrongType(r, false, STRING)));
            case TRACKS -> {
              switch (r.nextInt(4)) {
                case 0 -> MalformedInputs.remove(f, "tracks");
                case 1 -> MalformedInputs.set(f, "tracks", wrongType(r, false, ARRAY));
                case 2 -> MalformedInputs.set(f, "tracks", "[]");
                default ->
                    MalformedInputs.set(
                        f,
                        "tracks",
                        "[\"fz-t1\","
                            + (r.nextBoolean() ? str(badId(r)) : wrongType(r, false, STRING))
                            + "]");
              }
            }
            case SURFACES ->
                MalformedInputs.set(
                    f,
                    "surfaces",
                    switch (r.nextInt(3)) {
                      case 0 -> wrongType(r, false, ARRAY);
                      case 1 -> "[" + str(badId(r)) + "]";
                      default -> "[\"autoplay\"," + wrongType(r, false, STRING) + "]";
                    });
            case MARKETS ->
                MalformedInputs.set(
                    f,
                    "markets",
                    switch (r.nextInt(3)) {
                      case 0 -> wrongType(r, false, ARRAY);
                      case 1 ->
                          "["
                              + str(List.of("se", "SWE", "S1", "", "S", "s e").get(r.nextInt(6)))
                              + "]";
                      default -> "[\"SE\"," + wrongType(r, false, STRING) + "]";
                    });
            case START_END -> {
              String which = r.nextBoolean() ? "start" : "end";
              switch (r.nextInt(4)) {
                case 0 -> MalformedInputs.remove(f, which);
                case 1 -> MalformedInputs.set(f, which, wrongType(r, false, STRING));
                case 2 ->
                    MalformedInputs.set(
                        f,
                        which,
                        str(
                            List.of(
                                    "",
                                    "soon",
                                    "2026-11-01",
                                    "2026-11-01T00:00:00",
                                    "2026-11-31T00:00:00Z",
                                    "01/11/2026",
                                    "2026-11-01T24:00:01Z",
                                    "1762000000")
                                .get(r.nextInt(8))));
                default ->
                    MalformedInputs.set(
                        f,
                        "end",
                        r.nextBoolean() ? "\"2026-11-01T00:00:00Z\"" : "\"2026-10-01T00:00:00Z\"");
              }
            }
            case BUDGET ->
                MalformedInputs.set(
                    f,
                    "budget",
                    switch (r.nextInt(8)) {
                      case 0 -> "null";
                      case 1 -> wrongType(r, true, NUMBER);
                      case 2 ->
                          Long.toString(
                              -1 - (r.nextLong() & 0x3fffffffffffffffL) % 1_000_000_000_000L);
                      case 3 -> r.nextInt(100_000) + "." + (1 + r.nextInt(99));
                      case 4 ->
                          Long.toString(
                              1_000_000_000_001L
                                  + (r.nextLong() & 0x3fffffffffffffffL) % 9_000_000_000_000_000L);
                      case 5 -> "9".repeat(19 + r.nextInt(30));
                      case 6 -> (13 + r.nextInt(290)) + "e" + (13 + r.nextInt(290));
                      default -> {
                        MalformedInputs.remove(f, "budget");
                        yield null;
                      }
                    });
            case PACING ->
                MalformedInputs.set(
                    f,
                    "pacing",
                    r.nextBoolean()
                        ? wrongType(r, true, STRING)
                        : str(
                            List.of(
                                    "EVEN",
                                    "Even",
                                    "frontloaded",
                                    "front-loaded",
                                    "ASAP",
                                    "",
                                    "slow",
                                    validId(r) + "!")
                                .get(r.nextInt(8))));
            case FREQUENCY_CAP ->
                MalformedInputs.set(
                    f,
                    "frequency_cap",
                    switch (r.nextInt(10)) {
                      case 0 -> wrongType(r, true, OBJECT);
                      case 1 -> "{}";
                      case 2 -> "{\"max\":3}";
                      case 3 -> "{\"window_seconds\":60}";
                      case 4 ->
                          "{\"max\":"
                              + List.of("0", "-1", "1.5", "1000001", "\"3\"", "null", "[]", "1e7")
                                  .get(r.nextInt(8))
                              + ",\"window_seconds\":60}";
                      case 5 ->
                          "{\"max\":3,\"window_seconds\":"
                              + List.of(
                                      "0",
                                      "-60",
                                      "60.5",
                                      "31622401",
                                      "\"60\"",
                                      "null",
                                      "1e9",
                                      "99999999999999999999")
                                  .get(r.nextInt(8))
                              + "}";
                      default ->
                          "{\"max\":"
                              + -r.nextInt(1000)
                              + ",\"window_seconds\":"
                              + -r.nextInt(1000)
                              + "}";
                    });
            case BOOST ->
                MalformedInputs.set(
                    f,
                    "boost",
                    switch (r.nextInt(7)) {
                      case 0 -> List.of("0", "0.0", "-0.0", "-0", "0e5").get(r.nextInt(5));
                      case 1 -> "-" + (r.nextInt(1000) + 1) + "." + r.nextInt(10);
                      case 2 -> Double.toString(1000.0001 + r.nextDouble() * 1e9);
                      case 3 ->
                          str(List.of("1.0", "NaN", "Infinity", "-1", "high").get(r.nextInt(5)));
                      case 4 -> wrongType(r, true, NUMBER);
                      case 5 -> "1e400";
                      default -> "1001";
                    });
            case STATUS ->
                MalformedInputs.set(
                    f,
                    "status",
                    r.nextBoolean()
                        ? wrongType(r, true, STRING)
                        : str(
                            List.of(
                                    "ACTIVE",
                                    "Active",
                                    "deleted",
                                    "ended",
                                    "",
                                    "paused ",
                                    validId(r) + "?")
                                .get(r.nextInt(7))));
            case TRAFFIC_PROFILE -> {
              switch (r.nextInt(6)) {
                case 0 -> MalformedInputs.set(f, "pacing", "\"asap\"");
                case 1 -> {
                  int n = r.nextBoolean() ? r.nextInt(24) : 25 + r.nextInt(100);
                  MalformedInputs.set(
                      f, "traffic_profile", "[" + "1,".repeat(n).replaceAll(",$", "") + "]");
                }
                case 2 -> MalformedInputs.set(f, "traffic_profile", "[" + "1,".repeat(23) + "-1]");
                case 3 -> MalformedInputs.set(f, "traffic_profile", "[" + "0,".repeat(23) + "0]");
                case 4 ->
                    MalformedInputs.set(
                        f,
                        "traffic_profile",
                        "["
                            + "1,".repeat(23)
                            + List.of("1000001", "\"1\"", "null", "[]", "true", "1e7")
                                .get(r.nextInt(6))
                            + "]");
                default -> MalformedInputs.set(f, "traffic_profile", wrongType(r, true, ARRAY));
              }
            }
            case DUPLICATED_KEY_BAD_LAST -> {
              // a JSON object keeps the last copy: the bad one goes last, after a valid first copy
              String[] names = {"tracks", "budget", "boost", "pacing", "status", "start"};
              String name = names[r.nextInt(names.length)];
              String bad =
                  switch (name) {
                    case "tracks" -> "[" + str(badId(r)) + "]";
                    case "budget" -> "-" + (1 + r.nextInt(1000));
                    case "boost" -> "0";
                    case "start" -> "\"2027-01-01T00:00:00Z\"";
                    default -> str("bogus");
                  };
              f.add(field(name, bad));
            }
          }
          f.removeIf(x -> x[1] == null);
          if (raw == null) {
            if (kind != CampaignDefect.DUPLICATED_KEY_BAD_LAST) {
              if (r.nextBoolean()) {
                MalformedInputs.addUnknownFields(f, CAMPAIGN_FIELDS, r);
              }
              if (r.nextBoolean()) {
                Collections.shuffle(f, r);
              }
            }
            raw = object(f).getBytes(StandardCharsets.UTF_8);
          }
          return new Req(
              "campaign " + kind,
              HttpMethod.PUT,
              true,
              "/admin/v1/campaigns/" + pathSegment(id, r),
              "application/json",
              null,
              raw);
        });
  }

  enum ActivationDefect {
    BAD_ID,
    UNKNOWN_ID,
    INCOMPLETE,
    BROKEN_ESCAPE,
    EMPTY_ID
  }

  @Provide
  Arbitrary<Req> badActivations() {
    return defects(
        ActivationDefect.class,
        (kind, r) -> {
          String segment =
              switch (kind) {
                case BAD_ID -> pathSegment(badId(r), r);
                case UNKNOWN_ID -> pathSegment("nx-" + validId(r), r);
                case INCOMPLETE -> "snap-loading";
                case BROKEN_ESCAPE ->
                    List.of(
                            "%",
                            "%z", "%zz", "snap%", "%2", "%g0snap", "%%", "%u0041", "%C3%28", "%FF")
                        .get(r.nextInt(10));
                case EMPTY_ID -> "";
              };
          // the body and its content type are ignored by this endpoint: garbage must not matter
          byte[] body = r.nextBoolean() ? null : MalformedInputs.broken("{\"id\":\"snap-fz\"}", r);
          String ct =
              body == null
                  ? null
                  : List.of("application/json", "text/plain", "application/octet-stream")
                      .get(r.nextInt(3));
          return new Req(
              "activate " + kind,
              HttpMethod.POST,
              true,
              "/admin/v1/snapshots/" + segment + "/activate",
              ct,
              null,
              body);
        });
  }

  static final List<String> BROKEN_ESCAPES =
      List.of("%", "%z", "%zz", "%2", "%g0", "%%", "%u0041", "%-1", "%é");

  enum PathDefect {
    BROKEN_ESCAPE,
    EXTRA_SEGMENT,
    UNKNOWN_PATH,
    WRONG_METHOD
  }

  /** Paths no route serves, or that cannot be decoded, with any method, on either port. */
  @Provide
  Arbitrary<Req> strangePaths() {
    return defects(
        PathDefect.class,
        (kind, r) -> {
          List<String> known =
              List.of(
                  "/v1/scores",
                  "/v1/deliveries",
                  "/admin/v1/campaigns/c-fz",
                  "/admin/v1/campaigns",
                  "/admin/v1/snapshots",
                  "/admin/v1/snapshots/snap-fz/activate",
                  "/health/live",
                  "/health/ready",
                  "/metrics");
          String base = known.get(r.nextInt(known.size()));
          HttpMethod method =
              List.of(
                      HttpMethod.GET,
                      HttpMethod.POST,
                      HttpMethod.PUT,
                      HttpMethod.DELETE,
                      HttpMethod.PATCH,
                      HttpMethod.OPTIONS,
                      HttpMethod.HEAD)
                  .get(r.nextInt(7));
          String path =
              switch (kind) {
                case BROKEN_ESCAPE -> {
                  String bad = BROKEN_ESCAPES.get(r.nextInt(BROKEN_ESCAPES.size()));
                  int at = 1 + r.nextInt(base.length());
                  yield base.substring(0, at) + bad + base.substring(at);
                }
                case EXTRA_SEGMENT -> base + "/" + pathSegment("x" + validId(r), r);
                case UNKNOWN_PATH ->
                    "/x" + pathSegment(validId(r), r) + (r.nextBoolean() ? base : "");
                case WRONG_METHOD -> base;
              };
          if (kind == PathDefect.WRONG_METHOD) {
            method =
                base.startsWith("/v1/") || base.endsWith("/activate")
                    ? HttpMethod.GET
                    : base.startsWith("/admin/v1/campaigns/") ? HttpMethod.POST : HttpMethod.DELETE;
          }
          if (method.equals(HttpMethod.HEAD)) {
            method = HttpMethod.OPTIONS; // HEAD answers carry no body to check
          }
          boolean admin =
              (base.startsWith("/admin")
                      || base.startsWith("/health")
                      || base.startsWith("/metrics"))
                  ? r.nextInt(4) > 0
                  : r.nextInt(4) == 0;
          byte[] body = r.nextBoolean() ? null : MalformedInputs.broken(validScore(), r);
          return new Req(
              "path " + kind,
              method,
              admin,
              path,
              body == null ? null : "application/json",
              null,
              body);
        });
  }

  enum HeaderDefect {
    NO_CONTENT_TYPE,
    WRONG_CONTENT_TYPE,
    RANDOM_CONTENT_TYPE,
    TIMEOUT_NOT_A_NUMBER,
    TIMEOUT_OUT_OF_RANGE
  }

  @Provide
  Arbitrary<Req> badHeaders() {
    return defects(
        HeaderDefect.class,
        (kind, r) -> {
          int endpoint = kind.name().startsWith("TIMEOUT") ? 0 : r.nextInt(3);
          String ct =
              switch (kind) {
                case NO_CONTENT_TYPE -> null;
                case WRONG_CONTENT_TYPE ->
                    List.of(
                            "text/plain",
                            "application/xml",
                            "text/json",
                            "application/jsonx",
                            "application/json-patch+json",
                            "application/problem+json",
                            "application/x-ndjson",
                            "json",
                            "*/*",
                            "application/*",
                            "application/",
                            "/json",
                            "application/javascript",
                            "application/x-www-form-urlencoded",
                            "multipart/form-data; boundary=xyz",
                            "application/octet-stream",
                            "text/plain; charset=application/json",
                            "application/json2; charset=utf-8",
                            "application json",
                            "APPLICATION/JSONP")
                        .get(r.nextInt(20));
                case RANDOM_CONTENT_TYPE -> randomContentType(r);
                default -> "application/json";
              };
          Map<String, String> headers = null;
          if (kind == HeaderDefect.TIMEOUT_NOT_A_NUMBER) {
            headers = Map.of("x-request-timeout-ms", randomNonTimeout(r));
          } else if (kind == HeaderDefect.TIMEOUT_OUT_OF_RANGE) {
            headers =
                Map.of(
                    "x-request-timeout-ms",
                    List.of(
                            "0",
                            "-1",
                            "60001",
                            Long.toString(60_001 + (r.nextLong() & 0xffffffffL)),
                            "9223372036854775808",
                            "-9223372036854775809",
                            "1.5",
                            "1e3",
                            "0x10",
                            "50ms",
                            "5 0",
                            "")
                        .get(r.nextInt(12)));
          }
          Random bodies = new Random(r.nextLong());
          return switch (endpoint) {
            case 0 ->
                new Req(
                    (kind.name().startsWith("TIMEOUT") ? "timeout " : "content-type ") + kind,
                    HttpMethod.POST,
                    false,
                    "/v1/scores",
                    ct,
                    headers,
                    validScore().getBytes(StandardCharsets.UTF_8));
            case 1 ->
                new Req(
                    "content-type " + kind,
                    HttpMethod.POST,
                    false,
                    "/v1/deliveries",
                    ct,
                    headers,
                    ("{\"events\":" + events(1, bodies) + "}").getBytes(StandardCharsets.UTF_8));
            default ->
                new Req(
                    "content-type " + kind,
                    HttpMethod.PUT,
                    true,
                    "/admin/v1/campaigns/fz-ct",
                    ct,
                    headers,
                    object(campaignFields()).getBytes(StandardCharsets.UTF_8));
          };
        });
  }

  static String randomContentType(Random r) {
    while (true) {
      StringBuilder b = new StringBuilder();
      int n = 1 + r.nextInt(40);
      for (int i = 0; i < n; i++) {
        b.append((char) (0x20 + r.nextInt(0x5f)));
      }
      String s = b.toString().trim();
      if (r.nextBoolean()) {
        s = "application/" + s;
      }
      int semi = s.indexOf(';');
      String media = (semi < 0 ? s : s.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
      if (!media.equals("application/json") && !s.isEmpty()) {
        return s;
      }
    }
  }

  static String randomNonTimeout(Random r) {
    while (true) {
      StringBuilder b = new StringBuilder();
      int n = 1 + r.nextInt(20);
      for (int i = 0; i < n; i++) {
        b.append((char) (0x21 + r.nextInt(0x5e)));
      }
      String s = b.toString();
      try {
        long v = Long.parseLong(s.trim());
        if (v >= 1 && v <= 60_000) {
          continue; // a valid deadline, not what this property is about
        }
      } catch (NumberFormatException expected) {
        // not a number: keep it
      }
      return s;
    }
  }

  @Provide
  Arbitrary<Req> badAuthorization() {
    return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.longs())
        .as(
            (endpoint, seed) -> {
              Random r = new Random(seed);
              String auth =
                  switch (r.nextInt(5)) {
                    case 0 -> "";
                    case 1 -> "Bearer " + printable(r, 1 + r.nextInt(80));
                    case 2 ->
                        List.of("Basic ", "Digest ", "Token ", "bearer:", "Bearer:", "Bearer\t")
                                .get(r.nextInt(6))
                            + TOKEN;
                    case 3 ->
                        TOKEN.substring(0, r.nextInt(TOKEN.length())) + printable(r, r.nextInt(5));
                    default -> printable(r, 1 + r.nextInt(120));
                  };
              if (accepted(auth)) {
                auth = "Bearer " + TOKEN + "!";
              }
              Map<String, String> headers = Map.of("authorization", auth);
              byte[] score = validScore().getBytes(StandardCharsets.UTF_8);
              byte[] delivery =
                  ("{\"events\":" + events(1, r) + "}").getBytes(StandardCharsets.UTF_8);
              byte[] campaign = object(campaignFields()).getBytes(StandardCharsets.UTF_8);
              return switch (endpoint) {
                case 0 ->
                    new Req(
                        "auth",
                        HttpMethod.POST,
                        false,
                        "/v1/scores",
                        "application/json",
                        headers,
                        score);
                case 1 ->
                    new Req(
                        "auth",
                        HttpMethod.POST,
                        false,
                        "/v1/deliveries",
                        "application/json",
                        headers,
                        delivery);
                case 2 ->
                    new Req(
                        "auth",
                        HttpMethod.PUT,
                        true,
                        "/admin/v1/campaigns/fz-auth",
                        "application/json",
                        headers,
                        campaign);
                case 3 ->
                    new Req(
                        "auth",
                        HttpMethod.GET,
                        true,
                        "/admin/v1/campaigns/c-fz",
                        null,
                        headers,
                        null);
                case 4 ->
                    new Req(
                        "auth",
                        HttpMethod.DELETE,
                        true,
                        "/admin/v1/campaigns/c-fz",
                        null,
                        headers,
                        null);
                case 5 ->
                    new Req(
                        "auth", HttpMethod.GET, true, "/admin/v1/campaigns", null, headers, null);
                case 6 ->
                    new Req(
                        "auth", HttpMethod.GET, true, "/admin/v1/snapshots", null, headers, null);
                default ->
                    new Req(
                        "auth",
                        HttpMethod.POST,
                        true,
                        "/admin/v1/snapshots/snap-loading/activate",
                        null,
                        headers,
                        null);
              };
            });
  }

  static String printable(Random r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) (0x20 + r.nextInt(0x5f)));
    }
    return b.toString();
  }

  /** Mirrors what the authenticator accepts, to keep valid credentials out of the garbage. */
  static boolean accepted(String header) {
    String h = header.strip();
    return h.regionMatches(true, 0, "Bearer ", 0, 7) && h.substring(7).trim().equals(TOKEN);
  }

  /**
   * Percent-encodes an id for a path segment; sometimes leaves sub-delimiters raw, as a sloppy
   * client would.
   */
  static String pathSegment(String id, Random r) {
    boolean sloppy = r.nextBoolean();
    StringBuilder b = new StringBuilder();
    for (byte x : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      boolean unreserved = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0);
      boolean subDelim = "!$&'()*+,;=:@".indexOf(c) >= 0;
      if (unreserved || (sloppy && subDelim)) {
        b.append(c);
      } else {
        b.append('%').append(String.format("%02X", x & 0xff));
      }
    }
    return b.toString();
  }

  // ================================================================ HTTP

  /** One request; {@code toString} keeps long bodies short in failure reports. */
  @SuppressWarnings("ArrayRecordComponent") // raw fuzz bytes sent as-is; never compared/hashed
  record Req(
      String kind,
      HttpMethod method,
      boolean admin,
      String uri,
      String contentType,
      Map<String, String> headers,
      byte[] body) {
    @Override
    public String toString() {
      String b = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      if (b.length() > 400) {
        b =
            b.substring(0, 300)
                + "...("
                + body.length
                + " bytes)..."
                + b.substring(b.length() - 60);
      }
      return kind
          + ": "
          + method
          + " "
          + uri
          + " content-type="
          + contentType
          + " headers="
          + headers
          + " body="
          + b;
    }
  }

  record Answer(int status, MultiMap headers, Buffer body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    @Override
    public String toString() {
      String b = body.toString(StandardCharsets.UTF_8);
      return status
          + " "
          + headers.get("content-type")
          + " "
          + (b.length() > 500 ? b.substring(0, 500) + "..." : b);
    }
  }

  static Answer send(Req req) {
    RequestOptions o =
        new RequestOptions()
            .setMethod(req.method())
            .setHost("127.0.0.1")
            .setPort(req.admin() ? gw.adminPort : gw.port)
            .setURI(req.uri());
    MultiMap h = MultiMap.caseInsensitiveMultiMap();
    h.add("authorization", "Bearer " + TOKEN);
    if (req.contentType() != null) {
      h.add("content-type", req.contentType());
    }
    if (req.headers() != null) {
      req.headers().forEach(h::set);
    }
    o.setHeaders(h);
    Answer a =
        client
            .request(o)
            .compose(
                request ->
                    (req.body() == null ? request.send() : request.send(Buffer.buffer(req.body())))
                        .compose(
                            resp ->
                                resp.body()
                                    .map(b -> new Answer(resp.statusCode(), resp.headers(), b))))
            .timeout(20, TimeUnit.SECONDS)
            .await();
    sent.incrementAndGet();
    String route = req.kind().split(" ", -1)[0];
    statuses.computeIfAbsent(route + " " + a.status(), k -> new AtomicLong()).incrementAndGet();
    return a;
  }

  /** Sends from inside a property, collecting what was generated and what came back. */
  static Answer sendCounted(Req req) {
    Answer a = send(req);
    Statistics.label("request").collect(req.kind());
    Statistics.label("status").collect(a.status());
    return a;
  }

  static Answer check(int status, Answer a) {
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    return a;
  }

  static void assertProblem(Req req, Answer a) {
    String what = req + "\n  -> " + a;
    assertThat(a.status()).as(what).isBetween(400, 499);
    assertThat(a.headers().get("content-type")).as(what).isEqualTo("application/problem+json");
    JsonObject p = a.json();
    assertThat(p.getValue("type")).as(what).isInstanceOf(String.class);
    assertThat(p.getString("type")).as(what).startsWith("https://score-gateway.dev/problems/");
    assertThat(p.getValue("title")).as(what).isInstanceOf(String.class);
    assertThat(p.getString("title")).as(what).isNotBlank();
    assertThat(p.getValue("status")).as(what).isEqualTo(a.status());
    assertThat(p.getValue("detail")).as(what).isInstanceOf(String.class);
    assertThat(p.getString("detail")).as(what).isNotBlank();
  }

  static String campaigns() {
    JsonArray all =
        check(
                200,
                send(
                    new Req(
                        "state", HttpMethod.GET, true, "/admin/v1/campaigns", null, null, null)))
            .json()
            .getJsonArray("campaigns");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      JsonObject c = all.getJsonObject(i);
      ids.add(
          c.getString("id")
              + " budget="
              + c.getLong("budget")
              + " tracks="
              + c.getJsonArray("tracks"));
    }
    Collections.sort(ids);
    return ids.toString();
  }

  static long delivered() {
    Response r =
        gw.seedLink.send(RedisCall.on(Command.HGET, Keys.pacing("c-fz")).arg("delivered")).await();
    return r == null ? 0 : r.toLong();
  }
}
