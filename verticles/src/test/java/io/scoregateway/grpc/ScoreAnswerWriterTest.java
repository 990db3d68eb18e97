package io.scoregateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.grpc.v1.Explain;
import io.scoregateway.grpc.v1.ScoreDone;
import io.scoregateway.grpc.v1.ScoreResponse;
import io.scoregateway.grpc.v1.ScoreResult;
import io.scoregateway.grpc.v1.ScoreResults;
import io.scoregateway.grpc.v1.ScoreStreamResponse;
import io.scoregateway.model.Arm;
import io.scoregateway.model.Decision;
import io.scoregateway.model.Reason;
import io.scoregateway.pipeline.HoldoutScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written wire bytes parse to exactly the messages the generated builders make from the
 * same decisions: every reason, scores, campaigns or none, explain with and without each input,
 * snapshots or none, degraded or not, stream runs from any position.
 */
class ScoreAnswerWriterTest {
  static final Reason[] ALL = Reason.values();
  static final List<Arm> ARMS = List.of(Arm.values());
  static final HoldoutScope[] SCOPES = HoldoutScope.values();

  /** Labels are free text: two-, three- and four-byte UTF-8. */
  static final String[] LABELS = {"label-", "étiquette-", "レーベル-", "\uD83C\uDFB5-"};

  /** The reference: the same answer through the generated builders. */
  static ScoreResult reference(ScoreAnswerWriter.Answer a, int i) {
    String track = a.tracks().get(i);
    Decision d = a.decision(i);
    ScoreResult.Builder b =
        ScoreResult.newBuilder()
            .setTrack(track)
            .setPromoted(d.promoted())
            .setScore(d.score())
            .setReason(io.scoregateway.grpc.v1.Reason.valueOf("REASON_" + d.reason().name()));
    if (d.campaign() != null) {
      b.setCampaign(d.campaign());
    }
    Decision.Explain e = d.explain();
    if (e != null) {
      Explain.Builder x = Explain.newBuilder();
      if (!Double.isNaN(e.baseScore())) {
        x.setBaseScore(e.baseScore());
      }
      if (!Double.isNaN(e.boost())) {
        x.setBoost(e.boost());
      }
      if (!Double.isNaN(e.passRate())) {
        x.setPassRate(e.passRate());
      }
      if (e.delivered() >= 0) {
        x.setDelivered(e.delivered());
      }
      if (!Double.isNaN(e.planned())) {
        x.setPlanned(e.planned());
      }
      if (e.userCount() >= 0) {
        x.setUserCount(e.userCount());
      }
      if (!Double.isNaN(e.urgency())) {
        x.setUrgency(e.urgency());
      }
      if (!Double.isNaN(e.floor())) {
        x.setFloor(e.floor());
      }
      if (e.label() != null) {
        x.setLabel(e.label());
      }
      if (e.labelCount() >= 0) {
        x.setLabelCount(e.labelCount());
      }
      if (e.labelMax() > 0) {
        x.setLabelMax(e.labelMax());
      }
      if (e.plays() >= 0) {
        x.setPlays(e.plays()).setSkips(e.skips()).setHeld(e.held());
      }
      x.setArm(io.scoregateway.grpc.v1.Arm.valueOf("ARM_" + a.arm().name()));
      if (a.experiment() != null) {
        x.setExperiment(a.experiment());
      }
      HoldoutScope holdout = a.holdouts().apply(i);
      if (holdout != null) {
        x.setHoldout(
                io.scoregateway.grpc.v1.HoldoutScope.valueOf("HOLDOUT_SCOPE_" + holdout.name()))
            .setWouldBe(
                io.scoregateway.grpc.v1.Reason.valueOf("REASON_" + a.wouldBe().apply(i).name()));
      }
      b.setExplain(x);
    }
    return b.build();
  }

