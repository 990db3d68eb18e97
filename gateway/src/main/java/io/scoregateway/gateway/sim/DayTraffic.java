package io.scoregateway.gateway.sim;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.ScoreRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The synthetic day's traffic: {@link SimSettings#requestsIn} requests per slot, spread evenly over
 * its refresh periods, from listeners drawn at random (each at most once per slot) over random
 * candidates, dealt to the instances in turn. The draws depend only on the seed, so passes with
 * different campaign settings see the same listeners and candidates.
 */
final class DayTraffic implements SimTraffic {
  private final SimSettings s;
  private final List<Campaign> campaigns;
  private final String userPrefix;
  private final SplittableRandom rnd;
  private final Set<Integer> usersThisSlot = new HashSet<>();
  private int slotSeen = -1;
  private long dealt;

  DayTraffic(SimSettings s, List<Campaign> campaigns, String userPrefix) {
    this.s = s;
    this.campaigns = List.copyOf(campaigns);
    this.userPrefix = userPrefix;
    this.rnd = new SplittableRandom(s.seed());
  }

  @Override
  public int slots() {
    return s.slots();
  }

  @Override
  public List<Campaign> campaigns(long nowMs) {
    return campaigns;
  }

  @Override
  public List<Arrival> arrivals(int slot, int period, int periods, long fromMs, long toMs) {
    if (slot != slotSeen) {
      slotSeen = slot;
      usersThisSlot.clear();
    }
    int total = s.requestsIn(slot);
    int n = (int) ((long) total * (period + 1) / periods - (long) total * period / periods);
    List<Arrival> out = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      out.add(new Arrival((int) (dealt++ % s.options().instances()), request()));
    }
    return out;
  }

  private ScoreRequest request() {
    int user;
    do {
      user = rnd.nextInt(s.users());
    } while (!usersThisSlot.add(user) && usersThisSlot.size() < s.users());
    List<String> candidates = new ArrayList<>(s.candidatesPerRequest());
    for (int i = 0; i < s.candidatesPerRequest(); i++) {
      candidates.add("st" + rnd.nextInt(s.tracks()));
    }
    return new ScoreRequest(
        userPrefix + user,
        "autoplay",
        "SE",
        ScoreRequest.DEFAULT_SEGMENT,
        candidates,
        s.maxPromoted(),
        false);
  }
}
