package io.scoregateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scoregateway.model.PacingMode;
import io.scoregateway.pacing.PacingPlan;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pacing_state.lua against a real Redis: the plan, once-per-slot recomputation, the controller. */
class PacingStateScriptIT {
  static final long SLOT = 60_000;
  static final long START = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
  static final long END = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
  static final long MID = Instant.parse("2026-11-16T07:30:00Z").toEpochMilli();
  static final long MID_SLOT = MID / SLOT;

  static ScriptRedis r;
  static RedisLink link;

  record State(long delivered, double p, double planned) {}

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

  static State call(String id, long now, long budget, PacingMode mode) {
    Response r = link.eval(LuaScript.PACING_STATE, List.of(Keys.pacing(id)),
        List.of(Long.toString(now), Long.toString(SLOT), Long.toString(budget), mode.wire(),
            Long.toString(START), Long.toString(END))).await();
    return new State(r.get(0).toLong(), Double.parseDouble(r.get(1).toString()),
        Double.parseDouble(r.get(2).toString()));
  }

  static void hset(String id, Object... fieldValues) {
    Request req = Request.cmd(Command.HSET).arg(Keys.pacing(id));
    for (Object o : fieldValues) {
      req.arg(o.toString());
    }
    link.send(req).await();
  }

  static String hget(String id, String field) {
    Response r = link.send(Request.cmd(Command.HGET).arg(Keys.pacing(id)).arg(field)).await();
    return r == null ? null : r.toString();
  }

  static double plan(long budget, PacingMode mode, long t) {
    return budget * PacingPlan.fraction(mode, START, END, t, null);
  }

  @Test
  void asapPassesEverythingAndPlansTheWholeBudget() {
    hset("asap", "delivered", 400);
    for (long now : new long[] {START - 3_600_000, START, MID, END - 1, END + 86_400_000}) {
      State s = call("asap", now, 500, PacingMode.ASAP);
      assertThat(s.p()).as("now=%d", now).isEqualTo(1.0);
      assertThat(s.planned()).as("now=%d", now).isEqualTo(500.0);
      assertThat(s.delivered()).isEqualTo(400);
    }
  }

  @Test
  void plannedMatchesPacingPlanForTheSameVectors() {
    long[] nows = {START - 3_600_000, START, START + 1, START + SLOT + 123, MID, MID + 7_777_777,
        END - 1, END, END + 86_400_000};
    for (PacingMode mode : PacingMode.values()) {
      for (long now : nows) {
        State s = call("plan-" + mode.wire(), now, 123_457, mode);
        assertThat(s.planned()).as("%s at %d", mode, now)
            .isCloseTo(plan(123_457, mode, now), within(1e-6));
      }
    }
    // the curves really differ mid-flight: a script ignoring the mode would pass the loop only by luck
    assertThat(call("x", MID, 1000, PacingMode.FRONT_LOADED).planned())
        .isGreaterThan(call("y", MID, 1000, PacingMode.EVEN).planned() + 100);
  }

  @Test
  void trafficShapedEvenPlanMatchesPacingPlan() {
    List<Double> profile = new java.util.ArrayList<>();
    for (int h = 0; h < 24; h++) {
      profile.add(h < 6 ? 0.25 : 1.0 + h % 5);
    }
    long[] nows = {START - 1, START + 1_800_000, START + 5 * 3_600_000 + 123, MID, END - 3_600_001, END + 1};
    for (long now : nows) {
      List<String> args = new java.util.ArrayList<>(List.of(Long.toString(now), Long.toString(SLOT), "100000",
          "even", Long.toString(START), Long.toString(END)));
      profile.forEach(w -> args.add(Double.toString(w)));
      Response resp = link.eval(LuaScript.PACING_STATE, List.of(Keys.pacing("shaped")), args).await();
      double expected = 100_000 * PacingPlan.fraction(PacingMode.EVEN, START, END, now, profile);
      assertThat(Double.parseDouble(resp.get(2).toString())).as("at %d", now).isCloseTo(expected, within(1e-6));
    }
    // shaping matters: five hours into a flight starting at midnight, the night's low weights
    // put the shaped plan well behind the linear one
    long early = START + 5 * 3_600_000;
    assertThat(PacingPlan.fraction(PacingMode.EVEN, START, END, early, profile))
        .isLessThan(PacingPlan.fraction(PacingMode.EVEN, START, END, early, null) / 2);
  }

