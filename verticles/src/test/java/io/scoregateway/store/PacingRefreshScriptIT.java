package io.scoregateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import io.scoregateway.pacing.CampaignPacer.PacingReport;
import io.scoregateway.pacing.PacingController;
import io.scoregateway.pacing.PacingPlan;
import io.scoregateway.pacing.PacingRecord;
import io.scoregateway.pacing.PacingRevision;
import io.scoregateway.pacing.PacingSlot;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisLink;
import io.vertx.redis.client.Command;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * pacing_refresh.lua against a real Redis: from the same stored state, the script and {@link
 * PacingController} give the same lease and write the same state, over random sequences of reports,
 * deliveries, slot changes, pauses and budget changes; and reading never steps it.
 */
class PacingRefreshScriptIT {
  static final long SLOT = 1_000;
  static final long SETTLE_MS = 3_000;
  static final long START = Instant.parse("2026-11-28T10:00:00Z").toEpochMilli();
  static final List<PacingMode> MODES =
      List.of(PacingMode.EVEN, PacingMode.ASAP, PacingMode.FRONT_LOADED);

  static ScriptRedis r;
  static RedisLink link;

  @BeforeAll
  static void setUp() throws Exception {
    r = ScriptRedis.start();
    link = r.link;
  }

  @AfterAll
  static void tearDown() {
    r.close();
  }

  @BeforeEach
  void flush() {
    r.flush();
  }

  static Campaign campaign(
      String id, long budget, PacingMode mode, CampaignStatus status, List<Double> profile) {
    return new Campaign(
        id,
        List.of("t"),
        null,
        null,
        Instant.ofEpochMilli(START),
        Instant.ofEpochMilli(START + 60_000),
        budget,
        mode,
        null,
        1.0,
        status,
        profile);
  }

