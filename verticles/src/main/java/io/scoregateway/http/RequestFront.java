package io.scoregateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * Checks every request's framing before the router sees it: exactly one Host header (HTTP/1.1
 * requires one; without it routing failed with a 500), and the gateway's own limits on the request
 * target and the header block. The HTTP codec's limits are set above these, so an oversized request
 * still parses and is answered here as HTTP/1.1 problem+json; only one beyond the codec's limits
 * reaches {@link #invalid}, which still answers problem+json.
 */
public final class RequestFront implements Handler<HttpServerRequest> {
  /** Longest request target served (RFC 9110 asks for at least 8000 octets). */
  public static final int MAX_URI = 8192;

  /** Largest header block served, names and values together. */
  public static final int MAX_HEADERS = 16 * 1024;

  /** The HTTP codec's own limits, above ours so our answers win. */
  public static final int CODEC_MAX_LINE = 64 * 1024;

  public static final int CODEC_MAX_HEADERS = 64 * 1024;

  private final Handler<HttpServerRequest> next;

  public RequestFront(Handler<HttpServerRequest> next) {
    this.next = next;
  }

  @Override
  public void handle(HttpServerRequest req) {
    if (ClosingConnections.marked(req.connection())) {
      req.connection().close(); // pipelined behind a refusal that closes the connection
    } else if (req.uri().length() > MAX_URI) {
      refuse(req, ProblemType.URI_TOO_LONG, "uri: longer than " + MAX_URI + " characters");
    } else if (headerBytes(req) > MAX_HEADERS) {
      refuse(req, ProblemType.HEADERS_TOO_LARGE, "headers: larger than " + MAX_HEADERS + " bytes");
    } else if (req.headers().getAll("host").size() > 1) {
      // two Host headers leave the target ambiguous (RFC 9112 §3.2 requires a 400)
      refuse(req, ProblemType.INVALID_REQUEST, "host: more than one Host header");
    } else if (req.authority() == null) {
      // HTTP/2 carries it as :authority; an HTTP/1.x request needs a Host header that parses
      refuse(
          req,
          ProblemType.INVALID_REQUEST,
          req.getHeader("host") == null
              ? "host: the Host header is required"
              : "host: invalid Host header");
    } else {
      next.handle(req);
    }
  }

  /** For requests the HTTP codec could not parse (the server's invalid-request handler). */
  public static void invalid(HttpServerRequest req) {
    Problem p = Failures.undecodable(req.decoderResult().cause());
    refuse(req, p.type(), p.getMessage());
  }

  private static void refuse(HttpServerRequest req, ProblemType type, String detail) {
    // the rest of such a connection cannot be trusted to be framed right: close it after the answer
    Problem.sendAndClose(req, type, detail);
  }

  private static int headerBytes(HttpServerRequest req) {
    int n = 0;
    for (var e : req.headers()) {
      n += e.getKey().length() + e.getValue().length() + 4;
    }
    return n;
  }
}
