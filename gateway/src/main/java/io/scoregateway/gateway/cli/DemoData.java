package io.scoregateway.gateway.cli;

import io.scoregateway.codec.CampaignCodec;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.FrequencyCap;
import io.scoregateway.model.PacingMode;
import io.scoregateway.store.SnapshotWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic demo data: the same arguments (and UTC day) always give the same rows and
 * campaigns. Every track has a default score and some segment scores; every 4th track is enrolled,
 * round-robin over the campaigns, whose settings vary so every gate can be seen in answers.
 */
final class DemoData {
  private static final PacingMode[] MODES = {
    PacingMode.EVEN, PacingMode.ASAP, PacingMode.FRONT_LOADED
  };

  private final int tracks;
  private final int campaigns;
  private final int segments;
  private final long seed;

  DemoData(int tracks, int campaigns, int segments, long seed) {
    this.tracks = tracks;
    this.campaigns = campaigns;
    this.segments = segments;
    this.seed = seed;
  }

  String snapshotId() {
    return "demo-" + seed + "-" + tracks;
  }

  /** The rows of track {@code i}: its default score, then up to three segment scores. */
  List<SnapshotWriter.Row> rowsOf(int i) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
    List<SnapshotWriter.Row> rows = new ArrayList<>(4);
    String track = "t" + i;
    rows.add(new SnapshotWriter.Row(track, "", round(0.05 + 0.9 * r.nextDouble())));
    for (int s = 0; s < segments; s++) {
      if ((i + s) % Math.max(1, segments / 3 + 1) == 0) {
        rows.add(new SnapshotWriter.Row(track, "s" + s, round(0.05 + 0.9 * r.nextDouble())));
      }
    }
    return rows;
  }

  List<Campaign> campaigns(Instant now) {
    if (campaigns == 0) {
      return List.of(); // scores only: every track answers not_enrolled
    }
    Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    Instant end = start.plus(Duration.ofDays(8));
    List<List<String>> enrolled = new ArrayList<>();
    for (int j = 0; j < campaigns; j++) {
      enrolled.add(new ArrayList<>());
    }
    for (int i = 0; i < tracks; i += 4) {
      List<String> list = enrolled.get((i / 4) % campaigns);
      if (list.size() < CampaignCodec.MAX_TRACKS) {
        list.add("t" + i);
      }
    }
    SplittableRandom r = new SplittableRandom(seed);
    List<Campaign> out = new ArrayList<>();
    for (int j = 0; j < campaigns; j++) {
      if (enrolled.get(j).isEmpty()) {
        continue;
      }
      PacingMode mode = MODES[j % MODES.length];
      long budget = 1_000 + r.nextLong(99_000);
      Set<String> surfaces = j % 5 == 4 ? Set.of("radio") : null;
      Set<String> markets = j % 7 == 6 ? Set.of("US") : null;
      FrequencyCap cap = j % 2 == 0 ? new FrequencyCap(3, 86_400) : null;
      CampaignStatus status =
          campaigns > 3 && j == campaigns - 1 ? CampaignStatus.PAUSED : CampaignStatus.ACTIVE;
      out.add(
          new Campaign(
              "c" + j,
              enrolled.get(j),
              surfaces,
              markets,
              start,
              end,
              budget,
              mode,
              cap,
              1.0 + (j % 4) * 0.25,
              status));
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
