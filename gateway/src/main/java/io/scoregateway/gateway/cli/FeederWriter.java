package io.scoregateway.gateway.cli;

import io.scoregateway.model.Campaign;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * CSV feeders for the Gatling simulations (loadtest/), matching the demo data: {@code users.csv}
 * ({@code user,market,surface,segment}) and {@code tracks.csv} ({@code track,enrolled,campaign}).
 */
final class FeederWriter {
  /**
   * Market mix of the listeners: mostly SE and US (the demo has US-only campaigns), some elsewhere.
   */
  static final String[] MARKETS = {"SE", "SE", "SE", "US", "US", "US", "GB", "DE", "BR", "JP"};

  private FeederWriter() {}

  /**
   * Writes both files into {@code dir} (created if missing); returns the number of rows written.
   */
  static long write(
      Path dir, DemoData demo, int tracks, int segments, int users, long seed, Instant now)
      throws IOException {
    Files.createDirectories(dir);
    long rows = 0;
    SplittableRandom r = new SplittableRandom(seed);
    try (BufferedWriter w =
        Files.newBufferedWriter(dir.resolve("users.csv"), StandardCharsets.UTF_8)) {
      w.write("user,market,surface,segment\n");
      for (int u = 0; u < users; u++, rows++) {
        String market = MARKETS[r.nextInt(MARKETS.length)];
        String surface = r.nextInt(10) < 7 ? "autoplay" : "radio";
        String segment = segments > 0 ? "s" + r.nextInt(segments) : "default";
        w.write("u-" + u + "," + market + "," + surface + "," + segment + "\n");
      }
    }
    Map<String, String> campaignOf = new HashMap<>();
    List<Campaign> campaigns = demo.campaigns(now);
    for (Campaign c : campaigns) {
      for (String t : c.tracks()) {
        campaignOf.put(t, c.id());
      }
    }
    try (BufferedWriter w =
        Files.newBufferedWriter(dir.resolve("tracks.csv"), StandardCharsets.UTF_8)) {
      w.write("track,enrolled,campaign\n");
      for (int i = 0; i < tracks; i++, rows++) {
        String track = "t" + i;
        String campaign = campaignOf.get(track);
        w.write(track + "," + (campaign != null) + "," + (campaign == null ? "" : campaign) + "\n");
      }
    }
    return rows;
  }
}
