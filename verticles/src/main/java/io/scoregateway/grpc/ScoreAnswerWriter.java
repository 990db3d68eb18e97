package io.scoregateway.grpc;

import io.scoregateway.codec.WireWriter;
import io.scoregateway.grpc.v1.Explain;
import io.scoregateway.grpc.v1.ScoreDone;
import io.scoregateway.grpc.v1.ScoreResponse;
import io.scoregateway.grpc.v1.ScoreResult;
import io.scoregateway.grpc.v1.ScoreResults;
import io.scoregateway.grpc.v1.ScoreStreamResponse;
import io.scoregateway.model.Arm;
import io.scoregateway.model.Decision;
import io.scoregateway.pipeline.DecisionInputs;
import io.scoregateway.pipeline.HoldoutScope;
import io.scoregateway.pipeline.ScoreExchange;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Decisions straight into {@code scoregateway.v1} wire bytes, as the JSON writer writes text: no
 * message object per result (a 1000-candidate answer would build 1000 builders and 1000 messages
 * only to serialize them once), and ids (ASCII by the id grammar) copied as bytes. One pass: each
 * message's length is written when it is closed ({@link WireWriter#begin}). The bytes parse to the
 * messages the generated classes would build ({@code ScoreAnswerWriterTest}).
 */
final class ScoreAnswerWriter {
  private ScoreAnswerWriter() {}

  /**
   * What is written: the candidates, their decisions, the snapshot, its age in whole seconds (-1:
   * unknown) and whether degraded; for explain, the listener's experiment arm and experiment id
   * (null: none) and, by position, the holdout that kept a candidate out (null: none) and the
   * decision it would have had.
   */
  record Answer(
      List<String> tracks,
      IntFunction<Decision> decisions,
      String snapshot,
      long snapshotAgeSeconds,
      boolean degraded,
      Arm arm,
      String experiment,
      IntFunction<HoldoutScope> holdouts,
      IntFunction<io.scoregateway.model.Reason> wouldBe) {
    static Answer of(ScoreExchange ex) {
      DecisionInputs in = ex.inputs();
      return new Answer(
          ex.request().candidates(),
          ex::decision,
          ex.snapshot(),
          ex.snapshotAgeSeconds(),
          ex.degraded(),
          ex.arm(),
          ex.experiment(),
          in::holdout,
          in::wouldBe);
    }

    int size() {
      return tracks.size();
    }

    Decision decision(int i) {
      return decisions.apply(i);
    }

    /** The age as answered: absent without a snapshot, or when unknown. */
    boolean hasAge() {
      return snapshot != null && snapshotAgeSeconds >= 0;
    }
  }

  static Buffer whole(ScoreExchange ex) {
    return whole(Answer.of(ex));
  }

  static Buffer run(ScoreExchange ex, int from, int to) {
    return run(Answer.of(ex), from, to);
  }

  static Buffer done(ScoreExchange ex) {
    return done(Answer.of(ex));
  }

  /** A whole {@code ScoreResponse}. */
  static Buffer whole(Answer ex) {
    int n = ex.size();
    WireWriter o = new WireWriter(capacity(n));
    writeSnapshotAndDegraded(o, ex, ScoreResponse.SNAPSHOT_FIELD_NUMBER);
    writeResults(o, ex, 0, n, ScoreResponse.RESULTS_FIELD_NUMBER);
    if (ex.hasAge()) {
      o.int64(ScoreResponse.SNAPSHOT_AGE_S_FIELD_NUMBER, ex.snapshotAgeSeconds());
    }
    return o.buffer();
  }

  /** A {@code ScoreStreamResponse} with the results of positions {@code from..to-1}. */
  static Buffer run(Answer ex, int from, int to) {
    WireWriter o = new WireWriter(capacity(to - from));
    int run = o.begin(ScoreStreamResponse.RESULTS_FIELD_NUMBER);
    if (from != 0) {
      o.uint32(ScoreResults.FIRST_POSITION_FIELD_NUMBER, from);
    }
    writeResults(o, ex, from, to, ScoreResults.RESULTS_FIELD_NUMBER);
    o.end(run);
    return o.buffer();
  }

  /** The {@code ScoreStreamResponse} that ends a stream. */
  static Buffer done(Answer ex) {
    ScoreDone.Builder d = ScoreDone.newBuilder().setDegraded(ex.degraded());
    if (ex.snapshot() != null) {
      d.setSnapshot(ex.snapshot());
    }
    if (ex.hasAge()) {
      d.setSnapshotAgeS(ex.snapshotAgeSeconds());
    }
    return Buffer.buffer(ScoreStreamResponse.newBuilder().setDone(d).build().toByteArray());
  }

