package io.scoregateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import io.scoregateway.model.Reason;
import io.scoregateway.pacing.ManualClock;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisLink;
import io.scoregateway.store.LuaScript;
import io.scoregateway.store.Stores;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 100,000 live campaigns on one instance: each costs one pacing call when it goes live (and one
 * more to give back a large first lease) and nothing while nobody asks for it; a slot's refresh
 * sends exactly the campaigns that saw demand, in one batch. Prints the memory per campaign and
 * Redis CPU per refreshed campaign it measured.
 */
class PacingRefresherScaleIT {
  static final int CAMPAIGNS = 100_000;
  static final long SLOT = 60_000;

  /** The default --pacing-max-batch. */
  static final int BATCH = 20_000;

  @Test
  void idleCampaignsCostNothingAndDemandIsRefreshedInOneBatch() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (LocalRedis redis = LocalRedis.start()) {
      RedisLink link =
          new RedisConnector(
                  vertx,
                  new RedisOptions()
                      .setConnectionString(redis.url())
                      .setMaxWaitingHandlers(1 << 16),
                  LuaScript.ALL)
              .link(30_000);
      link.connect().await();
      Instant now = Instant.parse("2026-11-28T12:00:00Z");
      ManualClock clock = new ManualClock(now);
      List<Campaign> campaigns = new ArrayList<>(CAMPAIGNS);
      for (int i = 0; i < CAMPAIGNS; i++) {
        campaigns.add(
            new Campaign(
                "c" + i,
                List.of("t" + i),
                null,
                null,
                now.minusSeconds(3_600),
                now.plusSeconds(86_400),
                10_000,
                i % 3 == 0 ? PacingMode.ASAP : PacingMode.EVEN,
                null,
                1.0,
                CampaignStatus.ACTIVE));
      }
      LiveCatalog catalog = new LiveCatalog();
      catalog.replace(new LiveCatalog.View(CampaignIndex.of(campaigns), 1, "s", true));
      PacingView view = new PacingView();
      PacingRefresher refresher =
          new PacingRefresher(
              vertx, Stores.over(link, SLOT).pacing(), view, catalog, clock, 1_000, BATCH);

      long heapBefore = usedHeap();
      long cpuBefore = redisCpuMicros(link);
      long callsBefore = evalshaCalls(link);
      // going live takes CAMPAIGNS / BATCH batches, sent one after the other from one refresh
      long primeTrips = link.roundTrips();
      runOnContext(vertx, refresher);
      long deadline = System.currentTimeMillis() + 120_000;
      while (evalshaCalls(link) - callsBefore < CAMPAIGNS
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      runOnContext(vertx, refresher); // joins the last batch
      assertThat(link.roundTrips() - primeTrips).isGreaterThanOrEqualTo(CAMPAIGNS / BATCH);
      long primeCalls = evalshaCalls(link) - callsBefore;
      long primeCpu = redisCpuMicros(link) - cpuBefore;
      long heapPerCampaign = (usedHeap() - heapBefore) / CAMPAIGNS;
      assertThat(view.size()).isEqualTo(CAMPAIGNS);
      assertThat(primeCalls).as("one call per campaign going live").isEqualTo(CAMPAIGNS);

      // nobody asks: nothing more in this slot; at the next, only the campaigns holding more than a
      // couple of leased units give them back (the asap third: its first lease is a quarter of its
      // allowance), once; after that, nothing
      long idleBefore = evalshaCalls(link);
      clock.advanceMs(1_000);
      runOnContext(vertx, refresher);
      assertThat(evalshaCalls(link) - idleBefore).as("idle campaigns within their slot").isZero();
      clock.advanceMs(SLOT);
      for (int i = 0; i < 3; i++) {
        runOnContext(vertx, refresher);
      }
      long givenBack = evalshaCalls(link) - idleBefore;
      assertThat(givenBack).as("leases given back once").isEqualTo((CAMPAIGNS + 2) / 3);
      clock.advanceMs(SLOT);
      runOnContext(vertx, refresher);
      clock.advanceMs(SLOT);
      runOnContext(vertx, refresher);
      assertThat(evalshaCalls(link) - idleBefore - givenBack)
          .as("idle campaigns cost no call")
          .isZero();

      // 1,000 campaigns see demand: the next slot's refresh sends exactly those, in one batch
      long slot = clock.millis() / SLOT;
      for (int i = 0; i < 1_000; i++) {
        Reason r = view.pacer("c" + (i * 97)).admit("u" + i, slot);
        assertThat(r).isIn(Reason.PROMOTED, Reason.PACED);
      }
      clock.advanceMs(SLOT);
      long demandBefore = evalshaCalls(link);
      long cpuDemand = redisCpuMicros(link);
      long tripsBefore = link.roundTrips();
      runOnContext(vertx, refresher);
      long demandTrips = link.roundTrips() - tripsBefore;
      long demandCalls = evalshaCalls(link) - demandBefore;
      long demandCpu = redisCpuMicros(link) - cpuDemand;
      assertThat(demandCalls).isEqualTo(1_000);
      assertThat(demandTrips).as("one batch").isEqualTo(1);
      System.out.printf(
          "pacing scale: %d campaigns, heap %d bytes per campaign (pacer + view entry),"
              + " going live %d calls in %.1f ms of Redis CPU (%.1f us per campaign);"
              + " a slot with demand on 1000: %.1f us of Redis CPU per refreshed campaign%n",
          CAMPAIGNS,
          heapPerCampaign,
          primeCalls,
          primeCpu / 1000.0,
          (double) primeCpu / primeCalls,
          (double) demandCpu / demandCalls);
      assertThat(heapPerCampaign).as("heap per campaign, bytes").isLessThan(1_024);
      link.close();
    } finally {
      vertx.close().await();
    }
  }

  private static void runOnContext(Vertx vertx, PacingRefresher refresher) throws Exception {
    java.util.concurrent.CompletableFuture<Void> done =
        new java.util.concurrent.CompletableFuture<>();
    vertx.runOnContext(v -> refresher.refresh().onComplete(ar -> done.complete(null)));
    done.get(120, java.util.concurrent.TimeUnit.SECONDS);
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long evalshaCalls(RedisLink link) {
    return stat(link, "commandstats", "cmdstat_evalsha:calls=");
  }

  private static long redisCpuMicros(RedisLink link) {
    String info = link.send(RedisCall.keyless(Command.INFO).arg("cpu")).await().toString();
    double total = 0;
    for (String line : info.split("\r?\n", -1)) {
      if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
        total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return (long) (total * 1_000_000);
  }

  private static long stat(RedisLink link, String section, String prefix) {
    String info = link.send(RedisCall.keyless(Command.INFO).arg(section)).await().toString();
    for (String line : info.split("\r?\n", -1)) {
      if (line.startsWith(prefix)) {
        String rest = line.substring(prefix.length());
        int comma = rest.indexOf(',');
        return Long.parseLong(comma < 0 ? rest.trim() : rest.substring(0, comma));
      }
    }
    return 0;
  }
}
