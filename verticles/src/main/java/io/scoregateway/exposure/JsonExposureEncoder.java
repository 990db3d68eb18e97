package io.scoregateway.exposure;

import io.scoregateway.codec.JsonBytes;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pipeline.DecisionInputs;
import io.scoregateway.pipeline.HoldoutScope;
import io.scoregateway.pipeline.ScoreExchange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes answered exchanges' exposure records as JSON lines, one per enrolled decision, in the
 * schema of docs/exposure-log.md ({@link ExposureEncoding#SCHEMA_VERSION}). Every string is a
 * validated id, a fixed name or hex, so none needs escaping. The fields every record of an exchange
 * shares are encoded once and copied into each; field names are bytes made once.
 */
final class JsonExposureEncoder implements ExposureEncoding {
  private static final byte[] POSITION = ascii(",\"position\":");
  private static final byte[] TRACK = ascii(",\"track\":\"");
  private static final byte[] CAMPAIGN = ascii("\",\"campaign\":\"");
  private static final byte[] REASON = ascii("\",\"reason\":\"");
  private static final byte[] PROMOTED_TRUE = ascii("\",\"promoted\":true");
  private static final byte[] PROMOTED_FALSE = ascii("\",\"promoted\":false");
  private static final byte[] GHOST_TRUE = ascii(",\"ghost\":true");
  private static final byte[] GHOST_FALSE = ascii(",\"ghost\":false");
  private static final byte[] HOLDOUT = ascii(",\"holdout\":");
  private static final byte[] WOULD_BE = ascii(",\"would_be\":");
  private static final byte[] BASE_SCORE = ascii(",\"base_score\":");
  private static final byte[] BOOST = ascii(",\"boost\":");
  private static final byte[] SCORE = ascii(",\"score\":");
  private static final byte[] PASS_RATE = ascii(",\"pass_rate\":");

  private final JsonBytes common = new JsonBytes(512);

  /** The chunk being filled; reused from chunk to chunk. */
  private final JsonBytes sb = new JsonBytes(64 * 1024);

  @Override
  public void append(ScoreExchange ex, String traceId, long atMs, String listener) {
    ScoreRequest req = ex.request();
    DecisionInputs in = ex.inputs();
    String requestId = ex.requestId() != null ? ex.requestId() : ExposureEncoding.generatedId();
    common.clear();
    common.text("{\"schema_version\":").integer(SCHEMA_VERSION);
    text(common, "ts", Instant.ofEpochMilli(atMs).toString());
    text(common, "request_id", requestId);
    text(common, "trace_id", traceId);
    text(common, "listener", listener);
    text(common, "surface", req.surface());
    text(common, "market", req.market());
    text(common, "segment", req.segment());
    text(common, "snapshot", ex.snapshot());
    text(common, "arm", ex.arm().wire());
    text(common, "experiment", ex.experiment());
    for (int i = 0; i < ex.size(); i++) {
      Decision d = ex.decision(i);
      if (d.campaign() == null) {
        continue;
      }
      sb.raw(common.array(), 0, common.length());
      sb.raw(POSITION).integer(i);
      sb.raw(TRACK).text(req.candidates().get(i));
      sb.raw(CAMPAIGN).text(d.campaign());
      sb.raw(REASON).text(d.reason().wire());
      sb.raw(d.promoted() ? PROMOTED_TRUE : PROMOTED_FALSE);
      sb.raw(in.ghost(i) ? GHOST_TRUE : GHOST_FALSE);
      HoldoutScope holdout = in.holdout(i);
      quoted(sb.raw(HOLDOUT), holdout == null ? null : holdout.wire());
      Reason wouldBe = in.wouldBe(i);
      quoted(sb.raw(WOULD_BE), wouldBe == null ? null : wouldBe.wire());
      number(sb.raw(BASE_SCORE), in.baseScore(i));
      Campaign c = ex.campaign(i);
      number(sb.raw(BOOST), c == null ? Double.NaN : c.boost());
      number(sb.raw(SCORE), d.score());
      number(sb.raw(PASS_RATE), in.passRate(i));
      sb.ch('}').ch('\n');
    }
  }

  @Override
  public int size() {
    return sb.length();
  }

  @Override
  public byte[] take() {
    byte[] bytes = Arrays.copyOf(sb.array(), sb.length());
    sb.clear();
    return bytes;
  }

  private static void text(JsonBytes sb, String name, String value) {
    quoted(sb.text(",\"").text(name).text("\":"), value);
  }

  private static void quoted(JsonBytes sb, String value) {
    if (value == null) {
      sb.text("null");
    } else {
      sb.ch('"').text(value).ch('"');
    }
  }

  private static void number(JsonBytes sb, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      sb.text("null");
    } else {
      sb.number(v);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
