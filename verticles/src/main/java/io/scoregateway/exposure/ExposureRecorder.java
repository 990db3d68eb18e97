package io.scoregateway.exposure;

import io.scoregateway.config.ExposureConfig;
import io.scoregateway.pipeline.ScoreExchange;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Utils;

/**
 * One event loop's side of the exposure log. Each answered exchange's records are encoded right
 * after its answer is written, while its decisions are still in this core's caches, into the open
 * chunk of the partition its listener key falls in (Kafka's own choice for that key: murmur2 of its
 * bytes, modulo the topic's partitions); a chunk goes to the {@link ExposureBuffer} once it holds
 * {@link #CHUNK_BYTES}, and every {@link #TICK_MS} whatever it holds. Records count against the
 * buffer's bound from the moment they are offered; beyond it they are dropped, never encoded. Made,
 * used and closed on its verticle's event loop only.
 */
public final class ExposureRecorder implements ExposureLog {
  /** How often open chunks go to the writer, whatever they hold. */
  static final long TICK_MS = 50;

  /** A chunk this large goes to the writer at once: one Kafka message, well under its 1 MB. */
  static final int CHUNK_BYTES = 128 * 1024;

  private final ExposureBuffer buffer;
  private final ListenerKeys keys;
  private final Supplier<ExposureEncoding> encoders;
  private Vertx vertx;
  private long timer = -1;

  /** By partition: the chunk being filled, null until needed. */
  private OpenChunk[] open = new OpenChunk[0];

  /** A recorder whose hand-off timer runs on the calling (event-loop) context. */
  public ExposureRecorder(Vertx vertx, ExposureBuffer buffer, ExposureConfig config) {
    this(buffer, config);
    this.vertx = vertx;
    this.timer = vertx.setPeriodic(TICK_MS, id -> handOffAll());
  }

  /** A recorder that hands chunks off when full or {@link #handOffAll asked}: no timer. */
  ExposureRecorder(ExposureBuffer buffer, ExposureConfig config) {
    this.buffer = buffer;
    this.keys = new ListenerKeys(config.listenerSalt());
    this.encoders =
        config.sink() == ExposureConfig.Sink.KAFKA
                && config.kafkaFormat() == ExposureConfig.KafkaFormat.PROTOBUF
            ? ProtobufExposureEncoder::new
            : JsonExposureEncoder::new;
  }

  @Override
  public void offer(ScoreExchange ex, String traceId, long atMs) {
    int n = 0;
    for (int i = 0; i < ex.size(); i++) {
      if (ex.decision(i).campaign() != null) {
        n++;
      }
    }
    if (n == 0 || !buffer.reserve(n)) {
      return;
    }
    int partitions = buffer.partitions();
    if (partitions != open.length) {
      handOffAll();
      open = new OpenChunk[partitions];
    }
    String listener = keys.of(ex.request().user());
    int p = partitions == 1 ? 0 : partition(listener, partitions);
    if (open[p] == null) {
      open[p] = new OpenChunk(p, encoders.get());
    }
    OpenChunk chunk = open[p];
    try {
      chunk.encoding.append(ex, traceId, atMs, listener);
    } catch (RuntimeException e) {
      // a half-written request would spoil the chunk: it goes, its records counted as failed
      int lost = chunk.records + n;
      chunk.take();
      buffer.settled(0, lost, "encoding exposure records failed: " + e);
      return;
    }
    chunk.records += n;
    chunk.requests++;
    if (chunk.encoding.size() >= CHUNK_BYTES) {
      buffer.add(chunk.take());
    }
  }

  /** The partition Kafka's default partitioner gives a message keyed by {@code listener}. */
  static int partition(String listener, int partitions) {
    return Utils.toPositive(Utils.murmur2(listener.getBytes(StandardCharsets.US_ASCII)))
        % partitions;
  }

  /** Hands every open chunk with records to the buffer. */
  void handOffAll() {
    for (OpenChunk chunk : open) {
      if (chunk != null && chunk.records > 0) {
        buffer.add(chunk.take());
      }
    }
  }

  /** Stops the timer and hands off what the open chunks hold. */
  public void close() {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
    handOffAll();
  }

  /** The chunk being filled for one partition: its encoder's bytes and what they hold. */
  private static final class OpenChunk {
    final int partition;
    final ExposureEncoding encoding;
    int records;
    int requests;

    OpenChunk(int partition, ExposureEncoding encoding) {
      this.partition = partition;
      this.encoding = encoding;
    }

    /** The chunk so far, ready to hand off; starts the next one empty. */
    ExposureChunk take() {
      ExposureChunk done = new ExposureChunk(partition, encoding.take(), records, requests);
      records = 0;
      requests = 0;
      return done;
    }
  }
}
