package io.scoregateway.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.model.CampaignStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenario traffic meets each demand exactly, and config changes are new lists only on a
 * change.
 */
class ScenarioTrafficTest {
  static final PacingScenarios.Flight FLIGHT = new PacingScenarios.Flight(40, 400, 0, 1);

  @Test
  void eachCampaignGetsItsDemandAndTwoInstanceScenariosAreDealtInTurn() {
    List<PacingScenarios.Scenario> scenarios =
        List.of(
            PacingScenarios.Scenario.steady("a", 30),
            PacingScenarios.Scenario.steady("b", 0.5),
            new PacingScenarios.Scenario("c", 2, x -> 3, List.of()));
    ScenarioTraffic t = new ScenarioTraffic("t", scenarios, FLIGHT);
    long start = PacingScenarios.Flight.START_MS;
    int[] attempts = new int[3];
    int[] perInstance = new int[2];
    for (int p = 0; p < 40; p++) {
      for (SimTraffic.Arrival a :
          t.arrivals(p / 4, p % 4, 4, start + p * 250L, start + (p + 1) * 250L)) {
        perInstance[a.instance()]++;
        a.request().candidates().forEach(track -> attempts[Integer.parseInt(track.substring(2))]++);
        assertThat(a.request().maxPromoted()).isNegative();
      }
    }
    // 10 s at need 10/s: 30x = 3000, 0.5x = 50, 3x = 300 (split between the two instances)
    assertThat(attempts).containsExactly(3000, 50, 300);
    assertThat(perInstance[1]).isEqualTo(150);
  }

  @Test
  void theCatalogChangesOnlyWhenAScenarioDoes() {
    PacingScenarios.Scenario paused =
        new PacingScenarios.Scenario(
            "p", 1, x -> 30, List.of(new PacingScenarios.Change(0.5, 1, CampaignStatus.PAUSED)));
    ScenarioTraffic t = new ScenarioTraffic("t", List.of(paused), FLIGHT);
    long start = PacingScenarios.Flight.START_MS;
    assertThat(t.campaigns(start)).isSameAs(t.campaigns(start + 19_000));
    assertThat(t.campaigns(start + 20_000)).isNotSameAs(t.campaigns(start));
    assertThat(t.campaigns(start + 20_000).get(0).status()).isEqualTo(CampaignStatus.PAUSED);
  }

  @Test
  void slotsToSettleIsTheFirstSlotAfterWhichTheGapStaysUnderTheBound() {
    CampaignSeries cs =
        new CampaignSeries(PacingScenarios.campaign("t", 0, paused(), FLIGHT, 0), 5, 6);
    System.arraycopy(new double[] {0.08, 0.02, 0.06, 0.01, 0.01, 0.5}, 0, cs.gap, 0, 6);
    assertThat(cs.slotsToSettle(0.05)).isEqualTo(3);
    assertThat(cs.maxGapShare()).isEqualTo(0.08);
  }

  private static PacingScenarios.Scenario paused() {
    return PacingScenarios.Scenario.steady("s", 1);
  }
}
