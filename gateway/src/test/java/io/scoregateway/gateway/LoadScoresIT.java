package io.scoregateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.store.Keys;
import io.scoregateway.store.ScoreEntry;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** {@code load-scores} end to end against a real redis-server. */
class LoadScoresIT {
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

  private int load(Path file, String snapshot, String... extra) {
    String[] args = new String[7 + extra.length];
    String[] base = {
      "load-scores", "--redis", redis.url(), "--file", file.toString(), "--snapshot", snapshot
    };
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      return Main.run(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      out = o.toString(StandardCharsets.UTF_8);
      err = e.toString(StandardCharsets.UTF_8);
      oldOut.print(out);
      oldErr.print(err);
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static JsonObject meta(String snapshot) {
    String json = jedis.hget(Keys.SNAPSHOTS, snapshot);
    assertThat(json).as("metadata of " + snapshot).isNotNull();
    return new JsonObject(json);
  }

  @Test
  void loadsGoodRowsReportsBadRowsAndActivates() throws IOException {
    Path csv =
        write(
            "scores.csv",
            String.join(
                "\r\n",
                "\uFEFFtrack,segment,score",
                "t1,,0.5",
                "t1,s1,0.75",
                "t2, s2 , 3",
                "bad id,,1",
                "t3,,-2",
                "t4,s1,NaN",
                "t5,s1",
                "t6,s!,1",
                "t3,s1,1e-2",
                ""));
    int code = load(csv, "s1", "--activate");

    assertThat(code).isZero();
    assertThat(jedis.get("sg:s/s1/t1")).isEqualTo("default=0.5;s1=0.75;");
    assertThat(jedis.get("sg:s/s1/t2")).isEqualTo("s2=3.0;");
    assertThat(jedis.get("sg:s/s1/t3")).isEqualTo("s1=0.01;");
    assertThat(jedis.exists("sg:s/s1/t4", "sg:s/s1/t5", "sg:s/s1/t6")).isZero();
    assertThat(ScoreEntry.decode(jedis.get("sg:s/s1/t1")).scoreFor("s9")).isEqualTo(0.5);
    assertThat(jedis.get(Keys.ACTIVE_SNAPSHOT)).isEqualTo("s1");
    JsonObject meta = meta("s1");
    assertThat(meta.getString("state")).isEqualTo("complete");
    assertThat(meta.getLong("rows")).isEqualTo(4);
    assertThat(meta.getLong("bad_rows")).isEqualTo(5);

    assertThat(err)
        .contains(
            "line 5: invalid track id 'bad id'",
            "line 6: negative score",
            "line 7: score is not a finite number",
            "line 8: expected 3 columns",
            "line 9: invalid segment id 's!'");
    assertThat(out)
        .containsPattern(
            "loaded 4 rows into snapshot s1, 5 bad rows, [0-9.]+ s, [0-9]+ rows/s; activated");
  }

  @Test
  void loadsNdjson() throws IOException {
    Path nd =
        write(
            "scores.ndjson",
            """
            {"track":"n1","segment":"s1","score":1.5}
            {"track":"n1","score":2}
            {"track":"n2","score":"x"}
            """);
    assertThat(load(nd, "nd1")).isZero();
    assertThat(jedis.get("sg:s/nd1/n1")).isEqualTo("s1=1.5;default=2.0;");
    assertThat(meta("nd1").getLong("rows")).isEqualTo(2);
    assertThat(meta("nd1").getLong("bad_rows")).isEqualTo(1);
  }

  @Test
  void withoutActivateTheActivePointerIsUnchangedAndSnapshotsAreImmutable() throws IOException {
    jedis.set(Keys.ACTIVE_SNAPSHOT, "previous");
    Path csv = write("two.csv", "track,segment,score\nt1,,1\nt2,,2\n");

    assertThat(load(csv, "s2")).isZero();
    assertThat(jedis.get(Keys.ACTIVE_SNAPSHOT)).isEqualTo("previous");
    assertThat(meta("s2").getString("state")).isEqualTo("complete");

    Path other = write("other.csv", "track,segment,score\nt1,,9\n");
    assertThat(load(other, "s2", "--activate")).isNotZero();
    assertThat(err).contains("already exists");
    assertThat(jedis.get("sg:s/s2/t1")).isEqualTo("default=1.0;");
    assertThat(jedis.get(Keys.ACTIVE_SNAPSHOT)).isEqualTo("previous");
  }

  @Test
  void aFailedWriteLeavesTheSnapshotIncompleteAndInactive() throws IOException {
    jedis.set(Keys.ACTIVE_SNAPSHOT, "previous");
    // A key of the wrong type makes the APPEND of track t2 fail inside a batch.
    jedis.hset("sg:s/s3/t2", "x", "y");
    Path csv = write("three.csv", "track,segment,score\nt1,,1\nt2,,2\nt3,,3\n");

    assertThat(load(csv, "s3", "--activate")).isNotZero();
    assertThat(meta("s3").getString("state")).isNotEqualTo("complete");
    assertThat(jedis.get(Keys.ACTIVE_SNAPSHOT)).isEqualTo("previous");
    assertThat(err).contains("not marked complete");
    assertThat(out).isEmpty();
  }

  @Test
  void manyBatchesAndManyBadRows() throws IOException {
    StringBuilder sb = new StringBuilder("track,segment,score\n");
    for (int i = 0; i < 7_000; i++) {
      sb.append('m')
          .append(i / 2)
          .append(',')
          .append(i % 2 == 0 ? "" : "s1")
          .append(',')
          .append(i)
          .append('\n');
      if (i % 50 == 0) {
        sb.append("m").append(i).append(",,-1\n");
      }
    }
    assertThat(load(write("many.csv", sb.toString()), "s5")).isZero();
    assertThat(meta("s5").getLong("rows")).isEqualTo(7_000);
    assertThat(meta("s5").getLong("bad_rows")).isEqualTo(140);
    assertThat(jedis.get("sg:s/s5/m3499")).isEqualTo("default=6998.0;s1=6999.0;");
    assertThat(err.lines().filter(l -> l.startsWith("line ")).count()).isEqualTo(100);
    assertThat(err).contains("140 bad rows in total (40 not shown)");
  }

  @Test
  void aFileWithoutHeaderIsRejectedBeforeAnythingIsWritten() throws IOException {
    Path csv = write("nohead.csv", "t1,,1\n");
    assertThat(load(csv, "s4", "--activate")).isEqualTo(2);
    assertThat(jedis.hget(Keys.SNAPSHOTS, "s4")).isNull();
    assertThat(err).contains("header");
  }
}