  /**
   * Room for most answers without growing, and not much more (the array is zeroed when made): a
   * result without explain takes its id and 6 bytes when not enrolled, about 30 more when promoted.
   */
  private static int capacity(int results) {
    return 64 + results * 32;
  }

  private static void writeSnapshotAndDegraded(WireWriter o, Answer ex, int snapshotField) {
    if (ex.snapshot() != null) {
      o.string(snapshotField, ex.snapshot());
    }
    if (ex.degraded()) {
      o.bool(ScoreResponse.DEGRADED_FIELD_NUMBER, true);
    }
  }

  private static void writeResults(WireWriter o, Answer ex, int from, int to, int field) {
    List<String> tracks = ex.tracks();
    WireIds wire = tracks instanceof WireIds w ? w : null;
    for (int i = from; i < to; i++) {
      int result = o.begin(field);
      // a request read from the wire gives its ids back as the bytes they came in
      if (wire != null) {
        wire.write(o, ScoreResult.TRACK_FIELD_NUMBER, i);
      } else {
        o.ascii(ScoreResult.TRACK_FIELD_NUMBER, tracks.get(i));
      }
      writeResult(o, ex, i);
      o.end(result);
    }
  }

  /** A result's fields after its track. */
  private static void writeResult(WireWriter o, Answer ex, int i) {
    Decision d = ex.decision(i);
    if (d.promoted()) {
      o.bool(ScoreResult.PROMOTED_FIELD_NUMBER, true);
    }
    if (d.score() != 0) {
      o.dbl(ScoreResult.SCORE_FIELD_NUMBER, d.score());
    }
    if (d.campaign() != null) {
      o.ascii(ScoreResult.CAMPAIGN_FIELD_NUMBER, d.campaign());
    }
    o.int32(ScoreResult.REASON_FIELD_NUMBER, WireEnums.reason(d.reason()));
    if (d.explain() != null) {
      int explain = o.begin(ScoreResult.EXPLAIN_FIELD_NUMBER);
      writeExplain(o, d.explain(), ex, i);
      o.end(explain);
    }
  }

  /** Explain's fields have presence: NaN (or -1 for counts) means not looked up, left out. */
  private static void writeExplain(WireWriter o, Decision.Explain e, Answer ex, int i) {
    if (!Double.isNaN(e.baseScore())) {
      o.dbl(Explain.BASE_SCORE_FIELD_NUMBER, e.baseScore());
    }
    if (!Double.isNaN(e.boost())) {
      o.dbl(Explain.BOOST_FIELD_NUMBER, e.boost());
    }
    if (!Double.isNaN(e.passRate())) {
      o.dbl(Explain.PASS_RATE_FIELD_NUMBER, e.passRate());
    }
    if (e.delivered() >= 0) {
      o.int64(Explain.DELIVERED_FIELD_NUMBER, e.delivered());
    }
    if (!Double.isNaN(e.planned())) {
      o.dbl(Explain.PLANNED_FIELD_NUMBER, e.planned());
    }
    if (e.userCount() >= 0) {
      o.int64(Explain.USER_COUNT_FIELD_NUMBER, e.userCount());
    }
    if (!Double.isNaN(e.urgency())) {
      o.dbl(Explain.URGENCY_FIELD_NUMBER, e.urgency());
    }
    if (!Double.isNaN(e.floor())) {
      o.dbl(Explain.FLOOR_FIELD_NUMBER, e.floor());
    }
    if (e.label() != null) {
      o.string(Explain.LABEL_FIELD_NUMBER, e.label());
    }
    if (e.labelCount() >= 0) {
      o.int32(Explain.LABEL_COUNT_FIELD_NUMBER, e.labelCount());
    }
    if (e.labelMax() > 0) {
      o.int32(Explain.LABEL_MAX_FIELD_NUMBER, e.labelMax());
    }
    if (e.plays() >= 0) {
      o.int64(Explain.PLAYS_FIELD_NUMBER, e.plays());
      o.int64(Explain.SKIPS_FIELD_NUMBER, e.skips());
      o.bool(Explain.HELD_FIELD_NUMBER, e.held());
    }
    o.int32(Explain.ARM_FIELD_NUMBER, WireEnums.arm(ex.arm()));
    if (ex.experiment() != null) {
      o.string(Explain.EXPERIMENT_FIELD_NUMBER, ex.experiment());
    }
    HoldoutScope holdout = ex.holdouts().apply(i);
    if (holdout != null) {
      o.int32(Explain.HOLDOUT_FIELD_NUMBER, WireEnums.holdout(holdout));
      o.int32(Explain.WOULD_BE_FIELD_NUMBER, WireEnums.reason(ex.wouldBe().apply(i)));
    }
  }
}
