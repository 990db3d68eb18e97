package io.scoregateway.pipeline;

import io.vertx.core.Vertx;

/**
 * Runs the pipeline under a request's deadline, whatever protocol the request came in on, and calls
 * {@code finish} on completion or when time is up (the caller makes the second call a no-op).
 */
public final class ScoreDeadline {
  private final Vertx vertx;
  private final ScorePipeline pipeline;

  public ScoreDeadline(Vertx vertx, ScorePipeline pipeline) {
    this.vertx = vertx;
    this.pipeline = pipeline;
  }

  /**
   * The time kept back for writing grows with the batch (a tenth of the deadline, at most 5 ms,
   * plus 1 ms per 1000 candidates), and nothing is decided after that point, so even a large batch
   * whose lookups answer just before the deadline leaves on time.
   *
   * @param start {@link System#nanoTime()} when the request arrived
   */
  public void run(ScoreExchange ex, long start, long timeoutMs, Runnable finish) {
    run(ex, start, timeoutMs, 0, finish);
  }

  /**
   * Like {@link #run(ScoreExchange, long, long, Runnable)}, keeping back {@code transitMs} more for
   * the answer's way to the caller.
   */
  public void run(ScoreExchange ex, long start, long timeoutMs, long transitMs, Runnable finish) {
    long margin = Math.min(5, Math.max(1, timeoutMs / 10)) + (ex.size() + 999) / 1000 + transitMs;
    long decideInMs = Math.max(1, timeoutMs - margin - (System.nanoTime() - start) / 1_000_000);
    ex.decideBy(start + Math.max(1, timeoutMs - margin) * 1_000_000);
    long timer = vertx.setTimer(decideInMs, id -> finish.run());
    pipeline
        .run(ex)
        .onComplete(
            ar -> {
              vertx.cancelTimer(timer);
              finish.run();
            });
  }
}