  @Test
  void passRateIsRecomputedOnlyOncePerSlot() {
    long slotStart = MID_SLOT * SLOT;
    long base = (long) plan(1_000_000, PacingMode.EVEN, slotStart + 2 * SLOT) - 130;
    hset("c", "delivered", base, "p", 0.5, "slot", MID_SLOT, "slot_delivered", base);
    assertThat(call("c", slotStart + 1_000, 1_000_000, PacingMode.EVEN).p()).isEqualTo(0.5);
    link.send(Request.cmd(Command.HINCRBY).arg(Keys.pacing("c")).arg("delivered").arg(50)).await();
    State same = call("c", slotStart + SLOT - 1, 1_000_000, PacingMode.EVEN);
    assertThat(same.p()).isEqualTo(0.5);
    assertThat(same.delivered()).isEqualTo(base + 50);

    State next = call("c", slotStart + SLOT, 1_000_000, PacingMode.EVEN);
    // 50 served at p=0.5: demand 100 per slot; aim at the plan by the end of the next slot (~80)
    double need = plan(1_000_000, PacingMode.EVEN, slotStart + 2 * SLOT) - (base + 50);
    assertThat(next.p()).isCloseTo(need / 100, within(1e-9)).isBetween(0.7, 0.9);
    assertThat(hget("c", "slot")).isEqualTo(Long.toString(MID_SLOT + 1));
    assertThat(hget("c", "slot_delivered")).isEqualTo(Long.toString(base + 50));
    assertThat(Double.parseDouble(hget("c", "demand"))).isCloseTo(100, within(1e-9));
    // and it holds for the rest of that slot
    assertThat(call("c", slotStart + 2 * SLOT - 1, 1_000_000, PacingMode.EVEN).p()).isEqualTo(next.p());
  }

  @Test
  void firstCallPassesAndStartsTheSlotClock() {
    hset("fresh", "delivered", 7);
    assertThat(call("fresh", MID, 1000, PacingMode.EVEN).p()).isEqualTo(1.0);
    assertThat(hget("fresh", "slot")).isEqualTo(Long.toString(MID_SLOT));
    assertThat(hget("fresh", "slot_delivered")).isEqualTo("7");
  }

  @Test
  void aheadOfPlanDropsThePassRateAndStopsWhenTheSlotIsAlreadyCovered() {
    long budget = 1_000_000; // about 23 deliveries per slot
    long slotStart = MID_SLOT * SLOT;
    long ahead = (long) plan(budget, PacingMode.EVEN, slotStart) + 10;
    hset("a", "delivered", ahead, "p", 0.5, "slot", MID_SLOT - 1, "slot_delivered", ahead - 40);
    State s = call("a", slotStart + 5, budget, PacingMode.EVEN);
    double need = plan(budget, PacingMode.EVEN, slotStart + SLOT) - ahead;
    assertThat(s.p()).isCloseTo(need / 80, within(1e-9)).isGreaterThan(0).isLessThan(0.5);

    long covered = (long) Math.ceil(plan(budget, PacingMode.EVEN, slotStart + SLOT)) + 1;
    hset("b", "delivered", covered, "p", 0.5, "slot", MID_SLOT - 1, "slot_delivered", covered - 40);
    assertThat(call("b", slotStart + 5, budget, PacingMode.EVEN).p()).isZero();
    assertThat(hget("b", "p")).isEqualTo("0");
  }

