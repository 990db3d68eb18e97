package io.scoregateway.grpc;

import io.scoregateway.http.FailureCounts;
import io.scoregateway.pipeline.HopTimings;
import io.scoregateway.telemetry.GrpcObserver;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.MessageSizeOverflowException;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.GrpcServerResponse;
import java.util.function.Consumer;

/**
 * One call from arrival to status: reads its single request message within the body-read bound,
 * ends exactly once (with a message, or a status and a readable message), gives back what admission
 * took, and reports to the observer. A call the client cancels ends as CANCELLED and writes nothing
 * more. Confined to the call's event loop.
 */
final class GrpcCall<Req, Resp> {
  /** How long a refused caller is asked to wait before retrying (grpc-java's retry pushback). */
  private static final String PUSHBACK = "grpc-retry-pushback-ms";

  private final Vertx vertx;
  private final GrpcServerRequest<Decoded<Req>, Resp> request;
  private final GrpcObserver.Call observed;
  private final FailureCounts failures;
  private Runnable release = () -> {};
  private long readTimer = -1;
  private boolean received;
  private boolean ended;
  private int batch;
  private HopTimings timings;
  private String outcome;

  GrpcCall(
      Vertx vertx,
      GrpcServerRequest<Decoded<Req>, Resp> request,
      GrpcObserver.Call observed,
      FailureCounts failures) {
    this.vertx = vertx;
    this.request = request;
    this.observed = observed;
    this.failures = failures;
    String traceparent = observed.traceparent();
    if (traceparent != null) {
      request.response().headers().set("traceparent", traceparent);
    }
    // a reset stream (client cancel, deadline passed on its side, connection gone)
    request.errorHandler(err -> ended(GrpcStatus.CANCELLED));
    request.exceptionHandler(err -> ended(GrpcStatus.CANCELLED));
    request.response().exceptionHandler(err -> ended(GrpcStatus.CANCELLED));
  }

  /** {@link System#nanoTime()} when the call arrived. */
  long start() {
    return observed.start();
  }

  /** The call's metadata value, or null. */
  String header(String name) {
    return request.headers().get(name);
  }

  /** The caller's deadline in ms, 0 when it set none. */
  long deadlineMs() {
    long ms = request.timeout();
    // a deadline under 1 ms reads as 0: it is the shortest there is, not none
    return ms == 0 && request.headers().contains("grpc-timeout") ? 1 : ms;
  }

  SocketAddress remoteAddress() {
    return request.connection().remoteAddress();
  }

  GrpcServerResponse<Decoded<Req>, Resp> response() {
    return request.response();
  }

  /** Runs when the call ends, whichever way. */
  void onEnd(Runnable r) {
    Runnable before = release;
    release =
        () -> {
          before.run();
          r.run();
        };
  }

  /** What the slow-request log and the metrics say about the call. */
  void describe(int batch, HopTimings timings) {
    this.batch = batch;
    this.timings = timings;
  }

  void outcome(String outcome) {
    this.outcome = outcome;
  }

  boolean ended() {
    return ended;
  }

  /**
   * Hands the request's one message to {@code then} once it has arrived; a malformed, oversized,
   * missing or late message ends the call with a status saying so. What {@code then} throws ends
   * the call through {@link GrpcFailures}.
   */
  void read(long readMs, Consumer<Req> then) {
    readTimer =
        vertx.setTimer(
            readMs,
            id ->
                refuse(
                    GrpcStatus.DEADLINE_EXCEEDED,
                    "request: message not received within " + readMs + " ms"));
    request.invalidMessageHandler(
        e ->
            refuse(
                GrpcStatus.RESOURCE_EXHAUSTED,
                e instanceof MessageSizeOverflowException o
                    ? "request: message of " + o.messageSize() + " bytes is over the limit"
                    : "request: invalid message framing"));
    request.handler(
        decoded -> {
          if (ended || received) {
            return;
          }
          received = true;
          cancelReadTimer();
          if (decoded.error() != null) {
            refuse(GrpcStatus.INVALID_ARGUMENT, decoded.error());
            return;
          }
          try {
            then.accept(decoded.message());
          } catch (RuntimeException e) {
            fail(e);
          }
        });
    request.endHandler(
        v -> {
          if (!received) {
            cancelReadTimer();
            refuse(GrpcStatus.INVALID_ARGUMENT, "request: ended without a message");
          }
        });
  }

  /** Ends OK with this last (or only) message. */
  void ok(Resp message) {
    if (ended) {
      return;
    }
    ended(GrpcStatus.OK);
    request.response().end(message);
  }

  /** Writes one message of a stream, unless the call has ended. */
  void write(Resp message) {
    if (!ended) {
      request.response().write(message);
    }
  }

  /** Ends with a status other than OK and a message naming what was wrong. */
  void refuse(GrpcStatus status, String message) {
    if (ended) {
      return;
    }
    ended(status);
    GrpcServerResponse<Decoded<Req>, Resp> response = request.response();
    if (GrpcFailures.retryable(status)) {
      response.trailers().set(PUSHBACK, "1000");
    }
    response.status(status).statusMessage(message).end();
  }

  /** Ends with the status {@link GrpcFailures} gives {@code err}, counted as HTTP's are. */
  void fail(Throwable err) {
    if (ended) {
      return;
    }
    GrpcFailures.Failure f = GrpcFailures.of(err, request.fullMethodName(), failures);
    refuse(f.status(), f.message());
  }

  private void ended(GrpcStatus status) {
    if (ended) {
      return;
    }
    ended = true;
    cancelReadTimer();
    release.run();
    release = () -> {};
    observed.end(status, batch, timings, outcome);
  }

  private void cancelReadTimer() {
    if (readTimer >= 0) {
      vertx.cancelTimer(readTimer);
      readTimer = -1;
    }
  }
}
