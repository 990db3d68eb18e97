package io.scoregateway.http;

import io.scoregateway.model.Decision;
import io.scoregateway.pipeline.ScoreExchange;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes decisions straight into buffers, no intermediate JSON objects. Every string written is an
 * already-validated id or a fixed name, so no escaping is needed.
 */
public final class ScoreResponseWriter {
  /** Room per result, so a builder never grows: a grown builder copies the whole answer again. */
  private static final int BYTES_PER_RESULT = 128;

  private ScoreResponseWriter() {}

  /** The whole answer as one JSON document. */
  public static Buffer json(ScoreExchange ex) {
    StringBuilder sb = new StringBuilder(64 + ex.size() * BYTES_PER_RESULT);
    sb.append("{\"snapshot\":");
    quoteOrNull(sb, ex.snapshot());
    sb.append(",\"degraded\":").append(ex.degraded()).append(",\"results\":[");
    for (int i = 0; i < ex.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      result(sb, ex.request().candidates().get(i), ex.decision(i));
    }
    sb.append("]}");
    return Buffer.buffer(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** NDJSON lines for positions {@code from} (inclusive) to {@code to} (exclusive). */
  public static Buffer lines(ScoreExchange ex, int from, int to) {
    StringBuilder sb = new StringBuilder((to - from) * BYTES_PER_RESULT);
    for (int i = from; i < to; i++) {
      result(sb, ex.request().candidates().get(i), ex.decision(i));
      sb.append('\n');
    }
    return Buffer.buffer(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The NDJSON trailer line. */
  public static Buffer done(ScoreExchange ex) {
    StringBuilder sb = new StringBuilder(96).append("{\"done\":true,\"snapshot\":");
    quoteOrNull(sb, ex.snapshot());
    sb.append(",\"degraded\":").append(ex.degraded()).append("}\n");
    return Buffer.buffer(sb.toString());
  }

  static void result(StringBuilder sb, String track, Decision d) {
    sb.append("{\"track\":\"").append(track).append("\",\"promoted\":").append(d.promoted());
    sb.append(",\"score\":");
    number(sb, d.score());
    if (d.campaign() != null) {
      sb.append(",\"campaign\":\"").append(d.campaign()).append('"');
    }
    sb.append(",\"reason\":\"").append(d.reason().wire()).append('"');
    if (d.explain() != null) {
      explain(sb, d.explain());
    }
    sb.append('}');
  }

  private static void explain(StringBuilder sb, Decision.Explain e) {
    sb.append(",\"explain\":{");
    int start = sb.length();
    field(sb, start, "base_score", e.baseScore());
    field(sb, start, "boost", e.boost());
    field(sb, start, "pass_rate", e.passRate());
    if (e.delivered() >= 0) {
      sep(sb, start).append("\"delivered\":").append(e.delivered());
    }
    field(sb, start, "planned", e.planned());
    if (e.userCount() >= 0) {
      sep(sb, start).append("\"user_count\":").append(e.userCount());
    }
    field(sb, start, "urgency", e.urgency());
    field(sb, start, "floor", e.floor());
    if (e.label() != null) {
      sep(sb, start).append("\"label\":\"").append(e.label()).append('"');
    }
    if (e.labelCount() >= 0) {
      sep(sb, start).append("\"label_count\":").append(e.labelCount());
    }
    if (e.labelMax() > 0) {
      sep(sb, start).append("\"label_max\":").append(e.labelMax());
    }
    if (e.plays() >= 0) {
      sep(sb, start).append("\"plays\":").append(e.plays());
      sb.append(",\"skips\":").append(e.skips()).append(",\"held\":").append(e.held());
    }
    sb.append('}');
  }

  private static void field(StringBuilder sb, int start, String name, double v) {
    if (!Double.isNaN(v)) {
      sep(sb, start).append('"').append(name).append("\":");
      number(sb, v);
    }
  }

  private static StringBuilder sep(StringBuilder sb, int start) {
    return sb.length() > start ? sb.append(',') : sb;
  }

  private static void number(StringBuilder sb, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      sb.append((long) v);
    } else {
      sb.append(v);
    }
  }

  private static void quoteOrNull(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
    } else {
      sb.append('"').append(s).append('"');
    }
  }
}