  @Test
  void behindWithADemandEstimateRaisesThePassRate() {
    long budget = 1_000_000;
    long slotStart = MID_SLOT * SLOT;
    long behind = (long) plan(budget, PacingMode.EVEN, slotStart) - 20;
    // an earlier estimate of 100 per slot, now 10 served at p=0.2 (50): smoothed to 75
    hset("b", "delivered", behind, "p", 0.2, "slot", MID_SLOT - 1, "slot_delivered", behind - 10,
        "demand", 100);
    State s = call("b", slotStart, budget, PacingMode.EVEN);
    double need = plan(budget, PacingMode.EVEN, slotStart + SLOT) - behind;
    assertThat(s.p()).isCloseTo(need / 75, within(1e-9)).isGreaterThan(0.2);
    assertThat(Double.parseDouble(hget("b", "demand"))).isCloseTo(75, within(1e-9));

    // far behind: capped at 1
    hset("far", "delivered", 10, "p", 0.2, "slot", MID_SLOT - 1, "slot_delivered", 0);
    assertThat(call("far", slotStart, budget, PacingMode.EVEN).p()).isEqualTo(1.0);
  }

  @Test
  void demandIsPerSlotWhenSlotsWereSkipped() {
    long slotStart = MID_SLOT * SLOT;
    long behind = (long) plan(1_000_000, PacingMode.EVEN, slotStart) - 5;
    // 60 served at p=0.5 over 3 slots: 40 per slot at p=1
    hset("s", "delivered", behind, "p", 0.5, "slot", MID_SLOT - 3, "slot_delivered", behind - 60);
    double need = plan(1_000_000, PacingMode.EVEN, slotStart + SLOT) - behind;
    assertThat(call("s", slotStart, 1_000_000, PacingMode.EVEN).p()).isCloseTo(need / 40, within(1e-9));
  }

  @Test
  void withoutADemandEstimateTheMultiplicativeRuleApplies() {
    long slotStart = MID_SLOT * SLOT;
    hset("m", "delivered", 0, "p", 0.4, "slot", MID_SLOT - 1, "slot_delivered", 0);
    assertThat(call("m", slotStart, 1_000_000, PacingMode.EVEN).p()).isCloseTo(0.6, within(1e-9));
    // a pass rate of 0 must be able to recover
    hset("z", "delivered", 0, "p", 0, "slot", MID_SLOT - 1, "slot_delivered", 0);
    assertThat(call("z", slotStart, 1_000_000, PacingMode.EVEN).p()).isCloseTo(0.01, within(1e-9));
  }

  @Test
  void beforeStartNothingIsNeededSoNothingPasses() {
    long before = START - 10 * SLOT;
    hset("pre", "delivered", 0, "p", 1, "slot", before / SLOT - 1, "slot_delivered", 0);
    State s = call("pre", before, 1000, PacingMode.FRONT_LOADED);
    assertThat(s.p()).isZero();
    assertThat(s.planned()).isZero();
  }

  @Test
  void passRateStaysWithinTheUnitInterval() {
    Random rnd = new Random(42);
    PacingMode[] modes = {PacingMode.EVEN, PacingMode.FRONT_LOADED};
    for (PacingMode mode : modes) {
      String id = "r-" + mode.wire();
      long now = START - 5 * SLOT;
      for (int i = 0; i < 400; i++) {
        now += SLOT * (1 + rnd.nextInt(3)) + rnd.nextInt(1000);
        int burst = rnd.nextInt(10) == 0 ? 5_000 : rnd.nextInt(40);
        link.send(Request.cmd(Command.HINCRBY).arg(Keys.pacing(id)).arg("delivered").arg(burst)).await();
        State s = call(id, now, 20_000, mode);
        assertThat(s.p()).as("%s step %d", mode, i).isBetween(0.0, 1.0);
        assertThat(Double.parseDouble(hget(id, "p"))).isBetween(0.0, 1.0);
      }
    }
  }
}
