package io.scoregateway.grpc;

import io.scoregateway.grpc.v1.Explain;
import io.scoregateway.grpc.v1.Reason;
import io.scoregateway.grpc.v1.ScoreDone;
import io.scoregateway.grpc.v1.ScoreResponse;
import io.scoregateway.grpc.v1.ScoreResult;
import io.scoregateway.grpc.v1.ScoreResults;
import io.scoregateway.model.Decision;
import io.scoregateway.pipeline.ScoreExchange;
import java.util.List;

/** Decisions to {@code scoregateway.v1} messages. */
final class ScoreAnswers {
  /** The wire reason of each engine reason, by ordinal: {@code PACED} is {@code REASON_PACED}. */
  private static final Reason[] REASONS = reasons();

  private ScoreAnswers() {}

  static ScoreResponse whole(ScoreExchange ex) {
    ScoreResponse.Builder b = ScoreResponse.newBuilder().setDegraded(ex.degraded());
    List<String> tracks = ex.request().candidates();
    for (int i = 0; i < ex.size(); i++) {
      b.addResults(result(tracks.get(i), ex.decision(i)));
    }
    if (ex.snapshot() != null) {
      b.setSnapshot(ex.snapshot());
    }
    return b.build();
  }

  /** Positions {@code from} (inclusive) to {@code to} (exclusive) as one stream message. */
  static ScoreResults run(ScoreExchange ex, int from, int to) {
    ScoreResults.Builder b = ScoreResults.newBuilder().setFirstPosition(from);
    List<String> tracks = ex.request().candidates();
    for (int i = from; i < to; i++) {
      b.addResults(result(tracks.get(i), ex.decision(i)));
    }
    return b.build();
  }

  static ScoreDone done(ScoreExchange ex) {
    ScoreDone.Builder b = ScoreDone.newBuilder().setDegraded(ex.degraded());
    if (ex.snapshot() != null) {
      b.setSnapshot(ex.snapshot());
    }
    return b.build();
  }

  static ScoreResult result(String track, Decision d) {
    ScoreResult.Builder b =
        ScoreResult.newBuilder()
            .setTrack(track)
            .setPromoted(d.promoted())
            .setScore(d.score())
            .setReason(REASONS[d.reason().ordinal()]);
    if (d.campaign() != null) {
      b.setCampaign(d.campaign());
    }
    if (d.explain() != null) {
      b.setExplain(explain(d.explain()));
    }
    return b.build();
  }

  private static Explain explain(Decision.Explain e) {
    Explain.Builder b = Explain.newBuilder();
    if (!Double.isNaN(e.baseScore())) {
      b.setBaseScore(e.baseScore());
    }
    if (!Double.isNaN(e.boost())) {
      b.setBoost(e.boost());
    }
    if (!Double.isNaN(e.passRate())) {
      b.setPassRate(e.passRate());
    }
    if (e.delivered() >= 0) {
      b.setDelivered(e.delivered());
    }
    if (!Double.isNaN(e.planned())) {
      b.setPlanned(e.planned());
    }
    if (e.userCount() >= 0) {
      b.setUserCount(e.userCount());
    }
    return b.build();
  }

  /** Fails at class load if an engine reason has no wire counterpart. */
  private static Reason[] reasons() {
    io.scoregateway.model.Reason[] engine = io.scoregateway.model.Reason.values();
    Reason[] out = new Reason[engine.length];
    for (io.scoregateway.model.Reason r : engine) {
      out[r.ordinal()] = Reason.valueOf("REASON_" + r.name());
    }
    return out;
  }
}
