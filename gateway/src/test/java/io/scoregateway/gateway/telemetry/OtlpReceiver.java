package io.scoregateway.gateway.telemetry;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A minimal OTLP/HTTP trace receiver: accepts {@code POST /v1/traces} and decodes the protobuf wire
 * format of ExportTraceServiceRequest by hand (resource_spans=1 → scope_spans=2 → spans=2; span:
 * trace_id=1, span_id=2, parent_span_id=4, name=5, attributes=9 of KeyValue{key=1, value=2
 * AnyValue{string=1, bool=2, int=3, double=4}}).
 */
final class OtlpReceiver implements AutoCloseable {
  /** One received span. */
  record SpanData(
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      Map<String, Object> attributes) {}

  private final List<SpanData> spans = new ArrayList<>();
  private final HttpServer server;

  OtlpReceiver(Vertx vertx) {
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            body -> {
                              if (req.path().equals("/v1/traces")) {
                                List<SpanData> decoded = decodeRequest(body.getBytes());
                                synchronized (spans) {
                                  spans.addAll(decoded);
                                }
                              }
                              req.response()
                                  .putHeader("content-type", "application/x-protobuf")
                                  .end();
                            }));
    server.listen(0, "127.0.0.1").await();
  }

  int port() {
    return server.actualPort();
  }

  List<SpanData> spans() {
    synchronized (spans) {
      return List.copyOf(spans);
    }
  }

  @Override
  public void close() {
    server.close().await();
  }

  static List<SpanData> decodeRequest(byte[] bytes) {
    List<SpanData> out = new ArrayList<>();
    for (Reader resource : new Reader(bytes).messages(1)) {
      for (Reader scope : resource.messages(2)) {
        for (Reader span : scope.messages(2)) {
          out.add(decodeSpan(span));
        }
      }
    }
    return out;
  }

  private static SpanData decodeSpan(Reader span) {
    String traceId = "";
    String spanId = "";
    String parent = "";
    String name = "";
    Map<String, Object> attributes = new HashMap<>();
    Reader r = span.restart();
    while (r.more()) {
      int tag = (int) r.varint();
      int field = tag >>> 3;
      int wire = tag & 7;
      if (wire != 2) {
        r.skip(wire);
        continue;
      }
      byte[] value = r.bytes();
      switch (field) {
        case 1 -> traceId = HexFormat.of().formatHex(value);
        case 2 -> spanId = HexFormat.of().formatHex(value);
        case 4 -> parent = HexFormat.of().formatHex(value);
        case 5 -> name = new String(value, StandardCharsets.UTF_8);
        case 9 -> attribute(new Reader(value), attributes);
        default -> {}
      }
    }
    return new SpanData(traceId, spanId, parent, name, attributes);
  }

  private static void attribute(Reader kv, Map<String, Object> into) {
    String key = null;
    Object value = null;
    while (kv.more()) {
      int tag = (int) kv.varint();
      if ((tag & 7) != 2) {
        kv.skip(tag & 7);
        continue;
      }
      byte[] bytes = kv.bytes();
      if (tag >>> 3 == 1) {
        key = new String(bytes, StandardCharsets.UTF_8);
      } else if (tag >>> 3 == 2) {
        value = anyValue(new Reader(bytes));
      }
    }
    if (key != null) {
      into.put(key, value);
    }
  }

  private static Object anyValue(Reader r) {
    while (r.more()) {
      int tag = (int) r.varint();
      switch (tag) {
        case (1 << 3) | 2 -> {
          return new String(r.bytes(), StandardCharsets.UTF_8);
        }
        case (2 << 3) -> {
          return r.varint() != 0;
        }
        case (3 << 3) -> {
          return r.varint();
        }
        case (4 << 3) | 1 -> {
          return Double.longBitsToDouble(r.fixed64());
        }
        default -> r.skip(tag & 7);
      }
    }
    return null;
  }

  /** A protobuf wire-format cursor. */
  private static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf) {
      this.buf = buf;
    }

    Reader restart() {
      return new Reader(buf);
    }

    boolean more() {
      return pos < buf.length;
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = buf[pos++];
        result |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalStateException("malformed varint");
    }

    long fixed64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (buf[pos++] & 0xffL) << (8 * i);
      }
      return v;
    }

    byte[] bytes() {
      int len = (int) varint();
      byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + len);
      pos += len;
      return out;
    }

    void skip(int wire) {
      switch (wire) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> bytes();
        case 5 -> pos += 4;
        default -> throw new IllegalStateException("unknown wire type " + wire);
      }
    }

    /** Every length-delimited sub-message with this field number. */
    List<Reader> messages(int field) {
      List<Reader> out = new ArrayList<>();
      Reader r = restart();
      while (r.more()) {
        int tag = (int) r.varint();
        if ((tag & 7) == 2 && (tag >>> 3) == field) {
          out.add(new Reader(r.bytes()));
        } else {
          r.skip(tag & 7);
        }
      }
      return out;
    }
  }
}
