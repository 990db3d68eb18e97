package io.scoregateway.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Command failures a user can hit are one readable line with the README's exit code, never a stack
 * trace.
 */
class CliErrorsIT {
  private static LocalRedis redis;
  private static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    redis = LocalRedis.start();
    dir = Files.createTempDirectory("cli-errors-");
  }

  @AfterAll
  static void tearDown() {
    redis.close();
  }

  @Test
  void demoDataWithoutCampaignsWritesScoresOnly() throws Exception {
    Result r = run("demo-data", "--redis", redis.url(), "--tracks", "50", "--campaigns", "0");
    assertThat(r.rc).as(r.output).isZero();
    assertThat(r.output).contains("0 campaigns").doesNotContain("\tat ");
  }

  @Test
  void demoDataOverOtherDemoDataNamesTheConflict() throws Exception {
    LocalRedis own = LocalRedis.start();
    try {
      assertThat(run("demo-data", "--redis", own.url(), "--tracks", "200", "--campaigns", "5").rc)
          .isZero();
      Result again = run("demo-data", "--redis", own.url(), "--tracks", "200", "--campaigns", "4");
      assertOneLine(again, 1, "demo-data: track t16 belongs to campaign c4");
      assertThat(again.stderr).contains("empty Redis");
    } finally {
      own.close();
    }
  }

  @Test
  void simulatePacingRefusesUnusableSettingsBeforeRunning() throws Exception {
    assertOneLine(run("simulate-pacing", "--slot-seconds", "0"), 2, "--slot-seconds must be >= 1");
    assertOneLine(run("simulate-pacing", "--wave", "0"), 2, "--wave must be >= 1");
    assertOneLine(run("simulate-pacing", "--users", "-1"), 2, "--users must be >= 1");
    assertOneLine(run("simulate-pacing", "--play-rate", "2"), 2, "--play-rate");
    assertOneLine(
        run("simulate-pacing", "--report", "/proc/no-such-dir/report.json"), 2, "--report");
    assertOneLine(run("simulate-pacing", "--plot", dir.toString()), 2, "--plot");
  }

  @Test
  void brokenYamlNamesFileAndLine() throws Exception {
    Path config =
        Files.writeString(dir.resolve("broken.yaml"), "port: 8080\nredis: [unclosed\nhost: x\n");
    Result r = run("demo-data", "--config", config.toString(), "--redis", redis.url());
    assertOneLine(r, 2, "--config");
    assertThat(r.stderr).contains(config.toString()).containsPattern("line [34]");

    Path tokens =
        Files.writeString(dir.resolve("tokens.yaml"), "clients:\n  - name: a\n   roles: [score]\n");
    Result t =
        run(
            "serve",
            "--tokens-file",
            tokens.toString(),
            "--redis",
            redis.url(),
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(LocalRedis.freePort()),
            "--admin-port",
            Integer.toString(LocalRedis.freePort()));
    assertOneLine(t, 2, "--tokens-file");
    assertThat(t.stderr).contains(tokens.toString()).contains("line 3");
  }

  @Test
  void versionAndUsage() throws Exception {
    Result v = run("--version");
    assertThat(v.rc).isZero();
    assertThat(v.stdout.trim()).matches("score-gateway \\d+\\.\\d+\\.\\d+.*");
    Result sub = run("serve", "--version");
    assertThat(sub.stdout.trim()).isEqualTo(v.stdout.trim());

    Result none = run();
    assertThat(none.rc).isEqualTo(2);
    assertThat(none.stderr).contains("Usage: score-gateway").contains("serve");
  }

  private static void assertOneLine(Result r, int rc, String expected) {
    assertThat(r.rc).as(r.output).isEqualTo(rc);
    assertThat(r.stderr.strip().lines().count()).as(r.output).isEqualTo(1);
    assertThat(r.stderr).as(r.output).contains(expected);
    assertThat(r.output).doesNotContain("\tat ", "Exception");
  }

  private record Result(int rc, String stdout, String stderr, String output) {}

  private static Result run(String... args) throws Exception {
    try (GatewayProcess p = GatewayProcess.start(Map.of(), args)) {
      Integer rc = p.exitWithin(60_000);
      assertThat(rc).as("exited").isNotNull();
      return new Result(
          rc, String.join("\n", p.stdoutLines()), String.join("\n", p.stderrLines()), p.output());
    }
  }
}
