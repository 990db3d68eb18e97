package io.scoregateway.http;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP/1.1 request decoder with the framing rules of RFC 9112 §6 that Netty leaves lenient:
 * Content-Length together with Transfer-Encoding (Netty silently drops the length, the classic
 * request-smuggling ambiguity), and any Transfer-Encoding other than exactly {@code chunked} (Netty
 * takes {@code chunked, identity} as chunked). Such a request fails to decode: the decoder then
 * discards the rest of the connection's bytes, so a request smuggled behind it is never parsed, and
 * {@link RequestFront#invalid} answers the problem and closes the connection.
 */
final class StrictFraming extends VertxHttpRequestDecoder {
  private static final String DECODER = "httpDecoder";

  /**
   * A framing violation, carried as the decoder's failure cause; stackless (an expected refusal).
   */
  static final class Violation extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ProblemType type;

    Violation(ProblemType type, String detail) {
      super(detail, null, false, false);
      this.type = type;
    }

    ProblemType type() {
      return type;
    }
  }

  private StrictFraming(HttpServerOptions options) {
    super(options);
  }

  /**
   * Swaps the strict decoder into a new HTTP/1.x connection. Vert.x offers no hook for its codec,
   * so this reaches into the pipeline it built; it runs from the server's connection handler,
   * before the connection's first byte is decoded. HTTP/2 connections have no such decoder and are
   * left alone.
   */
  static void install(HttpConnection conn, HttpServerOptions options) {
    if (conn instanceof ConnectionBase base) {
      ChannelPipeline pipeline = base.channel().pipeline();
      if (pipeline.get(DECODER) instanceof VertxHttpRequestDecoder) {
        pipeline.replace(DECODER, DECODER, new StrictFraming(options));
      }
    }
  }

  // the last hook Netty calls before it decides how the body is framed (and strips Content-Length)
  @Override
  protected boolean isContentAlwaysEmpty(HttpMessage msg) {
    List<String> te = msg.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
    if (!te.isEmpty()) {
      check(msg, te);
    }
    return super.isContentAlwaysEmpty(msg);
  }

  private static void check(HttpMessage msg, List<String> headerValues) {
    if (msg.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
      throw new Violation(
          ProblemType.INVALID_REQUEST,
          "transfer-encoding: not allowed together with Content-Length");
    }
    if (!HttpVersion.HTTP_1_1.equals(msg.protocolVersion())) {
      throw new Violation(
          ProblemType.INVALID_REQUEST, "transfer-encoding: not allowed in HTTP/1.0");
    }
    List<String> codings = new ArrayList<>();
    for (String value : headerValues) {
      String[] parts = value.split(",", -1);
      int n = parts.length;
      while (n > 0 && parts[n - 1].isEmpty()) {
        n--; // trailing empty fields are no codings
      }
      for (int i = 0; i < n; i++) {
        codings.add(parts[i].trim().toLowerCase(Locale.ROOT));
      }
    }
    if (!codings.get(codings.size() - 1).equals("chunked")) {
      throw new Violation(
          ProblemType.INVALID_REQUEST,
          "transfer-encoding: chunked must be the final coding, got '"
              + String.join(", ", codings)
              + "'");
    }
    if (codings.size() > 1) {
      throw new Violation(
          ProblemType.NOT_IMPLEMENTED,
          "transfer-encoding: only chunked is supported, got '" + String.join(", ", codings) + "'");
    }
  }
}
