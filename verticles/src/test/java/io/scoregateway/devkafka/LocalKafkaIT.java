package io.scoregateway.devkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The in-process broker serves, and keeps its records across a stop and a start. */
class LocalKafkaIT {
  @Test
  void aRestartedBrokerKeepsItsRecordsAndTakesNewOnes() throws Exception {
    try (LocalKafka kafka = LocalKafka.start()) {
      kafka.createTopic("t");
      send(kafka, "before");
      kafka.stopBroker();
      kafka.startBroker();
      send(kafka, "after");

      assertThat(kafka.read("t", 2, Duration.ofSeconds(20)))
          .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
          .containsExactly("before", "after");
    }
  }

  private static void send(LocalKafka kafka, String value) throws Exception {
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      p.send(new ProducerRecord<>("t", value)).get();
    }
  }
}
