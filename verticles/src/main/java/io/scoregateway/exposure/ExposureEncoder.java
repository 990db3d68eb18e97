package io.scoregateway.exposure;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pipeline.DecisionInputs;
import io.scoregateway.pipeline.HoldoutScope;
import io.scoregateway.pipeline.ScoreExchange;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the exposure records of one answered exchange as JSON lines, one per enrolled decision, in
 * the schema of docs/exposure-log.md ({@link #SCHEMA_VERSION}). Every string is a validated id, a
 * fixed name or hex, so none needs escaping. Runs on the writer's thread, never an event loop.
 */
final class ExposureEncoder {
  /** Bumped whenever a field changes meaning or goes away; new fields alone do not bump it. */
  static final int SCHEMA_VERSION = 1;

  private final ListenerKeys keys;

  ExposureEncoder(ListenerKeys keys) {
    this.keys = keys;
  }

  void encode(Exposure e, List<ExposureLine> out) {
    ScoreExchange ex = e.exchange();
    ScoreRequest req = ex.request();
    DecisionInputs in = ex.inputs();
    String listener = keys.of(req.user());
    String requestId = ex.requestId() != null ? ex.requestId() : generatedId();
    StringBuilder common = new StringBuilder(320);
    common.append("{\"schema_version\":").append(SCHEMA_VERSION);
    text(common, "ts", Instant.ofEpochMilli(e.atMs()).toString());
    text(common, "request_id", requestId);
    text(common, "trace_id", e.traceId());
    text(common, "listener", listener);
    text(common, "surface", req.surface());
    text(common, "market", req.market());
    text(common, "segment", req.segment());
    text(common, "snapshot", ex.snapshot());
    text(common, "arm", ex.arm().wire());
    text(common, "experiment", ex.experiment());
    int prefix = common.length();
    for (int i = 0; i < ex.size(); i++) {
      Decision d = ex.decision(i);
      if (d.campaign() == null) {
        continue;
      }
      StringBuilder sb = new StringBuilder(prefix + 256).append(common);
      sb.append(",\"position\":").append(i);
      text(sb, "track", req.candidates().get(i));
      text(sb, "campaign", d.campaign());
      text(sb, "reason", d.reason().wire());
      sb.append(",\"promoted\":").append(d.promoted());
      HoldoutScope holdout = in.holdout(i);
      sb.append(",\"ghost\":").append(in.ghost(i));
      text(sb, "holdout", holdout == null ? null : holdout.wire());
      Reason wouldBe = in.wouldBe(i);
      text(sb, "would_be", wouldBe == null ? null : wouldBe.wire());
      number(sb, "base_score", in.baseScore(i));
      Campaign c = ex.campaign(i);
      number(sb, "boost", c == null ? Double.NaN : c.boost());
      number(sb, "score", d.score());
      number(sb, "pass_rate", in.passRate(i));
      sb.append('}');
      out.add(new ExposureLine(listener, sb.toString()));
    }
  }

  /** A request id for a caller that sent none: 128 random bits in hex. */
  private static String generatedId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(r.nextLong()) + hex.toHexDigits(r.nextLong());
  }

  private static void text(StringBuilder sb, String name, String value) {
    sb.append(",\"").append(name).append("\":");
    if (value == null) {
      sb.append("null");
    } else {
      sb.append('"').append(value).append('"');
    }
  }

  private static void number(StringBuilder sb, String name, double v) {
    sb.append(",\"").append(name).append("\":");
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      sb.append("null");
    } else {
      sb.append(v);
    }
  }
}
