package io.scoregateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeederWriterTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @TempDir Path dir;

  @Test
  void usersHaveTheColumnsAndMixTheSimulationsNeed() throws IOException {
    FeederWriter.write(dir, new DemoData(100, 20, 8, 42), 100, 8, 1_000, 42, NOW);
    List<String> lines = Files.readAllLines(dir.resolve("users.csv"));
    assertThat(lines.get(0)).isEqualTo("user,market,surface,segment");
    assertThat(lines).hasSize(1_001);
    List<String[]> rows = lines.stream().skip(1).map(l -> l.split(",")).toList();
    assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(4));
    assertThat(rows.get(0)[0]).isEqualTo("u-0");
    Set<String> markets = rows.stream().map(r -> r[1]).collect(Collectors.toSet());
    assertThat(markets).contains("SE", "US");
    assertThat(rows.stream().map(r -> r[2]).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("autoplay", "radio");
    assertThat(rows).allSatisfy(r -> assertThat(r[3]).matches("s[0-7]"));
  }

  @Test
  void tracksMarkEveryFourthAsEnrolledInTheDemoCampaign() throws IOException {
    DemoData demo = new DemoData(40, 3, 8, 42);
    FeederWriter.write(dir, demo, 40, 8, 10, 42, NOW);
    List<String> lines = Files.readAllLines(dir.resolve("tracks.csv"));
    assertThat(lines.get(0)).isEqualTo("track,enrolled,campaign");
    assertThat(lines).hasSize(41);
    assertThat(lines.get(1)).isEqualTo("t0,true,c0");
    assertThat(lines.get(2)).isEqualTo("t1,false,");
    assertThat(lines.get(5)).isEqualTo("t4,true,c1");
    assertThat(lines.get(13)).isEqualTo("t12,true,c0");
    assertThat(lines.stream().filter(l -> l.contains(",true,")).count()).isEqualTo(10);
  }

  @Test
  void noSegmentsMeansTheDefaultSegmentAndOutputIsDeterministic() throws IOException {
    FeederWriter.write(dir, new DemoData(10, 2, 0, 7), 10, 0, 50, 7, NOW);
    List<String> first = Files.readAllLines(dir.resolve("users.csv"));
    assertThat(first.stream().skip(1)).allSatisfy(l -> assertThat(l).endsWith(",default"));
    FeederWriter.write(dir, new DemoData(10, 2, 0, 7), 10, 0, 50, 7, NOW);
    assertThat(Files.readAllLines(dir.resolve("users.csv"))).isEqualTo(first);
  }
}
