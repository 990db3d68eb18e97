package io.scoregateway.gateway.sim;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The pacing scenarios of the controller's acceptance: short even flights of 1 s slots, each
 * campaign with its own fresh listeners. Demand is stated relative to the need (budget / flight) of
 * the campaign as first configured; mid-flight changes are new configs at a share of the flight.
 */
final class PacingScenarios {
  /** A config change at {@code atShare} of the flight: the new budget factor and status. */
  record Change(double atShare, double budgetFactor, CampaignStatus status) {}

  /**
   * One scenario: its name, the instances its requests are split between, its demand (times the
   * need) as a function of the share of the flight elapsed, and its config changes in order.
   */
  record Scenario(String name, int instances, DoubleUnaryOperator demand, List<Change> changes) {
    static Scenario steady(String name, double ratio) {
      return new Scenario(name, 1, x -> ratio, List.of());
    }

    /**
     * Whether the delivery bounds apply (traffic at least the need, one budget throughout).
     */
    boolean boundedDemand() {
      return demand.applyAsDouble(0) >= 1;
    }
  }

  /** The flight the scenarios share: seconds of 1 s slots, starting budget, delivery lag. */
  record Flight(int seconds, long budget, long lagMs, long seed) {
    static final long START_MS = Instant.parse("2026-11-28T12:00:00Z").toEpochMilli();

    long endMs() {
      return START_MS + seconds * 1000L;
    }

    double needPerSec() {
      return (double) budget / seconds;
    }
  }

  /** Slots a fresh campaign takes to ramp from its initial pass rate (0.05, at most 4x a step). */
  static final int RAMP_SLOTS = 5;

  private PacingScenarios() {}

  static List<Scenario> all() {
    return List.of(
        Scenario.steady("demand 3x", 3),
        Scenario.steady("demand 30x", 30),
        Scenario.steady("demand 100x", 100),
        Scenario.steady("demand 0.5x", 0.5),
        new Scenario(
            "budget raised 1.5x at 40%, 30x",
            1, x -> 30, List.of(new Change(0.4, 1.5, CampaignStatus.ACTIVE))),
        new Scenario(
            "budget lowered 0.7x at 50%, 30x",
            1, x -> 30, List.of(new Change(0.5, 0.7, CampaignStatus.ACTIVE))),
        new Scenario(
            "paused 30%-45%, 30x",
            1,
            x -> 30,
            List.of(
                new Change(0.3, 1, CampaignStatus.PAUSED),
                new Change(0.45, 1, CampaignStatus.ACTIVE))),
        new Scenario("traffic 3x -> 30x at 50%", 1, x -> x < 0.5 ? 3 : 30, List.of()),
        new Scenario("two instances, 30x", 2, x -> 30, List.of()),
        new Scenario("two instances, 100x", 2, x -> 100, List.of()));
  }

  /** Scenario {@code j}'s campaign with its first {@code applied} changes in force. */
  static Campaign campaign(String tag, int j, Scenario sc, Flight f, int applied) {
    double factor = 1;
    CampaignStatus status = CampaignStatus.ACTIVE;
    for (int i = 0; i < applied; i++) {
      factor = sc.changes().get(i).budgetFactor();
      status = sc.changes().get(i).status();
    }
    return new Campaign(
        tag + "-c" + j,
        List.of("st" + j),
        null,
        null,
        Instant.ofEpochMilli(Flight.START_MS),
        Instant.ofEpochMilli(f.endMs()),
        Math.round(f.budget() * factor),
        PacingMode.EVEN,
        null,
        1.0,
        status);
  }
}
