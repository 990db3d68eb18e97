package io.scoregateway.gateway.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One flat JSON object per event: ISO-8601 UTC timestamp, level, logger, thread, message, the
 * event's key-value pairs as fields of their own, and for a failure its class, message and stack
 * (as one string, so the line stays one line).
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);
  private static final Set<String> RESERVED =
      Set.of("timestamp", "level", "logger", "thread", "message", "error", "stack");

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent e) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"timestamp\":\"").append(ISO.format(e.getInstant())).append('"');
    field(sb, "level", e.getLevel().toString());
    field(sb, "logger", e.getLoggerName());
    field(sb, "thread", e.getThreadName());
    field(sb, "message", e.getFormattedMessage());
    if (e.getKeyValuePairs() != null) {
      for (KeyValuePair kv : e.getKeyValuePairs()) {
        String key = RESERVED.contains(kv.key) ? "kv_" + kv.key : kv.key;
        if (kv.value instanceof Number || kv.value instanceof Boolean) {
          sb.append(",\"");
          escape(sb, key);
          sb.append("\":").append(finite(kv.value));
        } else {
          field(sb, key, kv.value == null ? null : String.valueOf(kv.value));
        }
      }
    }
    IThrowableProxy t = e.getThrowableProxy();
    if (t != null) {
      field(sb, "error", t.getClassName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
      field(sb, "stack", stack(t));
    }
    sb.append("}\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String stack(IThrowableProxy t) {
    StringBuilder sb = new StringBuilder();
    for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
      sb.append(frame.getSTEAsString()).append('\n');
    }
    if (t.getCause() != null) {
      sb.append("caused by ").append(ThrowableProxyUtil.asString(t.getCause()));
    }
    return sb.toString();
  }

  private static String finite(Object number) {
    if (number instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return "\"" + d + "\"";
    }
    if (number instanceof Float f && (f.isNaN() || f.isInfinite())) {
      return "\"" + f + "\"";
    }
    return String.valueOf(number);
  }

  private static void field(StringBuilder sb, String key, String value) {
    sb.append(",\"");
    escape(sb, key);
    sb.append("\":");
    if (value == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    escape(sb, value);
    sb.append('"');
  }

  private static void escape(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
  }
}
