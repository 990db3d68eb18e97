package io.scoregateway.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scoregateway.pipeline.ScoreExchange;
import org.junit.jupiter.api.Test;

/** The bound counts records until the sink settles them; beyond it records are dropped, counted. */
class ExposureBufferTest {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ExposureBuffer buffer = new ExposureBuffer(5, registry);
  final ScoredExchanges exchanges = new ScoredExchanges(null);

  double records(String outcome) {
    return registry.get("gateway.exposure.records").tag("outcome", outcome).counter().count();
  }

  @Test
  void recordsBeyondTheBoundAreDroppedAndCountedUntilTheSinkSettlesSome() {
    ScoreExchange two = exchanges.score("u-1", "a", "tNone", "h");
    buffer.offer(two, null, 0);
    buffer.offer(two, null, 0);
    buffer.offer(two, null, 0); // 6 > 5: refused whole
    assertThat(buffer.held()).isEqualTo(4);
    assertThat(records("dropped")).isEqualTo(2);

    // drained but not yet written: still held (in flight to the sink)
    assertThat(buffer.drain(100)).hasSize(2);
    buffer.offer(two, null, 0);
    assertThat(records("dropped")).isEqualTo(4);

    buffer.settled(3, 1, "test");
    assertThat(buffer.held()).isZero();
    assertThat(records("written")).isEqualTo(3);
    assertThat(records("failed")).isEqualTo(1);
    buffer.offer(two, null, 0);
    assertThat(buffer.held()).isEqualTo(2);
    assertThat(registry.get("gateway.exposure.buffered").gauge().value()).isEqualTo(2);
  }

  @Test
  void nothingEnrolledTakesNoRoom() {
    buffer.offer(exchanges.score("u-1", "tNone"), null, 0);
    assertThat(buffer.held()).isZero();
    assertThat(buffer.drain(100)).isEmpty();
  }

  @Test
  void aDrainTakesAboutTheRecordsAskedFor() {
    for (int i = 0; i < 2; i++) {
      buffer.offer(exchanges.score("u-1", "a", "h"), null, 0);
    }
    assertThat(buffer.drain(1)).hasSize(1);
    assertThat(buffer.drain(1)).hasSize(1);
    assertThat(buffer.drain(1)).isEmpty();
  }
}
