package io.scoregateway.exposure;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.kafka.client.common.KafkaClientOptions;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends each record to a Kafka topic through the Vert.x Kafka client, keyed by the listener key (a
 * listener's records stay in order on one partition). The producer batches ({@code linger.ms}) and
 * retries; a record it cannot deliver within {@link #DELIVERY_TIMEOUT_MS} is lost and counted. Its
 * sends never block an event loop: they run on the client's worker and on the writer's.
 */
final class KafkaExposureSink implements ExposureSink {
  /** How long the producer keeps trying to deliver one record. */
  static final int DELIVERY_TIMEOUT_MS = 10_000;

  private final KafkaProducer<String, String> producer;
  private final String topic;

  private KafkaExposureSink(KafkaProducer<String, String> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /** Creates the producer (no network call yet); throws on a setting Kafka refuses. */
  static KafkaExposureSink open(Vertx vertx, String bootstrapServers, String topic) {
    Map<String, Object> cfg = new HashMap<>();
    cfg.put("bootstrap.servers", bootstrapServers);
    cfg.put("client.id", "score-gateway-exposures");
    cfg.put("linger.ms", 20);
    cfg.put("batch.size", 256 * 1024);
    cfg.put("delivery.timeout.ms", DELIVERY_TIMEOUT_MS);
    cfg.put("request.timeout.ms", 3_000);
    // a send waits this long for topic metadata (broker unreachable), on the client's worker
    cfg.put("max.block.ms", 1_000);
    cfg.put("reconnect.backoff.max.ms", 1_000);
    cfg.put("retry.backoff.max.ms", 1_000);
    org.apache.kafka.clients.producer.KafkaProducer<String, String> nativeProducer =
        new org.apache.kafka.clients.producer.KafkaProducer<>(
            cfg, new StringSerializer(), new StringSerializer());
    KafkaProducer<String, String> producer =
        KafkaProducer.create(
            vertx, nativeProducer, new KafkaClientOptions().setTracingPolicy(TracingPolicy.IGNORE));
    // each failed send fails its future, which the buffer counts (and logs once per outage); the
    // client would otherwise also report every one of them as an unhandled exception
    producer.exceptionHandler(err -> {});
    return new KafkaExposureSink(producer, topic);
  }

  @Override
  public Future<Written> write(List<ExposureLine> lines) {
    List<Future<?>> sent = new ArrayList<>(lines.size());
    for (ExposureLine l : lines) {
      sent.add(producer.send(KafkaProducerRecord.create(topic, l.key(), l.json())));
    }
    return Future.join(sent)
        .transform(
            ar -> {
              int ok = 0;
              String failure = null;
              for (Future<?> f : sent) {
                if (f.succeeded()) {
                  ok++;
                } else if (failure == null) {
                  failure = "Kafka did not take them: " + f.cause().getMessage();
                }
              }
              return Future.succeededFuture(new Written(ok, failure));
            });
  }

  @Override
  public Future<Void> close(long timeoutMs) {
    return producer.close(timeoutMs);
  }
}
