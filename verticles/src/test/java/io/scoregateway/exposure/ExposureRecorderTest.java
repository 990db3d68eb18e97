package io.scoregateway.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scoregateway.exposure.v2.ExposureBatch;
import io.scoregateway.exposure.v2.RequestExposures;
import io.scoregateway.pipeline.ScoreExchange;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/**
 * A recorder counts each exchange's records against the bound before encoding them, puts them in
 * the chunk of the partition Kafka would give their listener key, and hands chunks off when full.
 */
class ExposureRecorderTest {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ScoredExchanges exchanges = new ScoredExchanges(null);

  double dropped() {
    return registry.get("gateway.exposure.records").tag("outcome", "dropped").counter().count();
  }

  @Test
  void aListenersRecordsGoToThePartitionKafkaGivesItsKey() throws Exception {
    ExposureBuffer buffer = new ExposureBuffer(1_000_000, registry);
    buffer.partitions(5);
    ExposureRecorder recorder = new ExposureRecorder(buffer, RecordedChunks.protobuf("salt"));
    for (int u = 0; u < 200; u++) {
      recorder.offer(exchanges.score("u-" + u, "a"), null, 1);
    }
    recorder.close();
    List<ExposureChunk> chunks = buffer.drain(Integer.MAX_VALUE);
    Set<Integer> partitions = new HashSet<>();
    int requests = 0;
    for (ExposureChunk c : chunks) {
      assertThat(partitions.add(c.partition())).as("one chunk per partition").isTrue();
      ExposureBatch batch = ExposureBatch.parseFrom(c.bytes());
      assertThat(batch.getRequestsCount()).isEqualTo(c.requests());
      for (RequestExposures r : batch.getRequestsList()) {
        byte[] key = r.getListener().getBytes(StandardCharsets.UTF_8);
        assertThat(c.partition()).isEqualTo(BuiltInPartitioner.partitionForKey(key, 5));
      }
      requests += c.requests();
    }
    assertThat(requests).isEqualTo(200);
    assertThat(partitions).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
  }

  @Test
  void aFullChunkGoesAtOnceAndTheRestOnlyWhenHandedOff() {
    ExposureBuffer buffer = new ExposureBuffer(1_000_000, registry);
    ExposureRecorder recorder = new ExposureRecorder(buffer, RecordedChunks.json(""));
    int offered = 0;
    while (buffer.drain(Integer.MAX_VALUE).isEmpty()) {
      recorder.offer(exchanges.score("u-1", "a", "h"), null, 1);
      offered++;
      assertThat(offered).as("a chunk of 128 KB of lines").isLessThan(10_000);
    }
    assertThat(buffer.held()).isEqualTo(2L * offered);
    recorder.offer(exchanges.score("u-1", "a"), null, 1);
    assertThat(buffer.drain(Integer.MAX_VALUE)).isEmpty();
    recorder.handOffAll();
    List<ExposureChunk> rest = buffer.drain(Integer.MAX_VALUE);
    assertThat(rest).hasSize(1);
    assertThat(rest.get(0).records()).isEqualTo(1);
    assertThat(rest.get(0).requests()).isEqualTo(1);
  }

  @Test
  void recordsBeyondTheBoundAreDroppedNotEncodedAndNothingEnrolledTakesNoRoom() {
    ExposureBuffer buffer = new ExposureBuffer(3, registry);
    ExposureRecorder recorder = new ExposureRecorder(buffer, RecordedChunks.protobuf(""));
    ScoreExchange two = exchanges.score("u-1", "a", "h");
    recorder.offer(two, null, 1);
    recorder.offer(two, null, 1);
    recorder.offer(exchanges.score("u-1", "tNone"), null, 1);
    recorder.handOffAll();
    List<ExposureChunk> chunks = buffer.drain(Integer.MAX_VALUE);
    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).records()).isEqualTo(2);
    assertThat(chunks.get(0).requests()).isEqualTo(1);
    assertThat(dropped()).isEqualTo(2);
    assertThat(buffer.held()).isEqualTo(2);
  }

  @Test
  void theListenerKeyIsAKeyedHashNotTheIdAndStableForOneSalt() {
    String plain = listener("u-1", "");
    assertThat(plain).matches("[0-9a-f]{32}").doesNotContain("u-1").isEqualTo(listener("u-1", ""));
    assertThat(Set.of(plain, listener("u-1", "s3cret"), listener("u-2", ""))).hasSize(3);
  }

  private String listener(String user, String salt) {
    return JsonExposureEncoderTest.encode(exchanges.score(user, "a"), null, salt)
        .get(0)
        .getString("listener");
  }
}
