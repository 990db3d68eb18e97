package io.scoregateway.http;

import io.scoregateway.codec.ContentCoding;
import io.scoregateway.codec.InvalidInput;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Reads a request body into memory, bounded by a limit on both the bytes received and the bytes
 * they decode to (413 past either). Unlike Vert.x Web's body handler it never decodes form or
 * multipart bodies: every endpoint takes JSON, and decoding a form before the content type is
 * checked turned a large form-encoded body into a 500. Content codings it cannot decode are a 415
 * before any byte is read. The whole body must arrive within {@code readMs}: the idle timeout alone
 * lets a sender keep a request (and its in-flight slot) alive for ever with a byte now and then;
 * past the deadline it is answered 408 and the connection closed.
 */
final class BodyReader implements Handler<RoutingContext> {
  private final int maxBytes;
  private final long readMs;

  BodyReader(int maxBytes, long readMs) {
    this.maxBytes = maxBytes;
    this.readMs = readMs;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    String encoding = req.getHeader("content-encoding");
    ContentCoding coding = ContentCoding.of(encoding);
    if (coding == null) {
      Problem.send(
          ctx,
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "content-encoding: " + encoding + " is not supported (use gzip, deflate or none)");
      return;
    }
    long declared = contentLength(req);
    if (declared > maxBytes) {
      Problem.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, tooLarge());
      return;
    }
    if (req.isEnded()) {
      ctx.next();
      return;
    }
    if ("100-continue".equalsIgnoreCase(req.getHeader("expect"))
        && req.version() != HttpVersion.HTTP_1_0) {
      ctx.response().writeContinue();
    }
    Buffer body = Buffer.buffer(declared > 0 ? (int) declared : 1024);
    boolean[] failed = {false};
    long timer =
        ctx.vertx()
            .setTimer(
                readMs,
                id -> {
                  if (!failed[0]) {
                    failed[0] = true;
                    Problem.send(
                        ctx,
                        ProblemType.REQUEST_TIMEOUT,
                        "body: not received within " + readMs + " ms");
                  }
                });
    req.handler(
        chunk -> {
          if (failed[0]) {
            return;
          }
          if (body.length() + chunk.length() > maxBytes) {
            failed[0] = true;
            ctx.vertx().cancelTimer(timer);
            Problem.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, tooLarge());
            return;
          }
          body.appendBuffer(chunk);
        });
    req.endHandler(
        v -> {
          ctx.vertx().cancelTimer(timer);
          if (!failed[0]) {
            decoded(ctx, coding, body);
          }
        });
    req.resume();
  }

  private void decoded(RoutingContext ctx, ContentCoding coding, Buffer raw) {
    Buffer body;
    try {
      body =
          coding == ContentCoding.IDENTITY
              ? raw
              : Buffer.buffer(coding.decode(raw.getBytes(), maxBytes));
    } catch (ContentCoding.TooLarge e) {
      Problem.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, tooLarge() + " once decompressed");
      return;
    } catch (InvalidInput e) {
      Problem.send(ctx, ProblemType.INVALID_REQUEST, e.getMessage());
      return;
    }
    ((RoutingContextInternal) ctx).setBody(body);
    ctx.next();
  }

  private String tooLarge() {
    return "body: larger than the " + maxBytes + "-byte limit for this endpoint";
  }

  private static long contentLength(HttpServerRequest req) {
    String h = req.getHeader("content-length");
    if (h == null) {
      return -1;
    }
    try {
      return Long.parseLong(h.trim());
    } catch (NumberFormatException e) {
      return -1; // the HTTP codec rejects a malformed length before a request exists
    }
  }
}
