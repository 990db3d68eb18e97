package io.scoregateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/1.1 request decoder with the framing rules of RFC 9112 §6 that Netty leaves lenient:
 * Content-Length together with Transfer-Encoding (Netty silently drops the length, the classic
 * request-smuggling ambiguity), and any Transfer-Encoding other than exactly {@code chunked} (Netty
 * takes {@code chunked, identity} as chunked). Such a request fails to decode: the decoder then
 * discards the rest of the connection's bytes, so a request smuggled behind it is never parsed, and
 * {@link RequestFront#invalid} answers the problem and closes the connection.
 *
 * <p>It also bounds how long a request head may take: from its first byte, the request line and
 * headers must all arrive within the head deadline (the body deadline, {@code --body-read-ms}),
 * else the request fails the same way with a 408. Without it a client sending a header line every
 * few seconds, each within the idle timeout, would hold its connection until the header limit.
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

  private final long headMs;

  /** True between messages: the next byte begins a request head. */
  private boolean betweenMessages = true;

  /** A head has begun and not yet been decoded whole. */
  private boolean headPending;

  private ScheduledFuture<?> headTimer;

  /** The connection is being refused: its further bytes are discarded. */
  private boolean discarding;

  private StrictFraming(HttpServerOptions options, long headMs) {
    super(options);
    this.headMs = headMs;
  }

  /**
   * Swaps the strict decoder into a new HTTP/1.x connection. Vert.x offers no hook for its codec,
   * so this reaches into the pipeline it built; it runs from the server's connection handler,
   * before the connection's first byte is decoded. HTTP/2 connections have no such decoder and are
   * left alone.
   */
  static void install(HttpConnection conn, HttpServerOptions options, long headMs) {
    if (conn instanceof ConnectionBase base) {
      ChannelPipeline pipeline = base.channel().pipeline();
      if (pipeline.get(DECODER) instanceof VertxHttpRequestDecoder) {
        pipeline.replace(DECODER, DECODER, new StrictFraming(options, headMs));
      }
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out)
      throws Exception {
    if (discarding) {
      buffer.skipBytes(buffer.readableBytes()); // the connection closes after the 408
      return;
    }
    if (betweenMessages && !headPending && beginsHead(buffer)) {
      headPending = true;
    }
    int from = out.size();
    super.decode(ctx, buffer, out);
    for (int i = from; i < out.size(); i++) {
      Object o = out.get(i);
      if (o instanceof HttpMessage m) {
        unsupportedVersion(m);
        betweenMessages = false;
        headPending = false;
        cancelHeadTimer();
      }
      if (o instanceof LastHttpContent) {
        betweenMessages = true;
      }
    }
    // a head that arrived whole (the usual case) never needs the timer
    if (headPending && headTimer == null) {
      headTimer = ctx.executor().schedule(() -> headLate(ctx), headMs, TimeUnit.MILLISECONDS);
    }
  }

  /** The head deadline passed: the request fails to decode, answered 408 by the invalid handler. */
  private void headLate(ChannelHandlerContext ctx) {
    headTimer = null;
    if (!headPending || discarding || !ctx.channel().isActive()) {
      return;
    }
    discarding = true;
    DefaultHttpRequest late = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
    late.setDecoderResult(
        DecoderResult.failure(
            new Violation(
                ProblemType.REQUEST_TIMEOUT,
                "headers: the request head was not received within " + headMs + " ms")));
    ctx.fireChannelRead(late);
    ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
    // a read completes here: Vert.x flushes what it wrote during a read only then
    ctx.fireChannelReadComplete();
  }

  /**
   * A version other than HTTP/1.0 and 1.1 (HTTP/2's preface sent in cleartext, say) fails to
   * decode: answered 501 problem+json over HTTP/1.1, where Vert.x answers an empty 501 in the
   * version asked for.
   */
  private void unsupportedVersion(HttpMessage m) {
    HttpVersion v = m.protocolVersion();
    if (m.decoderResult().isSuccess() && v.majorVersion() != 1) {
      discarding = true; // what follows is not HTTP/1.x either
      m.setProtocolVersion(HttpVersion.HTTP_1_1);
      m.setDecoderResult(
          DecoderResult.failure(
              new Violation(
                  ProblemType.NOT_IMPLEMENTED,
                  "version: "
                      + v.text()
                      + " is not served here; this port speaks HTTP/1.0 and 1.1 (gRPC over HTTP/2 is on"
                      + " --grpc-port)")));
    }
  }

  /**
   * Whether the readable bytes hold the start of a request head: anything but the control
   * characters and white space the codec skips before a request line (a stray CRLF after a request,
   * which RFC 9112 §2.2 asks servers to ignore, starts no head deadline).
   */
  private static boolean beginsHead(ByteBuf buffer) {
    for (int i = buffer.readerIndex(); i < buffer.writerIndex(); i++) {
      char c = (char) (buffer.getByte(i) & 0xff);
      if (!Character.isISOControl(c) && !Character.isWhitespace(c)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out)
      throws Exception {
    if (discarding) {
      in.skipBytes(in.readableBytes()); // no request is made of what a refusal left behind
      return;
    }
    super.decodeLast(ctx, in, out);
  }

  private void cancelHeadTimer() {
    if (headTimer != null) {
      headTimer.cancel(false);
      headTimer = null;
    }
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
    cancelHeadTimer();
    super.handlerRemoved0(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancelHeadTimer();
    super.channelInactive(ctx);
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
