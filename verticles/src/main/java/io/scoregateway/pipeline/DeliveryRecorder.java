package io.scoregateway.pipeline;

import io.scoregateway.catalog.CampaignIndex;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.DeliveryEvent;
import io.scoregateway.store.DeliveryLedger;
import io.scoregateway.store.Stores;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks delivery events against the catalog and the clock, then counts the valid ones once.
 * Events older than the dedupe window are refused: a retry that old could no longer be
 * recognised as one and would count twice.
 */
public final class DeliveryRecorder {
  /** Clock skew tolerated for events stamped in the future. */
  static final long FUTURE_SKEW_MS = 5 * 60_000;

  private final LiveCatalog catalog;
  private final DeliveryLedger ledger;
  private final Clock clock;

  public DeliveryRecorder(LiveCatalog catalog, DeliveryLedger ledger, Clock clock) {
    this.catalog = catalog;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** The outcome of one call: counts and the rejected positions with their reasons. */
  public record Outcome(int accepted, int duplicates, List<Rejection> rejected) {}

  /** One refused event. */
  public record Rejection(int index, String error) {}

  /** @param events one entry per request position: the event, or null with {@code errors[i]} set */
  public Future<Outcome> record(List<DeliveryEvent> events, List<String> errors) {
    CampaignIndex index = catalog.view().campaigns();
    long now = clock.millis();
    List<Rejection> rejected = new ArrayList<>();
    List<DeliveryEvent> valid = new ArrayList<>();
    List<Campaign> campaigns = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      DeliveryEvent e = events.get(i);
      String error = e == null ? errors.get(i) : check(e, index, now);
      if (error != null) {
        rejected.add(new Rejection(i, error));
      } else {
        valid.add(e);
        campaigns.add(index.byId(e.campaign()));
      }
    }
    if (valid.isEmpty()) {
      return Future.succeededFuture(new Outcome(0, 0, rejected));
    }
    return ledger.record(valid, campaigns, now).map(fresh -> {
      int accepted = 0;
      for (boolean f : fresh) {
        accepted += f ? 1 : 0;
      }
      return new Outcome(accepted, valid.size() - accepted, rejected);
    });
  }

  private static String check(DeliveryEvent e, CampaignIndex index, long now) {
    Campaign c = index.byId(e.campaign());
    if (c == null) {
      return "campaign: unknown campaign " + e.campaign();
    }
    if (!index.lists(e.campaign(), e.track())) {
      return "track: " + e.track() + " is not in campaign " + e.campaign();
    }
    long ts = e.ts().toEpochMilli();
    if (ts > now + FUTURE_SKEW_MS) {
      return "ts: in the future";
    }
    if (ts < now - Stores.DEDUPE_TTL_SECONDS * 1000) {
      return "ts: older than the " + Stores.DEDUPE_TTL_SECONDS / 86_400 + "-day deduplication window";
    }
    return null;
  }
}
