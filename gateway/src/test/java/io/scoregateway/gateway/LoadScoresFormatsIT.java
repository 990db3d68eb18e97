package io.scoregateway.gateway;

import static io.scoregateway.gateway.scorefile.ScoreFiles.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.gateway.boot.GatewayBoot;
import io.scoregateway.gateway.cli.Await;
import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.config.ConfigSources;
import io.scoregateway.gateway.config.GatewayConfig;
import io.scoregateway.gateway.scorefile.ScoreFiles;
import io.scoregateway.store.Keys;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * {@code load-scores} of Parquet and Avro files and of a directory of part files, written with the
 * formats' own writers, into a real redis-server; then a real gateway scores against them.
 */
class LoadScoresFormatsIT {
  private static final String STRING_SCORES =
      "message m { optional binary track (STRING); optional binary segment (STRING);"
          + " optional binary score (STRING); }";

  private static LocalRedis redis;
  private static Jedis jedis;

  @TempDir Path dir;

  private String out;
  private String err;

  @BeforeAll
  static void startRedis() throws IOException {
    redis = LocalRedis.start();
    jedis = new Jedis("127.0.0.1", redis.port());
  }

  @AfterAll
  static void stopRedis() {
    if (jedis != null) {
      jedis.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void parquetAvroAndPartFilesLoadWithTheirBadRowsAndAreScoredFrom() throws Exception {
    Instant producedAt = Instant.now().minusSeconds(7200);
    Path parquet =
        ScoreFiles.parquet(
            dir.resolve("scores.parquet"),
            ScoreFiles.PARQUET_SCHEMA,
            List.of(
                row("track", "t1", "score", 0.5),
                row("track", "t1", "segment", "s1", "score", 0.75),
                row("segment", "s1", "score", 0.9),
                row("track", "t2", "score", Double.NaN),
                row("track", "t2", "score", 0.25)));
    assertThat(load(parquet, "pq", "--activate", "--created-at", producedAt.toString())).isZero();
    assertThat(jedis.get("sg:s/pq/t1")).isEqualTo("default=0.5;s1=0.75;");
    assertThat(jedis.get("sg:s/pq/t2")).isEqualTo("default=0.25;");
    JsonObject pq = meta("pq");
    assertThat(pq.getString("state")).isEqualTo("complete");
    assertThat(pq.getString("source")).isEqualTo("scores.parquet");
    assertThat(pq.getString("format")).isEqualTo("parquet");
    assertThat(pq.getLong("rows")).isEqualTo(3);
    assertThat(pq.getLong("bad_rows")).isEqualTo(2);
    assertThat(Instant.parse(pq.getString("created_at"))).isEqualTo(producedAt);
    assertThat(pq.getString("started_at")).isNotNull();
    assertThat(err)
        .contains("row 3: missing track (null)", "row 4: score is not a finite number")
        .contains("100.0%");
    assertThat(out).contains("loaded 3 rows into snapshot pq, 2 bad rows").contains("activated");

    Path avro =
        ScoreFiles.avro(
            dir.resolve("scores.avro"),
            ScoreFiles.AVRO_SCHEMA,
            List.of(
                row("track", "a1", "score", 0.5),
                row("track", "a1", "segment", "s1", "score", "0.6"),
                row("track", null, "score", 1.0),
                row("track", "a2", "score", "abc")));
    assertThat(load(avro, "av")).isZero();
    assertThat(jedis.get("sg:s/av/a1")).isEqualTo("default=0.5;s1=0.6;");
    JsonObject av = meta("av");
    assertThat(av.getString("format")).isEqualTo("avro");
    assertThat(av.getLong("rows")).isEqualTo(2);
    assertThat(av.getLong("bad_rows")).isEqualTo(2);
    assertThat(err).contains("row 3: missing track (null)", "row 4: score is not a number: 'abc'");

    Path export = Files.createDirectory(dir.resolve("export"));
    List<Map<String, Object>> first = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      first.add(row("track", "p" + i, "segment", i % 2 == 0 ? null : "s1", "score", i / 1000.0));
    }
    ScoreFiles.parquet(
        export.resolve("part-00000-7f3a-c000.snappy.parquet"), ScoreFiles.PARQUET_SCHEMA, first);
    ScoreFiles.parquet(
        export.resolve("part-00001-7f3a-c000.snappy.parquet"),
        STRING_SCORES,
        List.of(
            row("track", "q1", "score", "0.125"),
            row("score", "1"),
            row("track", "q2", "score", "n/a")));
    Files.writeString(export.resolve("_SUCCESS"), "");
    Files.writeString(export.resolve(".part-00000-7f3a-c000.snappy.parquet.crc"), "crc");
    assertThat(load(export, "parts")).isZero();
    JsonObject parts = meta("parts");
    assertThat(parts.getString("source")).isEqualTo("export/");
    assertThat(parts.getString("format")).isEqualTo("parquet");
    assertThat(parts.getLong("rows")).isEqualTo(3_001);
    assertThat(parts.getLong("bad_rows")).isEqualTo(2);
    assertThat(jedis.get("sg:s/parts/p2999")).isEqualTo("s1=2.999;");
    assertThat(jedis.get("sg:s/parts/q1")).isEqualTo("default=0.125;");
    assertThat(err)
        .contains(
            "part-00001-7f3a-c000.snappy.parquet row 2: missing track (null)",
            "part-00001-7f3a-c000.snappy.parquet row 3: score is not a number: 'n/a'");

    try (Gateway gw = new Gateway()) {
      gw.campaign("c1", "t1", "t2", "a1", "p2999", "q1");
      JsonObject answer = gw.score("s1", "t1", "t2", "p2999");
      assertThat(answer.getString("snapshot")).isEqualTo("pq");
      assertThat(answer.getLong("snapshot_age_s")).isBetween(7200L, 7320L);
      assertThat(baseScores(answer)).containsExactly(0.75, 0.25, null);

      gw.activate("parts");
      answer = gw.score("s1", "t1", "p2999", "q1");
      assertThat(answer.getString("snapshot")).isEqualTo("parts");
      assertThat(answer.getLong("snapshot_age_s")).isBetween(0L, 120L);
      assertThat(baseScores(answer)).containsExactly(null, 2.999, 0.125);

      gw.activate("av");
      assertThat(baseScores(gw.score("s1", "a1"))).containsExactly(0.6);
    }
  }

  @Test
  void aPartWithoutTheScoreColumnFailsTheLoadWhichIsNeitherCompleteNorActive() throws Exception {
    String activeBefore = jedis.get(Keys.ACTIVE_SNAPSHOT);
    Path export = Files.createDirectory(dir.resolve("broken"));
    ScoreFiles.parquet(
        export.resolve("part-00000.parquet"),
        ScoreFiles.PARQUET_SCHEMA,
        List.of(row("track", "b1", "score", 1.0)));
    ScoreFiles.parquet(
        export.resolve("part-00001.parquet"),
        "message m { required binary track (STRING); required double p; }",
        List.of(row("track", "b2", "p", 1.0)));

    assertThat(load(export, "broken", "--activate")).isEqualTo(1);
    JsonObject meta = meta("broken");
    assertThat(meta.getString("state")).isEqualTo("failed");
    assertThat(meta.getString("error")).contains("part-00001.parquet: no column 'score'");
    assertThat(jedis.get(Keys.ACTIVE_SNAPSHOT)).isEqualTo(activeBefore);
    assertThat(err).contains("not marked complete and not activated");
  }

  @Test
  void aFileWhoseColumnsAreNotScoresIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path parquet =
        ScoreFiles.parquet(
            dir.resolve("other.parquet"),
            "message m { required binary item (STRING); required double p; }",
            List.of(row("item", "x1", "p", 1.0)));
    assertThat(load(parquet, "other")).isEqualTo(2);
    assertThat(jedis.hget(Keys.SNAPSHOTS, "other")).isNull();
    assertThat(err).contains("no column 'track'", "columns: item, p");

    assertThat(load(parquet, "renamed", "--columns", "track=item,score=p")).isZero();
    assertThat(jedis.get("sg:s/renamed/x1")).isEqualTo("default=1.0;");
  }

