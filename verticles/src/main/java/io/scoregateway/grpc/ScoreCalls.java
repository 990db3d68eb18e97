package io.scoregateway.grpc;

import io.scoregateway.auth.Role;
import io.scoregateway.codec.Ids;
import io.scoregateway.codec.InvalidInput;
import io.scoregateway.pipeline.HopTimings;
import io.scoregateway.pipeline.ScoreDeadline;
import io.scoregateway.pipeline.ScoreExchange;
import io.vertx.core.buffer.Buffer;
import io.vertx.grpc.server.GrpcServerRequest;

/**
 * {@code Score} and {@code ScoreStream}: admission, the request message, the pipeline under the
 * call's deadline (the gRPC deadline, else the configured default), the answer. A deadline that
 * comes before Redis answers leaves the unresolved candidates degraded and still ends OK.
 */
final class ScoreCalls {
  private static final long MAX_TIMEOUT_MS = 60_000;

  /** Metadata naming the call in the exposure log, as {@code X-Request-Id} does for HTTP. */
  static final String REQUEST_ID = "x-request-id";

  private final GrpcDataPlane.Parts parts;
  private final ScoreDeadline deadline;

  ScoreCalls(GrpcDataPlane.Parts parts) {
    this.parts = parts;
    this.deadline = new ScoreDeadline(parts.vertx(), parts.pipeline());
  }

  void score(GrpcServerRequest<Decoded<ScoreRequestDecoder.Fields>, Buffer> req) {
    GrpcCall<ScoreRequestDecoder.Fields, Buffer> call = parts.open(req);
    if (parts.gate().admit(call, Role.SCORE)) {
      call.read(
          parts.settings().bodyReadMs(),
          m -> {
            ScoreExchange ex = exchange(call, m);
            run(call, ex, () -> call.ok(ScoreAnswerWriter.whole(ex)));
          });
    }
  }

  void scoreStream(GrpcServerRequest<Decoded<ScoreRequestDecoder.Fields>, Buffer> req) {
    GrpcCall<ScoreRequestDecoder.Fields, Buffer> call = parts.open(req);
    if (parts.gate().admit(call, Role.SCORE)) {
      call.read(
          parts.settings().bodyReadMs(),
          m -> {
            ScoreExchange ex = exchange(call, m);
            Stream stream = new Stream(call, ex);
            ex.onProgress(stream::flush);
            run(call, ex, stream::finish);
          });
    }
  }

  private ScoreExchange exchange(GrpcCall<?, ?> call, ScoreRequestDecoder.Fields m) {
    HopTimings timings = new HopTimings(call.start());
    String requestId = requestId(call.header(REQUEST_ID));
    ScoreExchange ex =
        new ScoreExchange(ScoreRequests.read(m, parts.settings().maxBatch()), timings);
    ex.requestId(requestId);
    timings.parse(System.nanoTime() - call.start());
    call.describe(ex.size(), timings);
    return ex;
  }

  private void run(GrpcCall<?, ?> call, ScoreExchange ex, Runnable answer) {
    long callerMs = call.deadlineMs();
    long timeoutMs =
        callerMs > 0 ? Math.min(callerMs, MAX_TIMEOUT_MS) : parts.settings().defaultTimeoutMs();
    deadline.run(ex, call.start(), timeoutMs, transitMs(callerMs), () -> finish(call, ex, answer));
  }

  /** The caller's id for this call (it reaches the exposure log), or null. */
  private static String requestId(String value) {
    if (value == null) {
      return null;
    }
    String id = value.trim();
    if (!Ids.valid(id)) {
      throw new InvalidInput(REQUEST_ID, "invalid request id (expected [A-Za-z0-9._:-]{1,128})");
    }
    return id;
  }

  /**
   * An answer one millisecond past a gRPC deadline is lost whole (the client ends the call
   * DEADLINE_EXCEEDED), and the client's clock started before the call reached us: a caller's
   * deadline keeps back a fifth of itself, at most 20 ms, for the way back.
   */
  static long transitMs(long callerMs) {
    return callerMs > 0 ? Math.min(20, callerMs / 5) : 0;
  }

  private void finish(GrpcCall<?, ?> call, ScoreExchange ex, Runnable answer) {
    if (ex.isFinished()) {
      return;
    }
    ex.close();
    if (call.ended()) {
      return; // cancelled by the caller: nobody to answer
    }
    call.response().trailers().set("server-timing", ex.timings().serverTiming());
    call.outcome(ex.degraded() ? "degraded" : "ok");
    try {
      parts.exchanges().answer(ex, answer);
    } catch (RuntimeException e) {
      call.fail(e); // a bug writing the answer: INTERNAL, counted, rather than a call left open
    }
  }

  /** The streamed answer: each run of newly final results as one message, then {@code done}. */
  private static final class Stream {
    private final GrpcCall<?, Buffer> call;
    private final ScoreExchange ex;
    private int written;

    Stream(GrpcCall<?, Buffer> call, ScoreExchange ex) {
      this.call = call;
      this.ex = ex;
    }

    void flush() {
      int to = written;
      while (to < ex.size() && ex.isFinal(to)) {
        to++;
      }
      if (to > written && !call.ended()) {
        call.write(ScoreAnswerWriter.run(ex, written, to));
        written = to;
      }
    }

    void finish() {
      flush();
      call.ok(ScoreAnswerWriter.done(ex));
    }
  }
}
