package io.scoregateway.catalog;

import io.scoregateway.model.Campaign;
import io.scoregateway.pacing.CampaignPacer;
import io.scoregateway.pacing.PacingController;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.store.PacingStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the instance's {@link PacingView} current off the request path. Every refresh period it
 * sends, in one pipelined batch, a report for each campaign that needs one (its lease ran dry, its
 * config changed, or a slot began after it saw demand): what the instance observed, the controller
 * step when due, a fresh lease back. Ticks fall on multiples of the period, so each slot's first
 * refresh comes right after the slot begins. A lease that runs dry between ticks brings a refresh
 * soon, at most one every {@link #DRY_GAP_MS}, rather than at the next tick: a campaign whose
 * traffic jumps past its lease is paced for a round trip, not for up to a refresh period. Confined
 * to the context it was started on.
 */
public final class PacingRefresher {
  private static final Logger LOG = LoggerFactory.getLogger(PacingRefresher.class);

  /** The least time between the starts of two refreshes a dry lease asks for. */
  public static final long DRY_GAP_MS = 100;

  private final Vertx vertx;
  private final PacingStore store;
  private final PacingView view;
  private final LiveCatalog catalog;
  private final Clock clock;
  private final long periodMs;
  private final int maxBatch;
  private final SingleFlight flight = new SingleFlight(this::refreshOnce);
  private boolean stopped;
  private boolean moreDue;
  private long timer = -1;
  private final AtomicBoolean drySoon = new AtomicBoolean();
  private Context context;
  private long lastRefreshMs;
  private CampaignIndex primed;
  private long primedSlot = Long.MIN_VALUE;

  public PacingRefresher(
      Vertx vertx,
      PacingStore store,
      PacingView view,
      LiveCatalog catalog,
      Clock clock,
      long periodMs,
      int maxBatch) {
    this.vertx = vertx;
    this.store = store;
    this.view = view;
    this.catalog = catalog;
    this.clock = clock;
    this.periodMs = periodMs;
    this.maxBatch = maxBatch;
  }

  public void start() {
    context = vertx.getOrCreateContext();
    view.onDry(this::dry);
    schedule();
  }

  /** From any event loop: a lease ran dry. One refresh soon, however many run dry meanwhile. */
  private void dry() {
    if (stopped || !drySoon.compareAndSet(false, true)) {
      return;
    }
    context.runOnContext(
        v -> {
          long wait = lastRefreshMs + DRY_GAP_MS - System.currentTimeMillis();
          if (wait <= 0) {
            refreshDry();
          } else {
            vertx.setTimer(wait, id -> refreshDry());
          }
        });
  }

  private void refreshDry() {
    drySoon.set(false);
    if (!stopped) {
      refresh();
    }
  }

  public void stop() {
    stopped = true;
    view.onDry(() -> {});
    vertx.cancelTimer(timer);
  }

  private void schedule() {
    if (stopped) {
      return;
    }
    long wall = System.currentTimeMillis();
    long delay = (wall / periodMs + 1) * periodMs - wall + 2;
    timer = vertx.setTimer(delay, id -> refresh().onComplete(ar -> schedule()));
  }

  /** One refresh now (joined by a refresh already running, which then runs once more). */
  public Future<Void> refresh() {
    return flight.run();
  }

  private Future<Void> refreshOnce() {
    lastRefreshMs = System.currentTimeMillis();
    long now = clock.millis();
    long slot = Math.floorDiv(now, store.slotMs());
    CampaignIndex index = catalog.view().campaigns();
    prime(index, now, slot);
    List<Campaign> campaigns = new ArrayList<>();
    List<CampaignPacer> pacers = new ArrayList<>();
    List<CampaignPacer.PacingReport> reports = new ArrayList<>();
    boolean more = false;
    for (CampaignPacer p : view.all()) {
      Campaign c = index.byId(p.campaign());
      if (c == null || c.isEnded(now - store.slotMs())) {
        view.forget(p.campaign());
      } else if (p.due(slot, c)) {
        if (reports.size() < maxBatch) {
          campaigns.add(c);
          pacers.add(p);
          reports.add(p.report(now, store.slotMs(), c));
        } else {
          more = true;
        }
      }
    }
    if (more) {
      // the rest right after this batch, not a period later: bounded batches keep the event loop
      // and Redis responsive for everyone else, without delaying what is due
      moreDue = true;
    }
    Future<PacingController.Lease[]> sent =
        reports.isEmpty()
            ? Future.succeededFuture(new PacingController.Lease[0])
            : store.refresh(campaigns, reports, now);
    return sent.onSuccess(
            leases -> {
              for (int i = 0; i < leases.length; i++) {
                pacers.get(i).apply(leases[i]);
              }
            })
        .onFailure(
            err -> {
              pacers.forEach(CampaignPacer::failed);
              LOG.debug("pacing refresh of {} campaigns failed: {}", pacers.size(), err.toString());
            })
        .<Void>mapEmpty()
        .otherwiseEmpty()
        .onComplete(
            ar -> {
              if (moreDue && !stopped) {
                moreDue = false;
                vertx.runOnContext(v -> refresh());
              }
            });
  }

  /** Gives every campaign flying by the next slot a pacer, when the catalog or the slot changes. */
  private void prime(CampaignIndex index, long now, long slot) {
    if (index == primed && slot == primedSlot) {
      return;
    }
    primed = index;
    primedSlot = slot;
    for (Campaign c : index.all()) {
      if (!c.isEnded(now) && c.start().toEpochMilli() <= now + store.slotMs()) {
        view.pacer(c.id());
      }
    }
  }
}
