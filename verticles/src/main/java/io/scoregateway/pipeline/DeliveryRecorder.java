package io.scoregateway.pipeline;

import io.scoregateway.catalog.CampaignIndex;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.DeliveryEvent;
import io.scoregateway.pacing.CampaignPacer;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.store.DeliveryLedger;
import io.scoregateway.store.Stores;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks delivery events against the catalog and the clock, then counts the valid ones once. Events
 * older than the dedupe window are refused: a retry that old could no longer be recognised as one
 * and would count twice. A play before the campaign's flight is refused; one reported late still
 * counts when it happened no later than the settle time after the flight's end (its promotion was
 * made inside the flight). Paused campaigns still count deliveries: the plays of promotions made
 * before the pause arrive after it.
 */
public final class DeliveryRecorder {
  /** Clock skew tolerated for events stamped in the future. */
  static final long FUTURE_SKEW_MS = 5 * 60_000;

  private final LiveCatalog catalog;
  private final DeliveryLedger ledger;
  private final PacingView pacing;
  private final Clock clock;
  private final long settleMs;

  public DeliveryRecorder(
      LiveCatalog catalog, DeliveryLedger ledger, PacingView pacing, Clock clock, long settleMs) {
    this.catalog = catalog;
    this.ledger = ledger;
    this.pacing = pacing;
    this.clock = clock;
    this.settleMs = settleMs;
  }

  /** The outcome of one call: counts and the rejected positions with their reasons. */
  public record Outcome(int accepted, int duplicates, List<Rejection> rejected) {}

  /** One refused event. */
  public record Rejection(int index, String error) {}

  /**
   * Fails with {@link CatalogNotLoaded} while the catalog has never loaded.
   *
   * @param events one entry per request position: the event, or null with {@code errors[i]} set
   */
  public Future<Outcome> record(List<DeliveryEvent> events, List<String> errors) {
    LiveCatalog.View view = catalog.view();
    if (!view.loaded()) {
      return Future.failedFuture(new CatalogNotLoaded());
    }
    CampaignIndex index = view.campaigns();
    long now = clock.millis();
    List<Rejection> rejected = new ArrayList<>();
    List<DeliveryEvent> valid = new ArrayList<>();
    List<Integer> validAt = new ArrayList<>();
    List<Campaign> campaigns = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      DeliveryEvent e = events.get(i);
      String error = e == null ? errors.get(i) : check(e, index, now);
      if (error != null) {
        rejected.add(new Rejection(i, error));
      } else {
        valid.add(e);
        validAt.add(i);
        campaigns.add(index.byId(e.campaign()));
      }
    }
    if (valid.isEmpty()) {
      return Future.succeededFuture(new Outcome(0, 0, rejected));
    }
    return ledger
        .record(valid, campaigns, now)
        .map(
            recorded -> {
              int accepted = 0;
              int duplicates = 0;
              for (int j = 0; j < valid.size(); j++) {
                switch (recorded.outcomes()[j]) {
                  case DeliveryLedger.COUNTED -> accepted++;
                  case DeliveryLedger.DUPLICATE -> duplicates++;
                  default ->
                      rejected.add(
                          new Rejection(
                              validAt.get(j),
                              "id: event id "
                                  + valid.get(j).id()
                                  + " was already counted for campaign "
                                  + valid.get(j).campaign()
                                  + " with another user or track"));
                }
              }
              rejected.sort((a, b) -> Integer.compare(a.index(), b.index()));
              for (Map.Entry<String, Long> d : recorded.delivered().entrySet()) {
                CampaignPacer p = pacing.existing(d.getKey());
                Campaign c = index.byId(d.getKey());
                if (p != null && c != null) {
                  p.delivered(d.getValue(), c.budget());
                }
              }
              return new Outcome(accepted, duplicates, rejected);
            });
  }

  private String check(DeliveryEvent e, CampaignIndex index, long now) {
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
      return "ts: older than the "
          + Stores.DEDUPE_TTL_SECONDS / 86_400
          + "-day deduplication window";
    }
    if (ts < c.start().toEpochMilli()) {
      return "ts: before the flight of campaign " + c.id() + " (starts " + c.start() + ")";
    }
    if (ts > c.end().toEpochMilli() + settleMs) {
      return "ts: after the flight of campaign "
          + c.id()
          + " (ended "
          + c.end()
          + ", late plays count up to "
          + Instant.ofEpochMilli(c.end().toEpochMilli() + settleMs)
          + ")";
    }
    return null;
  }
}
