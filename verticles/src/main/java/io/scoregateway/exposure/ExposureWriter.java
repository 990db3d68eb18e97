package io.scoregateway.exposure;

import io.scoregateway.config.ExposureConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Deployed as a worker: every {@link #TICK_MS} it drains the chunks the event loops' {@link
 * ExposureRecorder}s encoded and hands them to the sink, so no write ever runs on an event loop,
 * and tells the recorders the partitions the sink has (learned once before the gateway serves, so
 * the first answers' records already go to their listeners' partitions). A sink that cannot be
 * opened (Kafka refuses the settings, the file cannot be created) is retried every {@link
 * #REOPEN_MS}; meanwhile the records are counted as lost.
 */
public final class ExposureWriter extends VerticleBase {
  static final long TICK_MS = 50;
  static final long REOPEN_MS = 5_000;

  /** Records handed to the sink at once; a larger backlog goes in several writes. */
  static final int BATCH_RECORDS = 10_000;

  private static final long CLOSE_MS = 2_000;

  private final ExposureBuffer buffer;
  private final ExposureConfig config;
  private ExposureSink sink;
  private String openFailure;
  private long reopenAtMs;
  private long timer = -1;

  public ExposureWriter(ExposureBuffer buffer, ExposureConfig config) {
    this.buffer = buffer;
    this.config = config;
  }

  @Override
  public Future<?> start() {
    // on this worker: waits up to the producer's max.block.ms when Kafka does not answer
    if (open()) {
      buffer.partitions(sink.partitions());
    }
    timer = vertx.setPeriodic(TICK_MS, id -> drain());
    return Future.succeededFuture();
  }

  private boolean open() {
    if (sink != null) {
      return true;
    }
    long now = System.currentTimeMillis();
    if (now < reopenAtMs) {
      return false;
    }
    try {
      sink =
          switch (config.sink()) {
            case FILE -> FileExposureSink.open(Path.of(config.file()));
            case KAFKA ->
                KafkaExposureSink.open(
                    vertx, config.bootstrapServers(), config.topic(), config.kafkaFormat());
            case NONE -> throw new IllegalStateException("no exposure sink is configured");
          };
      return true;
    } catch (Exception e) {
      openFailure =
          "the " + config.sink().name().toLowerCase(Locale.ROOT) + " sink cannot be opened: " + e;
      reopenAtMs = now + REOPEN_MS;
      return false;
    }
  }

  private void drain() {
    boolean open = open();
    if (open) {
      buffer.partitions(sink.partitions());
    }
    for (List<ExposureChunk> batch = buffer.drain(BATCH_RECORDS);
        !batch.isEmpty();
        batch = buffer.drain(BATCH_RECORDS)) {
      int records = 0;
      for (ExposureChunk c : batch) {
        records += c.records();
      }
      int n = records;
      if (!open) {
        buffer.settled(0, n, openFailure);
        continue;
      }
      try {
        sink.write(batch).onSuccess(w -> buffer.settled(w.count(), n - w.count(), w.failure()));
      } catch (RuntimeException | Error e) {
        // whatever went wrong, the batch's records leave the buffer's bound, counted as failed
        buffer.settled(0, n, "writing exposure records failed: " + e);
      }
    }
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    drain();
    return sink == null ? Future.succeededFuture() : sink.close(CLOSE_MS).otherwiseEmpty();
  }
}