  static ScoreAnswerWriter.Answer answer(int n, long seed, String snapshot, boolean degraded) {
    Random r = new Random(seed);
    List<String> tracks = new ArrayList<>();
    List<Decision> decisions = new ArrayList<>();
    HoldoutScope[] holdouts = new HoldoutScope[n];
    Reason[] wouldBe = new Reason[n];
    for (int i = 0; i < n; i++) {
      tracks.add("t" + r.nextInt(1_000_000) + (i % 7 == 0 ? ":long.id-" + "x".repeat(120) : ""));
      Reason reason = ALL[r.nextInt(ALL.length)];
      if (reason == Reason.HOLDOUT) {
        holdouts[i] = SCOPES[r.nextInt(SCOPES.length)];
        wouldBe[i] = ALL[r.nextInt(ALL.length)];
      }
      double score = reason == Reason.PROMOTED ? r.nextDouble() * 3 : 0;
      String campaign = reason == Reason.NOT_ENROLLED ? null : "c" + r.nextInt(20_000);
      Decision.Explain explain =
          r.nextInt(3) == 0
              ? null
              : new Decision.Explain(
                  r.nextBoolean() ? Double.NaN : r.nextDouble(),
                  r.nextBoolean() ? Double.NaN : 1 + r.nextInt(5),
                  r.nextBoolean() ? Double.NaN : r.nextDouble(),
                  r.nextBoolean() ? -1 : r.nextInt(1_000_000_000) * 1000L,
                  r.nextBoolean() ? Double.NaN : r.nextDouble() * 1e6,
                  r.nextBoolean() ? -1 : r.nextInt(300),
                  r.nextBoolean() ? Double.NaN : 0.5 + r.nextDouble(),
                  r.nextBoolean() ? Double.NaN : r.nextDouble(),
                  r.nextBoolean() ? null : LABELS[r.nextInt(LABELS.length)] + r.nextInt(50),
                  r.nextBoolean() ? -1 : r.nextInt(5),
                  r.nextBoolean() ? 0 : 1 + r.nextInt(3),
                  r.nextBoolean() ? -1 : r.nextInt(10_000),
                  r.nextInt(10_000),
                  r.nextBoolean());
      decisions.add(new Decision(reason, score, campaign, explain));
    }
    return new ScoreAnswerWriter.Answer(
        tracks,
        decisions::get,
        snapshot,
        r.nextBoolean() ? -1 : r.nextInt(10_000_000),
        degraded,
        ARMS.get(r.nextInt(ARMS.size())),
        r.nextBoolean() ? null : "exp-" + r.nextInt(100),
        i -> holdouts[i],
        i -> wouldBe[i]);
  }

  @Test
  void wholeAnswersParseToTheGeneratedMessages() throws Exception {
    for (int seed = 0; seed < 40; seed++) {
      int n = seed == 0 ? 1 : seed * 37;
      ScoreAnswerWriter.Answer a =
          answer(n, seed, seed % 5 == 0 ? null : "demo-42-" + seed, seed % 3 == 0);
      ScoreResponse.Builder expected = ScoreResponse.newBuilder().setDegraded(a.degraded());
      if (a.snapshot() != null) {
        expected.setSnapshot(a.snapshot());
        if (a.snapshotAgeSeconds() >= 0) {
          expected.setSnapshotAgeS(a.snapshotAgeSeconds());
        }
      }
      for (int i = 0; i < n; i++) {
        expected.addResults(reference(a, i));
      }
      ScoreResponse parsed = ScoreResponse.parseFrom(ScoreAnswerWriter.whole(a).getBytes());
      assertThat(parsed).isEqualTo(expected.build());
      assertThat(parsed.getUnknownFields().asMap()).isEmpty();
    }
  }