  @Test
  void scriptAndJavaAgreeOnRandomSequences() {
    RedisPacingStore store = new RedisPacingStore(link, SLOT, SETTLE_MS);
    int settle = PacingController.settleSteps(SETTLE_MS, SLOT);
    SplittableRandom rnd = new SplittableRandom(42);
    int compared = 0;
    int engaged = 0;
    for (int k = 0; k < 24; k++) {
      String id = "x" + k;
      PacingMode mode = MODES.get(k % MODES.size());
      List<Double> profile = k % 4 == 1 && mode != PacingMode.ASAP ? profile(rnd) : null;
      long budget = 10 + rnd.nextLong(5_000);
      CampaignStatus status = CampaignStatus.ACTIVE;
      long now = START - 2_000 + rnd.nextLong(4_000);
      int slots = 0;
      for (int step = 0; step < 40; step++) {
        now += rnd.nextLong(700);
        if (rnd.nextInt(12) == 0) {
          budget = Math.max(1, budget + rnd.nextLong(-budget / 2, budget));
        }
        if (rnd.nextInt(15) == 0) {
          status = status == CampaignStatus.ACTIVE ? CampaignStatus.PAUSED : CampaignStatus.ACTIVE;
        }
        if (rnd.nextInt(3) == 0) {
          r.send(
              RedisCall.on(Command.HINCRBY, Keys.pacing(id)).arg("delivered").arg(rnd.nextInt(40)));
        }
        if (rnd.nextInt(4) == 0) {
          // the engagement window as the delivery script leaves it, some buckets already old
          long bucket = io.scoregateway.pacing.EngagementWindow.bucket(now, SLOT);
          StringBuilder eng = new StringBuilder();
          for (int b = 0; b < 4; b++) {
            long plays = rnd.nextLong(50);
            eng.append(eng.length() == 0 ? "" : ",")
                .append(bucket - rnd.nextLong(16))
                .append(':')
                .append(plays)
                .append(':')
                .append(rnd.nextLong(plays + 1));
          }
          r.send(RedisCall.on(Command.HSET, Keys.pacing(id)).arg("eng").arg(eng.toString()));
        }
        Campaign c = campaign(id, budget, mode, status, profile);
        PacingRecord before = record(r.hgetall(Keys.pacing(id)));
        boolean slotBegins = before.slot < 0 || Math.floorDiv(now, SLOT) > before.slot;
        PacingReport report =
            new PacingReport(
                id,
                rnd.nextLong(300),
                rnd.nextLong(30),
                rnd.nextInt(5) == 0 ? -1 : rnd.nextDouble() * 2_000,
                rnd.nextInt(4) == 0 ? rnd.nextLong(20) : 0);
        PacingController.Lease expected =
            PacingController.call(
                before,
                config(c),
                new PacingController.Report(
                    report.attempts(), report.promoted(), report.ratePerSec(), report.returned()),
                now,
                SLOT,
                settle);
        PacingController.Lease actual = store.refresh(List.of(c), List.of(report), now).await()[0];
        assertThat(actual.passRate())
            .as("p at step %d of %s", step, id)
            .isCloseTo(expected.passRate(), within(1e-9));
        assertThat(actual.slot()).isEqualTo(expected.slot());
        assertThat(actual.grant())
            .as("grant at step %d of %s", step, id)
            .isEqualTo(expected.grant());
        assertThat(actual.exhausted()).isEqualTo(expected.exhausted());
        assertThat(actual.slotSpent()).isEqualTo(expected.slotSpent());
        assertThat(actual.delivered()).isEqualTo(expected.delivered());
        assertThat(actual.planned()).isCloseTo(expected.planned(), within(1e-6 * budget + 1e-9));
        assertThat(actual.committed())
            .isCloseTo(expected.committed(), within(1e-6 * budget + 1e-9));
        assertThat(actual.plays())
            .as("plays at step %d of %s", step, id)
            .isEqualTo(expected.plays());
        assertThat(actual.skips()).isEqualTo(expected.skips());
        engaged += actual.plays() > 0 ? 1 : 0;
        PacingRecord after = record(r.hgetall(Keys.pacing(id)));
        assertThat(after.allow).isEqualTo(before.allow);
        assertThat(after.granted).isEqualTo(before.granted);
        assertThat(after.carry).isEqualTo(before.carry);
        assertThat(after.ring).isEqualTo(before.ring);
        assertThat(after.baseMs).isEqualTo(before.baseMs);
        // the history gains one entry when a slot begins, what the Java step set then
        slots += slotBegins ? 1 : 0;
        List<PacingSlot> history = store.history(id).await();
        assertThat(history).as("history of %s", id).hasSize(slots);
        if (slotBegins) {
          assertSameSlot(history.get(slots - 1), PacingSlot.of(before, expected.planned(), now));
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(24 * 40);
    assertThat(engaged).as("steps that read plays in the window").isGreaterThan(100);
  }

  @Test
  void aFreshCampaignStartsLowAndReadingDoesNotStepIt() {
    RedisPacingStore store = new RedisPacingStore(link, SLOT, SETTLE_MS);
    Campaign c = campaign("fresh", 1_000, PacingMode.EVEN, CampaignStatus.ACTIVE, null);
    long now = START + 100;
    PacingController.Lease first =
        store.refresh(List.of(c), List.of(new PacingReport("fresh", 0, 0, -1, 0)), now).await()[0];
    assertThat(first.passRate()).isEqualTo(PacingController.P_INIT);
    // the slot's share of a 1000 budget over 60 s is about 17
    assertThat(first.grant()).isBetween(1L, 17L);
    Map<String, String> stored = r.hgetall(Keys.pacing("fresh"));
    for (int i = 0; i < 5; i++) {
      PacingRecord read = store.read(List.of("fresh")).await()[0];
      assertThat(read.passRate).isEqualTo(PacingController.P_INIT);
    }
    assertThat(r.hgetall(Keys.pacing("fresh"))).isEqualTo(stored);
  }

  @Test
  void leasesNeverExceedTheBudgetLeft() {
    RedisPacingStore store = new RedisPacingStore(link, SLOT, SETTLE_MS);
    Campaign c = campaign("asap", 100, PacingMode.ASAP, CampaignStatus.ACTIVE, null);
    long now = START + 100;
    long granted = 0;
    for (int i = 0; i < 50; i++) {
      granted +=
          store
              .refresh(List.of(c), List.of(new PacingReport("asap", 10, 0, 1e6, 0)), now + i)
              .await()[0]
              .grant();
    }
    assertThat(granted).isEqualTo(100);
    // promotions reported count against the budget even before they are delivered
    PacingController.Lease l =
        store.refresh(List.of(c), List.of(new PacingReport("asap", 0, 100, 1e6, 0)), now + 2_000)
            .await()[0];
    assertThat(l.grant()).isZero();
    assertThat(l.exhausted()).isTrue();
  }

  static void assertSameSlot(PacingSlot actual, PacingSlot expected) {
    assertThat(actual.atMs()).isEqualTo(expected.atMs());
    assertThat(actual.delivered()).isEqualTo(expected.delivered());
    assertThat(actual.promoted()).isEqualTo(expected.promoted());
    assertThat(actual.allow()).isEqualTo(expected.allow());
    assertThat(actual.planned()).isCloseTo(expected.planned(), within(1e-3));
    assertThat(actual.passRate()).isCloseTo(expected.passRate(), within(1e-5));
    if (Double.isNaN(expected.demand())) {
      assertThat(actual.demand()).isNaN();
    } else {
      assertThat(actual.demand()).isCloseTo(expected.demand(), within(1e-3));
    }
  }

  static PacingController.Config config(Campaign c) {
    return new PacingController.Config(
        PacingPlan.Shape.of(c),
        c.budget(),
        c.status() == CampaignStatus.PAUSED,
        PacingRevision.of(c));
  }

  static List<Double> profile(SplittableRandom rnd) {
    List<Double> out = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      out.add(0.1 + rnd.nextDouble());
    }
    return out;
  }

  /** The stored hash as the controller's record (absent fields as the script reads them). */
  static PacingRecord record(Map<String, String> h) {
    PacingRecord r = new PacingRecord();
    r.delivered = (long) num(h, "delivered", 0);
    r.promoted = (long) num(h, "promoted", 0);
    r.attempts = (long) num(h, "attempts", 0);
    r.passRate = num(h, "p", Double.NaN);
    r.slot = (long) num(h, "slot", -1);
    r.allow = (long) num(h, "allow", 0);
    r.granted = (long) num(h, "granted", 0);
    r.carry = (long) num(h, "carry", 0);
    r.promotedMark = (long) num(h, "p_mark", 0);
    r.attemptsMark = (long) num(h, "a_mark", 0);
    r.stepMs = (long) num(h, "t_mark", -1);
    r.demand = num(h, "demand", Double.NaN);
    r.ring = h.getOrDefault("ring", "");
    r.revision = h.get("rev");
    r.status = h.get("status");
    r.base = num(h, "base", 0);
    r.baseMs = (long) num(h, "base_t", -1);
    r.frozen = num(h, "frozen", Double.NaN);
    r.engagement = h.getOrDefault("eng", "");
    return r;
  }

  private static double num(Map<String, String> h, String field, double absent) {
    String v = h.get(field);
    return v == null || v.isEmpty() ? absent : Double.parseDouble(v);
  }
}
