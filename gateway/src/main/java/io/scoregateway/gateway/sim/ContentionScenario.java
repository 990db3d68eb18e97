package io.scoregateway.gateway.sim;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import io.scoregateway.store.SnapshotWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Campaigns competing for the same listeners: each has one track, a relevance (its mean base
 * score), an audience (the listener segments whose requests carry its track) and a need (its budget
 * as a share of the requests it appears in; above 1 it is infeasible even alone). Every campaign
 * paces evenly over one short flight of 1 s slots.
 */
final class ContentionScenario {
  /** Listener segments; each request comes from one, uniformly. */
  static final int SEGMENTS = 8;

  /** One campaign of the scenario. */
  record Spec(String name, double relevance, Set<Integer> segments, double need) {
    /** Share of requests that carry its track. */
    double reach() {
      return segments.size() / (double) SEGMENTS;
    }

    boolean feasibleAlone() {
      return need <= 1;
    }
  }

  /** The flight: its length in 1 s slots, requests per second, how late plays arrive, the seed. */
  record Flight(int seconds, int requestsPerSec, long lagMs, long seed) {
    static final long START_MS = Instant.parse("2026-11-28T12:00:00Z").toEpochMilli();

    long endMs() {
      return START_MS + seconds * 1000L;
    }
  }

  private ContentionScenario() {}

  static List<Spec> all() {
    return List.of(
        new Spec("anthem", 0.80, Set.of(0, 1, 2, 3, 4, 5, 6, 7), 0.40),
        new Spec("single", 0.70, Set.of(0, 1, 2, 3), 0.45),
        new Spec("niche", 0.62, Set.of(0, 1), 0.85),
        new Spec("b-side", 0.60, Set.of(2, 3), 0.70),
        new Spec("deep cut", 0.55, Set.of(4, 5), 0.60),
        new Spec("viral (infeasible)", 0.65, Set.of(6, 7), 1.4),
        new Spec("catalog (infeasible)", 0.45, Set.of(2, 3, 4, 5), 1.5));
  }

  static long budget(Spec s, Flight f) {
    return Math.round(s.need() * s.reach() * f.requestsPerSec() * f.seconds());
  }

  static String track(int j) {
    return "ct" + j;
  }

  static Campaign campaign(String tag, int j, Spec s, Flight f) {
    return new Campaign(
        tag + "-k" + j,
        List.of(track(j)),
        null,
        null,
        Instant.ofEpochMilli(Flight.START_MS),
        Instant.ofEpochMilli(f.endMs()),
        budget(s, f),
        PacingMode.EVEN,
        null,
        1.0,
        CampaignStatus.ACTIVE);
  }

  /**
   * Each campaign's base score per segment of its audience: its relevance times 0.9-1.1, so which
   * campaign suits a listener best varies with the listener.
   */
  static List<SnapshotWriter.Row> scores(List<Spec> specs, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<SnapshotWriter.Row> rows = new ArrayList<>();
    for (int j = 0; j < specs.size(); j++) {
      for (int g = 0; g < SEGMENTS; g++) {
        double factor = 0.9 + 0.2 * rnd.nextDouble();
        if (specs.get(j).segments().contains(g)) {
          double score = Math.round(specs.get(j).relevance() * factor * 10_000) / 10_000.0;
          rows.add(new SnapshotWriter.Row(track(j), "s" + g, score));
        }
      }
    }
    return rows;
  }
}
