package io.scoregateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import io.scoregateway.pacing.CampaignPacer.PacingReport;
import io.scoregateway.pacing.PacingHistory;
import io.scoregateway.pacing.PacingSlot;
import io.scoregateway.redis.RedisCall;
import io.vertx.redis.client.Command;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The history pacing_refresh.lua keeps beside a campaign's pacing hash, against a real Redis: one
 * entry per slot however many instances report in it, never more than {@link
 * PacingHistory#MAX_SLOTS}, nothing older than {@link PacingHistory#MAX_AGE_MS}, and an expiry.
 */
class PacingHistoryScriptIT {
  static final long START = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
  static final long DAY = 86_400_000L;

  static ScriptRedis r;

  @BeforeAll
  static void setUp() throws Exception {
    r = ScriptRedis.start();
  }

  @AfterAll
  static void tearDown() {
    r.close();
  }

  @BeforeEach
  void flush() {
    r.flush();
  }

  static Campaign flight(String id, long days) {
    return new Campaign(
        id,
        List.of("t"),
        null,
        null,
        Instant.ofEpochMilli(START),
        Instant.ofEpochMilli(START + days * DAY),
        1_000_000,
        PacingMode.EVEN,
        null,
        1.0,
        CampaignStatus.ACTIVE,
        null);
  }

  /** Runs one slot's reports: {@code reports} instances each report once, spread over the slot. */
  static void slot(RedisPacingStore store, Campaign c, long k, int reports) {
    for (int i = 0; i < reports; i++) {
      long now = k * store.slotMs() + 10 + i * (store.slotMs() / (reports + 1));
      store.refresh(List.of(c), List.of(new PacingReport(c.id(), 500, 20, 10, 0)), now).await();
    }
  }

  @Test
  void oneEntryPerSlotWhateverTheReports() {
    RedisPacingStore store = new RedisPacingStore(r.link, 60_000, 10_000);
    Campaign c = flight("per-slot", 2);
    long first = START / 60_000;
    for (long k = first; k < first + 5; k++) {
      slot(store, c, k, 3);
    }
    List<PacingSlot> history = store.history(c.id()).await();
    assertThat(history).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(history.get(i).atMs() / 60_000).isEqualTo(first + i);
    }
    // every slot saw three reports of 20 promotions each: the entry shows those before its first
    assertThat(history.get(4).promoted()).isEqualTo(4 * 3 * 20 + 20);
    assertThat(history.get(4).planned()).isGreaterThan(history.get(1).planned());
    assertThat(history.get(4).demand()).isPositive();
    // reading it writes nothing
    store.read(List.of(c.id())).await();
    assertThat(store.history(c.id()).await()).isEqualTo(history);
  }

  @Test
  void aLongFlightKeepsOnlyTheLatestSlots() {
    RedisPacingStore store = new RedisPacingStore(r.link, 1_000, 3_000);
    Campaign c = flight("long", 30);
    long first = START / 1_000;
    int slots = PacingHistory.MAX_SLOTS + 250;
    for (long k = first; k < first + slots; k++) {
      slot(store, c, k, 1);
    }
    List<PacingSlot> history = store.history(c.id()).await();
    assertThat(history).hasSize(PacingHistory.MAX_SLOTS);
    assertThat(history.get(0).atMs() / 1_000).isEqualTo(first + 250);
    assertThat(history.get(history.size() - 1).atMs() / 1_000).isEqualTo(first + slots - 1);
  }

  @Test
  void entriesOlderThanTheAgeLimitGoAndTheListExpires() {
    // hour-long slots: 200 of them span more than the age limit before the length limit binds
    long hour = 3_600_000;
    RedisPacingStore store = new RedisPacingStore(r.link, hour, 10_000);
    Campaign c = flight("aged", 30);
    long first = START / hour;
    for (long k = first; k < first + 200; k++) {
      slot(store, c, k, 1);
    }
    List<PacingSlot> history = store.history(c.id()).await();
    long last = history.get(history.size() - 1).atMs();
    assertThat(history.get(0).atMs()).isGreaterThanOrEqualTo(last - PacingHistory.MAX_AGE_MS);
    assertThat(history).hasSize((int) (PacingHistory.MAX_AGE_MS / hour) + 1);
    long ttl = r.send(RedisCall.on(Command.PTTL, Keys.history(c.id()))).toLong();
    assertThat(ttl).isPositive().isLessThanOrEqualTo(PacingHistory.MAX_AGE_MS);
  }
}
