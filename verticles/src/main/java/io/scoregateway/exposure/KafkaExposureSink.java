package io.scoregateway.exposure;

import io.scoregateway.config.ExposureConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.kafka.client.common.KafkaClientOptions;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends each chunk to a Kafka topic as one message: its value the chunk, one protobuf {@code
 * ExposureBatch} or JSON lines (each ended by a newline, as in the file sink), of the requests one
 * event loop answered over up to one tick; its partition the one every listener key in it falls in
 * (as if each request were a message keyed by its listener key: a listener's records stay on one
 * partition); no key; headers {@code content-type} (the format), {@code records} and {@code
 * requests} (their counts). A batch goes to the Vert.x Kafka client's underlying producer in one
 * pass on the exposure writer's worker thread, with one hop back to the writer per batch. (The
 * client's own per-message {@code send}, a worker task and a context hop per message, cost the
 * gateway about four times its CPU per request in {@code loadtest/bench --exposure kafka}; one
 * message per record, about 3.5 times, at 25 records per request.) The producer compresses JSON
 * with LZ4 (the records of a request share most of their bytes; protobuf sends those once and goes
 * uncompressed), batches ({@code linger.ms}) and retries; a message it cannot deliver within {@link
 * #DELIVERY_TIMEOUT_MS} is lost and its records counted.
 */
final class KafkaExposureSink implements ExposureSink {
  /** How long the producer keeps trying to deliver one message. */
  static final int DELIVERY_TIMEOUT_MS = 10_000;

  private final KafkaProducer<String, byte[]> client;
  private final Producer<String, byte[]> producer;
  private final String topic;
  private final byte[] contentType;
  private int partitions = 1;
  private long partitionsAskAtMs;

  /** How often the topic's partitions are asked for. */
  static final long PARTITIONS_EVERY_MS = 30_000;

  /** How soon they are asked for again after Kafka did not answer. */
  static final long PARTITIONS_RETRY_MS = 5_000;

  private KafkaExposureSink(
      KafkaProducer<String, byte[]> client, String topic, ExposureConfig.KafkaFormat format) {
    this.client = client;
    this.producer = client.unwrap();
    this.topic = topic;
    this.contentType = format.contentType().getBytes(StandardCharsets.US_ASCII);
  }

  /** Creates the producer (no network call yet); throws on a setting Kafka refuses. */
  static KafkaExposureSink open(
      Vertx vertx, String bootstrapServers, String topic, ExposureConfig.KafkaFormat format) {
    Map<String, Object> cfg = new HashMap<>();
    cfg.put("bootstrap.servers", bootstrapServers);
    cfg.put("client.id", "score-gateway-exposures");
    cfg.put("linger.ms", 20);
    cfg.put("batch.size", 256 * 1024);
    // JSON lines repeat their shared fields in every record: LZ4 takes them to about a tenth.
    // Protobuf sends them once; compressing what is left costs more CPU than the bytes it saves
    cfg.put("compression.type", format == ExposureConfig.KafkaFormat.JSON ? "lz4" : "none");
    cfg.put("delivery.timeout.ms", DELIVERY_TIMEOUT_MS);
    cfg.put("request.timeout.ms", 3_000);
    // a send waits this long for topic metadata (broker unreachable): on the writer's worker
    cfg.put("max.block.ms", 1_000);
    cfg.put("reconnect.backoff.max.ms", 1_000);
    cfg.put("retry.backoff.max.ms", 1_000);
    org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> nativeProducer =
        new org.apache.kafka.clients.producer.KafkaProducer<>(
            cfg, new StringSerializer(), new ByteArraySerializer());
    KafkaProducer<String, byte[]> client =
        KafkaProducer.create(
            vertx, nativeProducer, new KafkaClientOptions().setTracingPolicy(TracingPolicy.IGNORE));
    return new KafkaExposureSink(client, topic, format);
  }

  @Override
  public Future<Written> write(List<ExposureChunk> chunks) {
    int n = chunks.size();
    if (n == 0) {
      return Future.succeededFuture(new Written(0, null));
    }
    Context writer = Vertx.currentContext();
    Promise<Written> done = Promise.promise();
    AtomicInteger pending = new AtomicInteger(n);
    AtomicInteger ok = new AtomicInteger();
    AtomicReference<String> failure = new AtomicReference<>();
    Runnable settle =
        () -> {
          if (pending.decrementAndGet() == 0) {
            writer.runOnContext(v -> done.complete(new Written(ok.get(), failure.get())));
          }
        };
    for (int m = 0; m < n; m++) {
      if (failure.get() != null && failure.get().startsWith(METADATA)) {
        // no metadata within max.block.ms: every further send of the batch would wait as long
        for (int j = m; j < n; j++) {
          settle.run();
        }
        break;
      }
      ExposureChunk chunk = chunks.get(m);
      int records = chunk.records();
      // a chunk made before the partitions were known goes to partition 0, which always exists
      ProducerRecord<String, byte[]> message =
          new ProducerRecord<>(topic, chunk.partition(), null, chunk.bytes());
      message
          .headers()
          .add(CONTENT_TYPE, contentType)
          .add(RECORDS, ascii(records))
          .add(REQUESTS, ascii(chunk.requests()));
      // the callback sees every outcome, failures included: the returned future adds nothing
      var unusedSent =
          producer.send(
              message,
              (meta, err) -> {
                if (err == null) {
                  ok.addAndGet(records);
                } else {
                  failure.compareAndSet(
                      null, (err instanceof TimeoutException ? METADATA : "") + err.getMessage());
                }
                settle.run();
              });
    }
    return done.future();
  }

  /**
   * The topic's partitions: asked of the producer's metadata every {@link #PARTITIONS_EVERY_MS}
   * (waiting up to {@code max.block.ms} when it has none), the last answer kept in between and
   * while Kafka cannot be reached; the buffer takes a count of 0 as 1.
   */
  @Override
  public int partitions() {
    long now = System.currentTimeMillis();
    if (now >= partitionsAskAtMs) {
      try {
        partitions = producer.partitionsFor(topic).size();
        partitionsAskAtMs = now + PARTITIONS_EVERY_MS;
      } catch (KafkaException e) {
        partitionsAskAtMs = now + PARTITIONS_RETRY_MS;
      }
    }
    return partitions;
  }

  private static byte[] ascii(int n) {
    return Integer.toString(n).getBytes(StandardCharsets.US_ASCII);
  }

  /** The header holding a message's requests count. */
  static final String REQUESTS = "requests";

  /** The header holding a message's record count. */
  static final String RECORDS = "records";

  /** The header naming the message's format ({@link ExposureConfig.KafkaFormat#contentType}). */
  static final String CONTENT_TYPE = "content-type";

  /** Marks a failure that stops a batch: Kafka could not be reached in time. */
  private static final String METADATA = "Kafka did not answer in time: ";

  @Override
  public Future<Void> close(long timeoutMs) {
    return client.close(timeoutMs);
  }
}