  private int load(Path file, String snapshot, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "load-scores",
                "--redis",
                redis.url(),
                "--file",
                file.toString(),
                "--snapshot",
                snapshot));
    args.addAll(List.of(extra));
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      return Main.run(args.toArray(String[]::new));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      out = o.toString(StandardCharsets.UTF_8);
      err = e.toString(StandardCharsets.UTF_8);
      oldOut.print(out);
      oldErr.print(err);
    }
  }

  private static JsonObject meta(String snapshot) {
    String json = jedis.hget(Keys.SNAPSHOTS, snapshot);
    assertThat(json).as("metadata of " + snapshot).isNotNull();
    return new JsonObject(json);
  }

  /** Each result's base score from {@code explain}, null where none was looked up or found. */
  private static List<Double> baseScores(JsonObject answer) {
    List<Double> out = new ArrayList<>();
    for (Object o : answer.getJsonArray("results")) {
      JsonObject explain = ((JsonObject) o).getJsonObject("explain");
      out.add(explain == null ? null : explain.getDouble("base_score"));
    }
    return out;
  }

  /** The gateway as {@code serve} runs it, over the loaders' Redis. */
  private static final class Gateway implements AutoCloseable {
    final GatewayBoot.Running running;
    final Vertx client = Vertx.vertx();
    final WebClient http = WebClient.create(client);
    final int port;
    final int adminPort;

    Gateway() throws IOException {
      port = LocalRedis.freePort();
      adminPort = LocalRedis.freePort();
      Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
      flags.put(ConfigKey.REDIS, redis.url());
      flags.put(ConfigKey.PORT, Integer.toString(port));
      flags.put(ConfigKey.ADMIN_PORT, Integer.toString(adminPort));
      flags.put(ConfigKey.HOST, "127.0.0.1");
      flags.put(ConfigKey.NO_AUTH, "true");
      flags.put(ConfigKey.EVENT_LOOPS, "1");
      flags.put(ConfigKey.TIMEOUT_MS, "2000");
      GatewayConfig config = GatewayConfig.from(ConfigSources.resolve(flags, Map.of(), null));
      running = Await.result(GatewayBoot.start(config, Clock.systemUTC()));
    }

    void campaign(String id, String... tracks) {
      Instant now = Instant.now();
      JsonObject body =
          new JsonObject()
              .put("tracks", new JsonArray(List.of(tracks)))
              .put("start", now.minusSeconds(3600).toString())
              .put("end", now.plusSeconds(86_400).toString())
              .put("budget", 1_000_000)
              .put("pacing", "asap");
      HttpResponse<Buffer> r =
          http.put(adminPort, "127.0.0.1", "/admin/v1/campaigns/" + id)
              .sendJsonObject(body)
              .await();
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
      long deadline = System.currentTimeMillis() + 10_000;
      while (running.engine().catalog().view().campaigns().forTrack(tracks[0]) == null) {
        assertThat(System.currentTimeMillis())
            .as("campaign %s in the catalog", id)
            .isLessThan(deadline);
        sleep();
      }
    }

    void activate(String snapshot) {
      HttpResponse<Buffer> r =
          http.post(adminPort, "127.0.0.1", "/admin/v1/snapshots/" + snapshot + "/activate")
              .send()
              .await();
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    }

    JsonObject score(String segment, String... tracks) {
      JsonObject req =
          new JsonObject()
              .put("user", "u-1")
              .put("surface", "autoplay")
              .put("market", "SE")
              .put("segment", segment)
              .put("candidates", new JsonArray(List.of(tracks)))
              .put("explain", true);
      HttpResponse<Buffer> r =
          http.post(port, "127.0.0.1", "/v1/scores").sendJsonObject(req).await();
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
      JsonObject answer = r.bodyAsJsonObject();
      assertThat(answer.getBoolean("degraded")).as(answer.encode()).isFalse();
      return answer;
    }

    private static void sleep() {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      http.close();
      client.close().await();
      running.close();
    }
  }
}
