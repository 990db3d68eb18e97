package io.scoregateway.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The bound counts records until the sink settles them; beyond it records are dropped, counted. */
class ExposureBufferTest {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ExposureBuffer buffer = new ExposureBuffer(5, registry);

  double records(String outcome) {
    return registry.get("gateway.exposure.records").tag("outcome", outcome).counter().count();
  }

  static ExposureChunk chunk(int records) {
    return new ExposureChunk(0, new byte[records], records, 1);
  }

  @Test
  void recordsBeyondTheBoundAreDroppedAndCountedUntilTheSinkSettlesSome() {
    assertThat(buffer.reserve(2)).isTrue();
    assertThat(buffer.reserve(2)).isTrue();
    assertThat(buffer.reserve(2)).as("6 > 5: refused whole").isFalse();
    assertThat(buffer.held()).isEqualTo(4);
    assertThat(records("dropped")).isEqualTo(2);

    // queued, then drained but not yet written: still held (in flight to the sink)
    buffer.add(chunk(4));
    assertThat(buffer.drain(100)).hasSize(1);
    assertThat(buffer.reserve(2)).isFalse();
    assertThat(records("dropped")).isEqualTo(4);

    buffer.settled(3, 1, "test");
    assertThat(buffer.held()).isZero();
    assertThat(records("written")).isEqualTo(3);
    assertThat(records("failed")).isEqualTo(1);
    assertThat(buffer.reserve(2)).isTrue();
    assertThat(buffer.held()).isEqualTo(2);
    assertThat(registry.get("gateway.exposure.buffered").gauge().value()).isEqualTo(2);
  }

  @Test
  void aDrainTakesAboutTheRecordsAskedFor() {
    buffer.add(chunk(1));
    buffer.add(chunk(1));
    buffer.add(chunk(1));
    assertThat(buffer.drain(2)).hasSize(2);
    assertThat(buffer.drain(2)).hasSize(1);
    assertThat(buffer.drain(2)).isEmpty();
  }

  @Test
  void thePartitionsAreAtLeastOne() {
    assertThat(buffer.partitions()).isEqualTo(1);
    buffer.partitions(12);
    assertThat(buffer.partitions()).isEqualTo(12);
    buffer.partitions(0);
    assertThat(buffer.partitions()).isEqualTo(1);
  }
}
