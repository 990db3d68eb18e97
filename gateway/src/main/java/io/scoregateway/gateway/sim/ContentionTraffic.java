package io.scoregateway.gateway.sim;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.ScoreRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The contention scenario's requests: a steady rate of fresh listeners, each from a random segment,
 * whose candidates are the tracks of every campaign with that segment in its audience (in random
 * order), with {@code max_promoted} 1, 2 and 3 in turn. The same seed gives the same requests,
 * whatever the allocation policy.
 */
final class ContentionTraffic implements SimTraffic {
  private final String tag;
  private final List<ContentionScenario.Spec> specs;
  private final ContentionScenario.Flight flight;
  private final List<Campaign> campaigns;
  private final SplittableRandom rnd;
  private double carry;
  private long listeners;

  ContentionTraffic(
      String tag, List<ContentionScenario.Spec> specs, ContentionScenario.Flight flight) {
    this.tag = tag;
    this.specs = specs;
    this.flight = flight;
    this.rnd = new SplittableRandom(flight.seed());
    List<Campaign> out = new ArrayList<>();
    for (int j = 0; j < specs.size(); j++) {
      out.add(ContentionScenario.campaign(tag, j, specs.get(j), flight));
    }
    this.campaigns = List.copyOf(out);
  }

  @Override
  public int slots() {
    return flight.seconds();
  }

  @Override
  public List<Campaign> campaigns(long nowMs) {
    return campaigns;
  }

  @Override
  public List<Arrival> arrivals(int slot, int period, int periods, long fromMs, long toMs) {
    carry += flight.requestsPerSec() * (toMs - fromMs) / 1000.0;
    int n = (int) carry;
    carry -= n;
    List<Arrival> out = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      int segment = rnd.nextInt(ContentionScenario.SEGMENTS);
      List<String> tracks = new ArrayList<>();
      for (int j = 0; j < specs.size(); j++) {
        if (specs.get(j).segments().contains(segment)) {
          tracks.add(rnd.nextInt(tracks.size() + 1), ContentionScenario.track(j));
        }
      }
      long listener = listeners++;
      out.add(
          new Arrival(
              0,
              new ScoreRequest(
                  tag + "-l" + listener,
                  "autoplay",
                  "SE",
                  "s" + segment,
                  tracks,
                  1 + (int) (listener % 3),
                  false)));
    }
    return out;
  }
}
