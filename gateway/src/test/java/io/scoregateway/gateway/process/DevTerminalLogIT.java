package io.scoregateway.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code dev} on a terminal logs lines a person reads; redirected to a file it logs JSON lines. */
class DevTerminalLogIT {
  @Test
  void devOnATerminalLogsText() throws Exception {
    assertThat(Files.isExecutable(Path.of("/usr/bin/script")))
        .as("util-linux script gives the test a terminal")
        .isTrue();
    String java =
        String.join(
            " ",
            List.of(
                quote(GatewayProcess.javaBinary()),
                "-Dlogback.configurationFile=logback.xml",
                "-cp",
                quote(System.getProperty("java.class.path")),
                "io.scoregateway.gateway.Main",
                "dev",
                "--tracks",
                "100",
                "--campaigns",
                "4",
                "--port",
                Integer.toString(LocalRedis.freePort()),
                "--admin-port",
                Integer.toString(LocalRedis.freePort())));
    try (GatewayProcess dev =
        GatewayProcess.start(List.of("/usr/bin/script", "-qefc", java, "/dev/null"), Map.of())) {
      assertThat(dev.awaitStdout(l -> l.contains("is ready"), 30_000)).as(dev.output()).isTrue();
      List<String> logs =
          dev.stdoutLines().stream().filter(l -> l.contains("GatewayBoot")).toList();
      assertThat(logs)
          .as(dev.output())
          .isNotEmpty()
          .allMatch(
              l -> l.strip().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO|WARN) +GatewayBoot: .*"));
      assertThat(dev.stopMillis()).isBetween(0L, 5_000L);
    }
  }

  @Test
  void devRedirectedLogsJson() throws Exception {
    try (GatewayProcess dev =
        GatewayProcess.start(
            Map.of(),
            "dev",
            "--tracks",
            "100",
            "--campaigns",
            "4",
            "--port",
            Integer.toString(LocalRedis.freePort()),
            "--admin-port",
            Integer.toString(LocalRedis.freePort()))) {
      assertThat(dev.awaitStdout(l -> l.contains("is ready"), 30_000)).as(dev.output()).isTrue();
      GatewayLogsIT.assertJsonLines(
          dev.stdoutLines().stream().filter(l -> l.startsWith("{")).toList());
      assertThat(dev.stdoutLines()).anyMatch(l -> l.startsWith("{") && l.contains("serving:"));
      assertThat(dev.stopMillis()).isBetween(0L, 2_000L);
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