  @Test
  void streamRunsAndTheDoneMessageParseToTheGeneratedMessages() throws Exception {
    ScoreAnswerWriter.Answer a = answer(300, 7, "snap", true);
    int from = 0;
    for (int to : new int[] {1, 2, 130, 131, 300}) {
      ScoreResults.Builder run = ScoreResults.newBuilder().setFirstPosition(from);
      for (int i = from; i < to; i++) {
        run.addResults(reference(a, i));
      }
      assertThat(ScoreStreamResponse.parseFrom(ScoreAnswerWriter.run(a, from, to).getBytes()))
          .isEqualTo(ScoreStreamResponse.newBuilder().setResults(run).build());
      from = to;
    }
    ScoreDone.Builder done = ScoreDone.newBuilder().setSnapshot("snap").setDegraded(true);
    if (a.snapshotAgeSeconds() >= 0) {
      done.setSnapshotAgeS(a.snapshotAgeSeconds());
    }
    assertThat(ScoreStreamResponse.parseFrom(ScoreAnswerWriter.done(a).getBytes()))
        .isEqualTo(ScoreStreamResponse.newBuilder().setDone(done).build());
  }

  @Test
  void theAgeOfAKnownSnapshotIsAnsweredAndAnUnknownOneLeftOut() throws Exception {
    List<String> one = List.of("t1");
    Decision d = new Decision(Reason.NOT_ENROLLED, 0, null, null);
    ScoreAnswerWriter.Answer aged =
        new ScoreAnswerWriter.Answer(
            one, i -> d, "snap", 42, false, Arm.CHAMPION, null, i -> null, i -> null);
    ScoreResponse parsed = ScoreResponse.parseFrom(ScoreAnswerWriter.whole(aged).getBytes());
    assertThat(parsed.hasSnapshotAgeS()).isTrue();
    assertThat(parsed.getSnapshotAgeS()).isEqualTo(42);
    ScoreAnswerWriter.Answer unknown =
        new ScoreAnswerWriter.Answer(
            one, i -> d, "snap", -1, false, Arm.CHAMPION, null, i -> null, i -> null);
    assertThat(
            ScoreResponse.parseFrom(ScoreAnswerWriter.whole(unknown).getBytes()).hasSnapshotAgeS())
        .isFalse();
    ScoreAnswerWriter.Answer none =
        new ScoreAnswerWriter.Answer(
            one, i -> d, null, 42, false, Arm.CHAMPION, null, i -> null, i -> null);
    assertThat(ScoreResponse.parseFrom(ScoreAnswerWriter.whole(none).getBytes()).hasSnapshotAgeS())
        .isFalse();
  }

  /** Ids as read from a request (kept as its bytes) are written back byte for byte the same. */
  @Test
  void idsReadFromTheWireAreWrittenAsTheStringsWouldBe() {
    for (int seed = 1; seed < 10; seed++) {
      ScoreAnswerWriter.Answer a = answer(seed * 53, seed, "snap-" + seed, false);
      byte[] request =
          io.scoregateway.grpc.v1.ScoreRequest.newBuilder()
              .setUser("u-1")
              .addAllCandidates(a.tracks())
              .build()
              .toByteArray();
      List<String> wire = ScoreRequestDecoder.decode(request, 0, request.length).candidates();
      assertThat(wire).isInstanceOf(WireIds.class).isEqualTo(a.tracks());
      ScoreAnswerWriter.Answer fromWire =
          new ScoreAnswerWriter.Answer(
              wire,
              a.decisions(),
              a.snapshot(),
              a.snapshotAgeSeconds(),
              a.degraded(),
              a.arm(),
              a.experiment(),
              a.holdouts(),
              a.wouldBe());
      assertThat(ScoreAnswerWriter.whole(fromWire).getBytes())
          .isEqualTo(ScoreAnswerWriter.whole(a).getBytes());
      assertThat(ScoreAnswerWriter.run(fromWire, 3, a.size()).getBytes())
          .isEqualTo(ScoreAnswerWriter.run(a, 3, a.size()).getBytes());
    }
  }
}
