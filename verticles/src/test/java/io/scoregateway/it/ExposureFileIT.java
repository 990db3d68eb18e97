package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.scoregateway.config.ExposureConfig;
import io.scoregateway.config.MeasurementConfig;
import io.scoregateway.experiment.ListenerSplit;
import io.scoregateway.grpc.v1.Arm;
import io.scoregateway.grpc.v1.HoldoutScope;
import io.scoregateway.grpc.v1.Reason;
import io.scoregateway.grpc.v1.ScoreRequest;
import io.scoregateway.grpc.v1.ScoreResponse;
import io.scoregateway.grpc.v1.ScoreResult;
import io.scoregateway.grpc.v1.ScoreServiceGrpc;
import io.scoregateway.model.Holdout;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The file sink {@code dev} uses: one JSON line per enrolled decision, a surface holdout's
 * listeners answered {@code holdout} and logged as ghosts; gRPC answers are logged as HTTP ones.
 */
class ExposureFileIT {
  static final String SURFACE_SALT = "surface-holdout/radio";
  static Path file;
  static TestGateway gw;
  static GrpcClient grpc;

  @BeforeAll
  static void setUp() throws Exception {
    file = Files.createTempFile("exposures-", ".jsonl");
    gw =
        TestGateway.startMeasuring(
            1,
            MeasurementConfig.DEFAULTS
                .withExposure(ExposureConfig.file(file.toString(), 10_000))
                .withSurfaceHoldouts(Map.of("radio", new Holdout(0.25, SURFACE_SALT))),
            true);
    grpc = new GrpcClient(gw.grpcPort);
    gw.snapshot("s1", true, "t1", "", 0.5, "t2", "", 0.5);
    assertThat(
            gw.putCampaign("c1", TestGateway.campaign("t1", "t2").put("budget", 1_000_000_000))
                .statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void tearDown() throws Exception {
    grpc.close();
    gw.close();
    Files.deleteIfExists(file);
  }

  /** The lines of HTTP requests (the gRPC test names its calls {@code grpc-...}). */
  static List<JsonObject> lines(int atLeast) throws Exception {
    return lines(o -> !o.getString("request_id").startsWith("grpc-"), atLeast);
  }

  static List<JsonObject> lines(Predicate<JsonObject> which, int atLeast) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    List<JsonObject> out = new ArrayList<>();
    while (System.currentTimeMillis() < deadline) {
      out.clear();
      for (String l : Files.readAllLines(file)) {
        JsonObject o = new JsonObject(l);
        if (which.test(o)) {
          out.add(o);
        }
      }
      if (out.size() >= atLeast) {
        return out;
      }
      TestGateway.sleep(50);
    }
    throw new AssertionError("only " + out.size() + " exposure lines after 10 s");
  }

  @Test
  void everyEnrolledDecisionIsOneLineAndHeldOutListenersAreGhosts() throws Exception {
    int held = 0;
    for (int i = 0; i < 80; i++) {
      JsonObject answer =
          gw.score(
                  new JsonObject()
                      .put("user", "u-" + i)
                      .put("surface", "radio")
                      .put("market", "SE")
                      .put("candidates", new JsonArray().add("t1").add("tNone").add("t2")))
              .bodyAsJsonObject();
      String reason = answer.getJsonArray("results").getJsonObject(0).getString("reason");
      assertThat(reason).isIn("promoted", "holdout");
      held += reason.equals("holdout") ? 1 : 0;
    }
    assertThat(held).isBetween(8, 35);

    List<JsonObject> lines = lines(160);
    assertThat(lines).hasSize(160);
    long ghosts =
        lines.stream()
            .filter(o -> o.getBoolean("ghost"))
            .peek(o -> assertThat(o.getString("holdout")).isEqualTo("surface"))
            .peek(o -> assertThat(o.getString("reason")).isEqualTo("holdout"))
            .count();
    assertThat(ghosts).isEqualTo(2L * held);
    assertThat(lines).allSatisfy(o -> assertThat(o.getString("surface")).isEqualTo("radio"));
    assertThat(lines.stream().map(o -> o.getInteger("position")).distinct()).containsOnly(0, 2);
  }

  /**
   * The first listener u-N the radio surface's holdout does ({@code held}) or does not hold out.
   */
  static String listener(boolean held) {
    for (int i = 0; ; i++) {
      String u = "grpc-u-" + i;
      if (ListenerSplit.in(SURFACE_SALT, u, 0.25) == held) {
        return u;
      }
    }
  }

  ScoreResponse grpcScore(String requestId, String user) {
    Metadata m = new Metadata();
    m.put(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER), requestId);
    return ScoreServiceGrpc.newBlockingStub(grpc.channel(null))
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m))
        .score(
            ScoreRequest.newBuilder()
                .setUser(user)
                .setSurface("radio")
                .setMarket("SE")
                .addCandidates("t1")
                .addCandidates("tNone")
                .addCandidates("t2")
                .setExplain(true)
                .build());
  }

  @Test
  void aGrpcScoreYieldsTheSameExposureRecordsAsAnHttpOne() throws Exception {
    ScoreResponse promoted = grpcScore("grpc-promoted", listener(false));
    ScoreResponse held = grpcScore("grpc-held", listener(true));

    assertThat(promoted.getResultsList().stream().map(ScoreResult::getReason))
        .containsExactly(
            Reason.REASON_PROMOTED, Reason.REASON_NOT_ENROLLED, Reason.REASON_PROMOTED);
    assertThat(held.getResultsList().stream().map(ScoreResult::getReason))
        .containsExactly(Reason.REASON_HOLDOUT, Reason.REASON_NOT_ENROLLED, Reason.REASON_HOLDOUT);
    assertThat(promoted.hasSnapshotAgeS()).isTrue();
    assertThat(promoted.getSnapshotAgeS()).isBetween(0L, 600L);
    ScoreResult ghost = held.getResults(0);
    assertThat(ghost.getExplain().getArm()).isEqualTo(Arm.ARM_CHAMPION);
    assertThat(ghost.getExplain().hasExperiment()).isFalse();
    assertThat(ghost.getExplain().getHoldout()).isEqualTo(HoldoutScope.HOLDOUT_SCOPE_SURFACE);
    assertThat(ghost.getExplain().getWouldBe()).isEqualTo(Reason.REASON_PROMOTED);
    assertThat(promoted.getResults(0).getExplain().getHoldout())
        .isEqualTo(HoldoutScope.HOLDOUT_SCOPE_UNSPECIFIED);

    List<JsonObject> lines = lines(o -> o.getString("request_id").startsWith("grpc-"), 4);
    assertThat(lines).hasSize(4);
    List<JsonObject> ofPromoted =
        lines.stream().filter(o -> o.getString("request_id").equals("grpc-promoted")).toList();
    assertThat(ofPromoted).hasSize(2);
    assertThat(ofPromoted.stream().map(o -> o.getInteger("position"))).containsOnly(0, 2);
    assertThat(ofPromoted)
        .allSatisfy(
            o -> {
              assertThat(o.getString("reason")).isEqualTo("promoted");
              assertThat(o.getBoolean("ghost")).isFalse();
              assertThat(o.getDouble("pass_rate"))
                  .isEqualTo(
                      promoted.getResults(o.getInteger("position")).getExplain().getPassRate());
            });
    assertThat(lines.stream().filter(o -> o.getString("request_id").equals("grpc-held")))
        .hasSize(2)
        .allSatisfy(
            o -> {
              assertThat(o.getString("reason")).isEqualTo("holdout");
              assertThat(o.getBoolean("ghost")).isTrue();
              assertThat(o.getString("holdout")).isEqualTo("surface");
              assertThat(o.getString("would_be")).isEqualTo("promoted");
            });
  }
}
