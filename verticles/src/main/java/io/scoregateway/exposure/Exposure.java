package io.scoregateway.exposure;

import io.scoregateway.pipeline.ScoreExchange;

/** One answered exchange waiting to be written: its {@code records} enrolled decisions. */
record Exposure(ScoreExchange exchange, String traceId, long atMs, int records) {}
