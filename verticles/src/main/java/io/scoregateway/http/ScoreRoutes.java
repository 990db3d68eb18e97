package io.scoregateway.http;

import io.scoregateway.codec.Ids;
import io.scoregateway.codec.InvalidInput;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pipeline.ExchangeObserver;
import io.scoregateway.pipeline.HopTimings;
import io.scoregateway.pipeline.ScoreDeadline;
import io.scoregateway.pipeline.ScoreExchange;
import io.scoregateway.pipeline.ScorePipeline;
import io.scoregateway.telemetry.RequestObserver;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /v1/scores}: parse, run the pipeline under the caller's deadline, answer. */
public final class ScoreRoutes {
  public static final String NDJSON = "application/x-ndjson";
  private static final String TIMEOUT_HEADER = "x-request-timeout-ms";
  private static final String REQUEST_ID_HEADER = "x-request-id";
  private static final long MAX_TIMEOUT_MS = 60_000;

  private final ScoreDeadline deadline;
  private final ScoreRequestParser parser;
  private final long defaultTimeoutMs;
  private final ExchangeObserver observer;

  /**
   * @param observer watches the writing of each answer; {@link #internal} answers are not observed
   */
  public ScoreRoutes(
      Vertx vertx,
      ScorePipeline pipeline,
      int maxBatch,
      long defaultTimeoutMs,
      ExchangeObserver observer) {
    this.deadline = new ScoreDeadline(vertx, pipeline);
    this.parser = new ScoreRequestParser(maxBatch);
    this.defaultTimeoutMs = defaultTimeoutMs;
    this.observer = observer;
  }

  public void handle(RoutingContext ctx) {
    Long arrived = ctx.get(RequestObserver.ARRIVED);
    long start = arrived == null ? System.nanoTime() : arrived;
    ContentTypes.requireJson(ctx);
    long timeoutMs = timeoutMs(single(ctx, TIMEOUT_HEADER));
    String requestId = requestId(single(ctx, REQUEST_ID_HEADER));
    boolean stream = ContentTypes.accepts(ctx, NDJSON);
    HopTimings timings = new HopTimings(start);
    ScoreRequest req =
        parser.parse(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
    timings.parse(System.nanoTime() - start);

    ScoreExchange ex = new ScoreExchange(req, timings);
    ex.requestId(requestId);
    ctx.put(RequestObserver.TIMINGS, timings);
    ctx.put(RequestObserver.BATCH, req.candidates().size());
    Answer answer =
        stream ? new StreamedAnswer(ctx.response(), ex) : new WholeAnswer(ctx.response(), ex);
    deadline.run(ex, start, timeoutMs, () -> finish(ctx, ex, answer));
  }

  /**
   * Scores a request body without HTTP, the way a request would be (parse, pipeline under the
   * deadline, answer written): for warming the hot path before readiness. Answers the JSON body.
   */
  public Future<Buffer> internal(byte[] body, long timeoutMs) {
    long start = System.nanoTime();
    ScoreRequest req = parser.parse(body);
    ScoreExchange ex = new ScoreExchange(req, new HopTimings(start));
    Promise<Buffer> done = Promise.promise();
    deadline.run(
        ex,
        start,
        timeoutMs,
        () -> {
          if (!ex.isFinished()) {
            ex.close();
            done.complete(ScoreResponseWriter.json(ex));
          }
        });
    return done.future();
  }

  private void finish(RoutingContext ctx, ScoreExchange ex, Answer answer) {
    if (ex.isFinished()) {
      return;
    }
    ex.close();
    observer.answer(ex, answer::finish);
    ctx.put(RequestObserver.OUTCOME, ex.degraded() ? "degraded" : "ok");
  }

  private long timeoutMs(String header) {
    if (header == null) {
      return defaultTimeoutMs;
    }
    try {
      long v = Long.parseLong(header.trim());
      if (v >= 1 && v <= MAX_TIMEOUT_MS) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new InvalidInput(
        "X-Request-Timeout-Ms", "must be an integer between 1 and " + MAX_TIMEOUT_MS);
  }

  /** The caller's id for this request (it reaches the exposure log), or null. */
  private static String requestId(String header) {
    if (header == null) {
      return null;
    }
    String id = header.trim();
    if (!Ids.valid(id)) {
      throw new InvalidInput(
          "X-Request-Id", "invalid request id (expected [A-Za-z0-9._:-]{1,128})");
    }
    return id;
  }

  /** How the decisions leave: whole at the end, or streamed as they become final. */
  private interface Answer {
    /** Writes what is left; called once, after the exchange is closed. */
    void finish();
  }

  private static final class WholeAnswer implements Answer {
    private final HttpServerResponse response;
    private final ScoreExchange ex;

    WholeAnswer(HttpServerResponse response, ScoreExchange ex) {
      this.response = response;
      this.ex = ex;
    }

    @Override
    public void finish() {
      response
          .putHeader("content-type", "application/json")
          .putHeader("server-timing", ex.timings().serverTiming())
          .end(ScoreResponseWriter.json(ex));
    }
  }

  private static final class StreamedAnswer implements Answer {
    private final HttpServerResponse response;
    private final ScoreExchange ex;
    private int written;

    StreamedAnswer(HttpServerResponse response, ScoreExchange ex) {
      this.response = response;
      this.ex = ex;
      ex.onProgress(this::flush);
    }

    private void flush() {
      int to = written;
      while (to < ex.size() && ex.isFinal(to)) {
        to++;
      }
      if (to == written) {
        return;
      }
      if (!response.headWritten()) {
        response
            .setChunked(true)
            .putHeader("content-type", NDJSON)
            .putHeader("server-timing", ex.timings().serverTiming());
      }
      response.write(ScoreResponseWriter.lines(ex, written, to));
      written = to;
    }

    @Override
    public void finish() {
      flush();
      if (!response.headWritten()) {
        response.setChunked(true).putHeader("content-type", NDJSON);
      }
      response.end(ScoreResponseWriter.done(ex));
    }
  }

  /** The header's value, null when absent; given twice it is ambiguous, so a 400 naming it. */
  private static String single(RoutingContext ctx, String name) {
    String v = ctx.request().getHeader(name);
    if (v != null && ctx.request().headers().getAll(name).size() > 1) {
      throw new InvalidInput(name, "given more than once");
    }
    return v;
  }
}
