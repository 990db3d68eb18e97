package io.scoregateway.http;

import io.scoregateway.codec.JsonBytes;
import io.scoregateway.model.Decision;
import io.scoregateway.model.Reason;
import io.scoregateway.pipeline.HoldoutScope;
import io.scoregateway.pipeline.ScoreExchange;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes decisions straight into bytes (the thread's scratch answer, copied once into the buffer
 * sent), no intermediate JSON objects. Every string written is an already-validated id or a fixed
 * name, so no escaping is needed.
 */
public final class ScoreResponseWriter {
  private static final byte[] TRACK = ascii("{\"track\":\"");
  private static final byte[] PROMOTED = ascii("\",\"promoted\":true,\"score\":");
  private static final byte[] NOT_PROMOTED = ascii("\",\"promoted\":false,\"score\":");
  private static final byte[] CAMPAIGN = ascii(",\"campaign\":\"");

  /**
   * By reason: the reason field; the same closing the result; and the whole tail of a result with
   * no campaign, no score and nothing to explain.
   */
  private static final byte[][] REASON = new byte[Reason.values().length][];

  private static final byte[][] REASON_END = new byte[REASON.length][];
  private static final byte[][] UNSCORED_END = new byte[REASON.length][];

  // the encoded bytes of each reason sit at its position: one array read per answer
  @SuppressWarnings("EnumOrdinal")
  private static void encodeReasons() {
    for (Reason r : Reason.values()) {
      String reason = ",\"reason\":\"" + r.wire() + "\"";
      REASON[r.ordinal()] = ascii(reason);
      REASON_END[r.ordinal()] = ascii(reason + "}");
      UNSCORED_END[r.ordinal()] = ascii("\",\"promoted\":false,\"score\":0" + reason + "}");
    }
  }

  private ScoreResponseWriter() {}

  /** The whole answer as one JSON document. */
  public static Buffer json(ScoreExchange ex) {
    JsonBytes out = JsonBytes.scratch();
    out.text("{\"snapshot\":");
    snapshot(out, ex);
    out.text(",\"degraded\":").bool(ex.degraded()).text(",\"results\":[");
    for (int i = 0; i < ex.size(); i++) {
      if (i > 0) {
        out.ch(',');
      }
      result(out, ex, i);
    }
    out.text("]}");
    return out.toBuffer();
  }

  /** NDJSON lines for positions {@code from} (inclusive) to {@code to} (exclusive). */
  public static Buffer lines(ScoreExchange ex, int from, int to) {
    JsonBytes out = JsonBytes.scratch();
    for (int i = from; i < to; i++) {
      result(out, ex, i);
      out.ch('\n');
    }
    return out.toBuffer();
  }

  /** The NDJSON trailer line. */
  public static Buffer done(ScoreExchange ex) {
    JsonBytes out = JsonBytes.scratch().text("{\"done\":true,\"snapshot\":");
    snapshot(out, ex);
    out.text(",\"degraded\":").bool(ex.degraded()).text("}\n");
    return out.toBuffer();
  }

  static {
    encodeReasons();
  }

  @SuppressWarnings("EnumOrdinal")
  static void result(JsonBytes out, ScoreExchange ex, int i) {
    Decision d = ex.decision(i);
    out.raw(TRACK).text(ex.request().candidates().get(i));
    int r = d.reason().ordinal();
    if (d.campaign() == null && d.explain() == null && !d.promoted() && d.score() == 0) {
      // the most common answer (not enrolled) in one piece
      out.raw(UNSCORED_END[r]);
      return;
    }
    out.raw(d.promoted() ? PROMOTED : NOT_PROMOTED).number(d.score());
    if (d.campaign() != null) {
      out.raw(CAMPAIGN).text(d.campaign()).ch('"');
    }
    if (d.explain() == null) {
      out.raw(REASON_END[r]);
    } else {
      out.raw(REASON[r]);
      explain(out, d.explain(), ex, i);
      out.ch('}');
    }
  }

  private static void explain(JsonBytes out, Decision.Explain e, ScoreExchange ex, int i) {
    out.text(",\"explain\":{");
    int start = out.length();
    field(out, start, "base_score", e.baseScore());
    field(out, start, "boost", e.boost());
    field(out, start, "pass_rate", e.passRate());
    if (e.delivered() >= 0) {
      sep(out, start).text("\"delivered\":").integer(e.delivered());
    }
    field(out, start, "planned", e.planned());
    if (e.userCount() >= 0) {
      sep(out, start).text("\"user_count\":").integer(e.userCount());
    }
    field(out, start, "urgency", e.urgency());
    field(out, start, "floor", e.floor());
    if (e.label() != null) {
      sep(out, start).text("\"label\":\"").text(e.label()).ch('"');
    }
    if (e.labelCount() >= 0) {
      sep(out, start).text("\"label_count\":").integer(e.labelCount());
    }
    if (e.labelMax() > 0) {
      sep(out, start).text("\"label_max\":").integer(e.labelMax());
    }
    if (e.plays() >= 0) {
      sep(out, start).text("\"plays\":").integer(e.plays());
      out.text(",\"skips\":").integer(e.skips()).text(",\"held\":").bool(e.held());
    }
    sep(out, start).text("\"arm\":\"").text(ex.arm().wire()).ch('"');
    if (ex.experiment() != null) {
      out.text(",\"experiment\":\"").text(ex.experiment()).ch('"');
    }
    HoldoutScope holdout = ex.inputs().holdout(i);
    if (holdout != null) {
      out.text(",\"holdout\":\"").text(holdout.wire()).ch('"');
      out.text(",\"would_be\":\"").text(ex.inputs().wouldBe(i).wire()).ch('"');
    }
    out.ch('}');
  }

  private static void field(JsonBytes out, int start, String name, double v) {
    if (!Double.isNaN(v)) {
      sep(out, start).ch('"').text(name).text("\":").number(v);
    }
  }

  private static JsonBytes sep(JsonBytes out, int start) {
    return out.length() > start ? out.ch(',') : out;
  }

  /** The snapshot id and its age in whole seconds (null when unknown). */
  private static void snapshot(JsonBytes out, ScoreExchange ex) {
    quoteOrNull(out, ex.snapshot());
    out.text(",\"snapshot_age_s\":");
    long age = ex.snapshotAgeSeconds();
    if (ex.snapshot() == null || age < 0) {
      out.text("null");
    } else {
      out.integer(age);
    }
  }

  private static void quoteOrNull(JsonBytes out, String s) {
    if (s == null) {
      out.text("null");
    } else {
      out.ch('"').text(s).ch('"');
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
