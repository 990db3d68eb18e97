package io.scoregateway.grpc;

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
 * only to serialize them once), and ids (ASCII by the id grammar) copied as bytes. Two passes: the
 * sizes, then the bytes into an array of exactly that size. The bytes parse to the messages the
 * generated classes would build ({@code ScoreAnswerWriterTest}).
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
    int[] sizes = new int[n];
    int total = snapshotAndDegradedSize(ex, ScoreResponse.SNAPSHOT_FIELD_NUMBER);
    total += resultsSize(ex, 0, n, sizes, ScoreResponse.RESULTS_FIELD_NUMBER);
    if (ex.hasAge()) {
      total +=
          WireWriter.int64Size(ScoreResponse.SNAPSHOT_AGE_S_FIELD_NUMBER, ex.snapshotAgeSeconds());
    }
    WireWriter o = new WireWriter(total);
    writeSnapshotAndDegraded(o, ex, ScoreResponse.SNAPSHOT_FIELD_NUMBER);
    writeResults(o, ex, 0, n, sizes, ScoreResponse.RESULTS_FIELD_NUMBER);
    if (ex.hasAge()) {
      o.int64(ScoreResponse.SNAPSHOT_AGE_S_FIELD_NUMBER, ex.snapshotAgeSeconds());
    }
    return Buffer.buffer(o.bytes());
  }

  /** A {@code ScoreStreamResponse} with the results of positions {@code from..to-1}. */
  static Buffer run(Answer ex, int from, int to) {
    int[] sizes = new int[to - from];
    int inner =
        (from == 0 ? 0 : WireWriter.int32Size(ScoreResults.FIRST_POSITION_FIELD_NUMBER, from))
            + resultsSize(ex, from, to, sizes, ScoreResults.RESULTS_FIELD_NUMBER);
    int field = ScoreStreamResponse.RESULTS_FIELD_NUMBER;
    WireWriter o = new WireWriter(WireWriter.lengthDelimitedSize(field, inner));
    o.lengthDelimited(field, inner);
    if (from != 0) {
      o.uint32(ScoreResults.FIRST_POSITION_FIELD_NUMBER, from);
    }
    writeResults(o, ex, from, to, sizes, ScoreResults.RESULTS_FIELD_NUMBER);
    return Buffer.buffer(o.bytes());
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

  private static int snapshotAndDegradedSize(Answer ex, int snapshotField) {
    int size = 0;
    if (ex.snapshot() != null) {
      size += WireWriter.stringSize(snapshotField, ex.snapshot());
    }
    if (ex.degraded()) {
      size += WireWriter.boolSize(ScoreResponse.DEGRADED_FIELD_NUMBER);
    }
    return size;
  }

  private static void writeSnapshotAndDegraded(WireWriter o, Answer ex, int snapshotField) {
    if (ex.snapshot() != null) {
      o.string(snapshotField, ex.snapshot());
    }
    if (ex.degraded()) {
      o.bool(ScoreResponse.DEGRADED_FIELD_NUMBER, true);
    }
  }

  /** Each result's size into {@code sizes}; returns the size of them all as repeated fields. */
  private static int resultsSize(Answer ex, int from, int to, int[] sizes, int field) {
    List<String> tracks = ex.tracks();
    WireIds wire = tracks instanceof WireIds w ? w : null;
    int total = 0;
    for (int i = from; i < to; i++) {
      int track =
          wire != null
              ? WireWriter.lengthDelimitedSize(ScoreResult.TRACK_FIELD_NUMBER, wire.length(i))
              : WireWriter.asciiSize(ScoreResult.TRACK_FIELD_NUMBER, tracks.get(i));
      int s = track + resultSize(ex, i);
      sizes[i - from] = s;
      total += WireWriter.lengthDelimitedSize(field, s);
    }
    return total;
  }

  private static void writeResults(
      WireWriter o, Answer ex, int from, int to, int[] sizes, int field) {
    List<String> tracks = ex.tracks();
    WireIds wire = tracks instanceof WireIds w ? w : null;
    for (int i = from; i < to; i++) {
      o.lengthDelimited(field, sizes[i - from]);
      // a request read from the wire gives its ids back as the bytes they came in
      if (wire != null) {
        wire.write(o, ScoreResult.TRACK_FIELD_NUMBER, i);
      } else {
        o.ascii(ScoreResult.TRACK_FIELD_NUMBER, tracks.get(i));
      }
      writeResult(o, ex, i);
    }
  }

  /** The size of a result's fields after its track. */
  private static int resultSize(Answer ex, int i) {
    Decision d = ex.decision(i);
    int s = 0;
    if (d.promoted()) {
      s += WireWriter.boolSize(ScoreResult.PROMOTED_FIELD_NUMBER);
    }
    if (d.score() != 0) {
      s += WireWriter.doubleSize(ScoreResult.SCORE_FIELD_NUMBER);
    }
    if (d.campaign() != null) {
      s += WireWriter.asciiSize(ScoreResult.CAMPAIGN_FIELD_NUMBER, d.campaign());
    }
    s += WireWriter.int32Size(ScoreResult.REASON_FIELD_NUMBER, WireEnums.reason(d.reason()));
    if (d.explain() != null) {
      s +=
          WireWriter.lengthDelimitedSize(
              ScoreResult.EXPLAIN_FIELD_NUMBER, explainSize(d.explain(), ex, i));
    }
    return s;
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
      o.lengthDelimited(ScoreResult.EXPLAIN_FIELD_NUMBER, explainSize(d.explain(), ex, i));
      writeExplain(o, d.explain(), ex, i);
    }
  }

  /** Explain's fields have presence: NaN (or -1 for counts) means not looked up, left out. */
  private static int explainSize(Decision.Explain e, Answer ex, int i) {
    int s = 0;
    s += Double.isNaN(e.baseScore()) ? 0 : WireWriter.doubleSize(Explain.BASE_SCORE_FIELD_NUMBER);
    s += Double.isNaN(e.boost()) ? 0 : WireWriter.doubleSize(Explain.BOOST_FIELD_NUMBER);
    s += Double.isNaN(e.passRate()) ? 0 : WireWriter.doubleSize(Explain.PASS_RATE_FIELD_NUMBER);
    s +=
        e.delivered() < 0 ? 0 : WireWriter.int64Size(Explain.DELIVERED_FIELD_NUMBER, e.delivered());
    s += Double.isNaN(e.planned()) ? 0 : WireWriter.doubleSize(Explain.PLANNED_FIELD_NUMBER);
    s +=
        e.userCount() < 0
            ? 0
            : WireWriter.int64Size(Explain.USER_COUNT_FIELD_NUMBER, e.userCount());
    s += Double.isNaN(e.urgency()) ? 0 : WireWriter.doubleSize(Explain.URGENCY_FIELD_NUMBER);
    s += Double.isNaN(e.floor()) ? 0 : WireWriter.doubleSize(Explain.FLOOR_FIELD_NUMBER);
    s += e.label() == null ? 0 : WireWriter.stringSize(Explain.LABEL_FIELD_NUMBER, e.label());
    s +=
        e.labelCount() < 0
            ? 0
            : WireWriter.int32Size(Explain.LABEL_COUNT_FIELD_NUMBER, e.labelCount());
    s += e.labelMax() <= 0 ? 0 : WireWriter.int32Size(Explain.LABEL_MAX_FIELD_NUMBER, e.labelMax());
    if (e.plays() >= 0) {
      s += WireWriter.int64Size(Explain.PLAYS_FIELD_NUMBER, e.plays());
      s += WireWriter.int64Size(Explain.SKIPS_FIELD_NUMBER, e.skips());
      s += WireWriter.boolSize(Explain.HELD_FIELD_NUMBER);
    }
    s += WireWriter.int32Size(Explain.ARM_FIELD_NUMBER, WireEnums.arm(ex.arm()));
    if (ex.experiment() != null) {
      s += WireWriter.stringSize(Explain.EXPERIMENT_FIELD_NUMBER, ex.experiment());
    }
    HoldoutScope holdout = ex.holdouts().apply(i);
    if (holdout != null) {
      s += WireWriter.int32Size(Explain.HOLDOUT_FIELD_NUMBER, WireEnums.holdout(holdout));
      s +=
          WireWriter.int32Size(
              Explain.WOULD_BE_FIELD_NUMBER, WireEnums.reason(ex.wouldBe().apply(i)));
    }
    return s;
  }

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
