package io.scoregateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
  private final AtomicLong clock = new AtomicLong();

  private String text() {
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rendersPercentRateAndEta() {
    ProgressBar bar = new ProgressBar(out, 1000, true, clock::get);
    assertThat(bar.render(250, 50_000, 2_000_000_000L))
        .isEqualTo("[######..................]  25.0%  50000 rows  25000 rows/s  ETA 6s");
    assertThat(bar.render(1000, 200_000, 8_000_000_000L))
        .endsWith("100.0%  200000 rows  25000 rows/s  8s elapsed");
    assertThat(new ProgressBar(out, -1, false, clock::get).render(10, 100, 1_000_000_000L))
        .isEqualTo("100 rows  100 rows/s");
    assertThat(ProgressBar.duration(59)).isEqualTo("59s");
    assertThat(ProgressBar.duration(61)).isEqualTo("1m01s");
    assertThat(ProgressBar.duration(3_700)).isEqualTo("1h01m");
  }

  @Test
  void terminalRedrawsInPlaceAtMostFiveTimesASecond() {
    ProgressBar bar = new ProgressBar(out, 100, true, clock::get);
    for (int ms = 0; ms <= 1000; ms += 10) {
      clock.set(ms * 1_000_000L);
      bar.update(ms / 10, ms);
    }
    assertThat(text().chars().filter(c -> c == '\r').count()).isEqualTo(5);
    assertThat(text()).doesNotContain("\n");
    bar.message("line 3: bad");
    bar.finish(100, 1000);
    assertThat(text()).contains("\rline 3: bad\n").endsWith("elapsed\n");
  }

  @Test
  void plainOutputPrintsALineEveryTwoSeconds() {
    ProgressBar bar = new ProgressBar(out, 100, false, clock::get);
    for (int ms = 0; ms <= 5000; ms += 100) {
      clock.set(ms * 1_000_000L);
      bar.update(ms / 50, ms);
    }
    assertThat(text()).doesNotContain("\r");
    assertThat(text().lines().count()).isEqualTo(2);
    assertThat(text().lines().findFirst().orElseThrow())
        .startsWith("load-scores:  40.0%  2000 rows  1000 rows/s  ETA 3s");
  }
}
