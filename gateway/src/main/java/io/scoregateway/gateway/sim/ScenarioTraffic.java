package io.scoregateway.gateway.sim;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.ScoreRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenarios' traffic, every scenario flying at once: each scenario's campaign has one track and
 * its own demand, met by fresh listeners (no frequency history), at a steady rate. Scenarios split
 * over the same number of instances share requests, a campaign's attempts spread evenly over a
 * period's requests, and no request limits its promotions, so one campaign's pacing cannot change
 * another's. Requests of a group are dealt to its instances in turn.
 */
final class ScenarioTraffic implements SimTraffic {
  private final String tag;
  private final List<PacingScenarios.Scenario> scenarios;
  private final PacingScenarios.Flight flight;
  private final double[] carry;
  private final Map<String, List<Campaign>> configs = new HashMap<>();
  private long listeners;

  /**
   * Requests dealt so far per group (by its instance count), so the turn carries across periods.
   */
  private final Map<Integer, Long> dealt = new HashMap<>();

  ScenarioTraffic(
      String tag, List<PacingScenarios.Scenario> scenarios, PacingScenarios.Flight flight) {
    this.tag = tag;
    this.scenarios = scenarios;
    this.flight = flight;
    this.carry = new double[scenarios.size()];
  }

  @Override
  public int slots() {
    return flight.seconds();
  }

  @Override
  public List<Campaign> campaigns(long nowMs) {
    double x = share(nowMs);
    int[] applied = new int[scenarios.size()];
    for (int j = 0; j < applied.length; j++) {
      for (PacingScenarios.Change c : scenarios.get(j).changes()) {
        applied[j] += x >= c.atShare() ? 1 : 0;
      }
    }
    // the same list while nothing changed: the run publishes a new catalog only on a change
    return configs.computeIfAbsent(
        java.util.Arrays.toString(applied),
        k -> {
          List<Campaign> out = new ArrayList<>();
          for (int j = 0; j < applied.length; j++) {
            out.add(PacingScenarios.campaign(tag, j, scenarios.get(j), flight, applied[j]));
          }
          return List.copyOf(out);
        });
  }

  @Override
  public List<Arrival> arrivals(int slot, int period, int periods, long fromMs, long toMs) {
    int[] n = new int[scenarios.size()];
    for (int j = 0; j < n.length; j++) {
      carry[j] +=
          scenarios.get(j).demand().applyAsDouble(share(fromMs))
              * flight.needPerSec()
              * (toMs - fromMs)
              / 1000.0;
      n[j] = (int) carry[j];
      carry[j] -= n[j];
    }
    List<Arrival> out = new ArrayList<>();
    for (int group :
        scenarios.stream().map(PacingScenarios.Scenario::instances).distinct().toList()) {
      int requests = 0;
      for (int j = 0; j < n.length; j++) {
        requests = scenarios.get(j).instances() == group ? Math.max(requests, n[j]) : requests;
      }
      for (int r = 0; r < requests; r++) {
        List<String> tracks = new ArrayList<>();
        for (int j = 0; j < n.length; j++) {
          // request r carries campaign j when the even spread of its n[j] attempts steps at r
          if (scenarios.get(j).instances() == group
              && (long) (r + 1) * n[j] / requests > (long) r * n[j] / requests) {
            tracks.add("st" + j);
          }
        }
        long turn = dealt.merge(group, 1L, Long::sum) - 1;
        out.add(
            new Arrival(
                (int) (turn % group),
                new ScoreRequest(
                    tag + "-l" + listeners++,
                    "autoplay",
                    "SE",
                    ScoreRequest.DEFAULT_SEGMENT,
                    tracks,
                    -1,
                    false)));
      }
    }
    return out;
  }

  private double share(long nowMs) {
    return (double) (nowMs - PacingScenarios.Flight.START_MS)
        / (flight.endMs() - PacingScenarios.Flight.START_MS);
  }
}
