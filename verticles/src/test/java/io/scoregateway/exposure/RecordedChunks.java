package io.scoregateway.exposure;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scoregateway.config.ExposureConfig;
import io.scoregateway.pipeline.ScoreExchange;
import java.util.List;

/** The chunks a recorder makes of some exchanges, each answered at {@link ScoredExchanges#NOW}. */
final class RecordedChunks {
  private RecordedChunks() {}

  static List<ExposureChunk> of(ExposureConfig config, String traceId, ScoreExchange... exs) {
    ExposureBuffer buffer = new ExposureBuffer(1_000_000, new SimpleMeterRegistry());
    ExposureRecorder recorder = new ExposureRecorder(buffer, config);
    for (ScoreExchange ex : exs) {
      recorder.offer(ex, traceId, ScoredExchanges.NOW.toEpochMilli());
    }
    recorder.close();
    return buffer.drain(Integer.MAX_VALUE);
  }

  static ExposureConfig json(String salt) {
    return new ExposureConfig(
        ExposureConfig.Sink.FILE, "unused", "", "t", ExposureConfig.KafkaFormat.JSON, 1000, salt);
  }

  static ExposureConfig protobuf(String salt) {
    return new ExposureConfig(
        ExposureConfig.Sink.KAFKA,
        "unused",
        "k:9092",
        "t",
        ExposureConfig.KafkaFormat.PROTOBUF,
        1000,
        salt);
  }
}
