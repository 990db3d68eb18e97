package io.scoregateway.exposure;

import io.scoregateway.pipeline.ScoreExchange;

/**
 * Takes the answered exchanges whose enrolled decisions become exposure records. Called on the
 * event loop: it never blocks, never waits for a sink and never fails.
 */
public interface ExposureLog {
  /**
   * Takes one answered exchange; returns at once.
   *
   * @param ex a closed exchange (nothing in it changes any more)
   * @param traceId the request's trace id, or null when it is not traced
   * @param atMs when it was answered
   */
  void offer(ScoreExchange ex, String traceId, long atMs);
}
