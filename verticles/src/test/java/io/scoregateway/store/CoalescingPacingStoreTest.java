package io.scoregateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import io.scoregateway.model.PacingState;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescingPacingStoreTest {
  /** Records each read and completes it only when told. */
  static final class Recording implements PacingStore {
    final List<List<String>> reads = new ArrayList<>();
    final List<Promise<PacingState[]>> pending = new ArrayList<>();

    @Override
    public Future<PacingState[]> states(List<Campaign> campaigns, long nowMs) {
      reads.add(campaigns.stream().map(Campaign::id).toList());
      Promise<PacingState[]> p = Promise.promise();
      pending.add(p);
      return p.future();
    }

    @Override
    public long slotMs() {
      return 60_000;
    }

    void complete(int read, long... delivered) {
      PacingState[] out = new PacingState[delivered.length];
      for (int i = 0; i < delivered.length; i++) {
        out[i] = new PacingState(delivered[i], 1.0, 0);
      }
      pending.get(read).complete(out);
    }
  }

  static Campaign campaign(String id) {
    return new Campaign(id, List.of("t"), null, null, Instant.EPOCH, Instant.EPOCH.plusSeconds(60), 10,
        PacingMode.ASAP, null, 1.0, CampaignStatus.ACTIVE);
  }

  @Test
  void concurrentReadsOfACampaignShareOneCall() {
    Recording delegate = new Recording();
    CoalescingPacingStore store = new CoalescingPacingStore(delegate);
    Future<PacingState[]> a = store.states(List.of(campaign("c1"), campaign("c2")), 0);
    Future<PacingState[]> b = store.states(List.of(campaign("c2"), campaign("c3")), 0);
    assertThat(delegate.reads).containsExactly(List.of("c1", "c2"), List.of("c3"));
    delegate.complete(0, 11, 22);
    assertThat(a.result()[0].delivered()).isEqualTo(11);
    assertThat(a.result()[1].delivered()).isEqualTo(22);
    assertThat(b.isComplete()).as("still waiting for c3").isFalse();
    delegate.complete(1, 33);
    assertThat(b.result()[0].delivered()).isEqualTo(22);
    assertThat(b.result()[1].delivered()).isEqualTo(33);
  }

  @Test
  void aFinishedReadIsNeverReused() {
    Recording delegate = new Recording();
    CoalescingPacingStore store = new CoalescingPacingStore(delegate);
    store.states(List.of(campaign("c1")), 0);
    delegate.complete(0, 1);
    Future<PacingState[]> later = store.states(List.of(campaign("c1")), 0);
    assertThat(delegate.reads).hasSize(2);
    delegate.complete(1, 2);
    assertThat(later.result()[0].delivered()).isEqualTo(2);
  }

  @Test
  void aFailedReadFailsItsJoinersAndIsForgotten() {
    Recording delegate = new Recording();
    CoalescingPacingStore store = new CoalescingPacingStore(delegate);
    Future<PacingState[]> a = store.states(List.of(campaign("c1")), 0);
    Future<PacingState[]> b = store.states(List.of(campaign("c1")), 0);
    delegate.pending.get(0).fail("down");
    assertThat(a.failed()).isTrue();
    assertThat(b.failed()).isTrue();
    store.states(List.of(campaign("c1")), 0);
    assertThat(delegate.reads).hasSize(2);
  }
}
