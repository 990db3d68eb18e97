package io.scoregateway.telemetry;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.DeliveryEvent;
import io.scoregateway.pacing.CampaignPacer.PacingReport;
import io.scoregateway.pacing.PacingController;
import io.scoregateway.pacing.PacingRecord;
import io.scoregateway.pacing.PacingSlot;
import io.scoregateway.store.DeliveryLedger;
import io.scoregateway.store.DeliveryLedger.Recorded;
import io.scoregateway.store.FrequencyStore;
import io.scoregateway.store.PacingStore;
import io.scoregateway.store.ScoreEntry;
import io.scoregateway.store.ScoreStore;
import io.scoregateway.store.Stores;
import io.vertx.core.Future;
import java.util.List;

/** Wraps the hot-path stores in spans and latency timers; the pipeline code stays unaware. */
public final class ObservedStores {
  private ObservedStores() {}

  public static Stores wrap(Stores s, Telemetry t) {
    return new Stores(
        s.link(),
        new Scores(s.scores(), t),
        new Pacing(s.pacing(), t),
        new Frequency(s.frequency(), t),
        s.campaigns(),
        s.snapshots(),
        new Deliveries(s.deliveries(), t));
  }

  private record Scores(ScoreStore delegate, Hop hop) implements ScoreStore {
    Scores(ScoreStore delegate, Telemetry t) {
      this(delegate, new Hop(t, "score lookup", "scores"));
    }

    @Override
    public Future<ScoreEntry[]> scores(String snapshot, List<String> tracks) {
      return hop.observe(
          span ->
              span.setAttribute("gateway.snapshot", snapshot)
                  .setAttribute("gateway.batch.tracks", tracks.size())
                  .setAttribute("gateway.redis.nodes", 1),
          () -> delegate.scores(snapshot, tracks));
    }
  }

  /** The pacing store with a latency timer (and a span when the caller has one). */
  public static PacingStore pacing(PacingStore s, Telemetry t) {
    return new Pacing(s, t);
  }

  private record Pacing(PacingStore delegate, Hop hop) implements PacingStore {
    Pacing(PacingStore delegate, Telemetry t) {
      this(delegate, new Hop(t, "pacing refresh", "pacing"));
    }

    @Override
    public Future<PacingController.Lease[]> refresh(
        List<Campaign> campaigns, List<PacingReport> reports, long nowMs) {
      return hop.observe(
          span -> span.setAttribute("gateway.batch.campaigns", campaigns.size()),
          () -> delegate.refresh(campaigns, reports, nowMs));
    }

    @Override
    public Future<PacingRecord[]> read(List<String> campaigns) {
      return delegate.read(campaigns);
    }

    @Override
    public Future<List<PacingSlot>> history(String campaign) {
      return delegate.history(campaign);
    }

    @Override
    public long slotMs() {
      return delegate.slotMs();
    }
  }

  private record Frequency(FrequencyStore delegate, Hop hop) implements FrequencyStore {
    Frequency(FrequencyStore delegate, Telemetry t) {
      this(delegate, new Hop(t, "frequency", "frequency"));
    }

    @Override
    public Future<long[]> counts(String user, List<Campaign> campaigns, long nowMs) {
      if (campaigns.isEmpty()) {
        return delegate.counts(user, campaigns, nowMs);
      }
      return hop.observe(
          span -> span.setAttribute("gateway.batch.campaigns", campaigns.size()),
          () -> delegate.counts(user, campaigns, nowMs));
    }
  }

  private record Deliveries(DeliveryLedger delegate, Hop hop) implements DeliveryLedger {
    Deliveries(DeliveryLedger delegate, Telemetry t) {
      this(delegate, new Hop(t, "delivery ledger", "deliveries"));
    }

    @Override
    public Future<Recorded> record(
        List<DeliveryEvent> events, List<Campaign> campaigns, long nowMs) {
      return hop.observe(
          span -> span.setAttribute("gateway.batch.events", events.size()),
          () -> delegate.record(events, campaigns, nowMs));
    }
  }
}
