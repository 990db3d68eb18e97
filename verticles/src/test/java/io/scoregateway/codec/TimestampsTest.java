package io.scoregateway.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  static final String EXAMPLE = "2026-11-01T00:00:00Z";

  @Test
  void rfc3339DateTimesParse() {
    assertThat(Timestamps.parse("2026-11-01T00:00:00Z", "end", EXAMPLE))
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(Timestamps.parse("2026-11-01T01:00:00.250+01:00", "end", EXAMPLE))
        .isEqualTo(Instant.parse("2026-11-01T00:00:00.250Z"));
  }

  @Test
  void yearsInstantParseTakesButNoFlightHasAreRefusedNamingTheField() {
    for (String bad :
        new String[] {
          "+99999-01-01T00:00:00Z",
          "-0001-01-01T00:00:00Z",
          "2026-13-01T00:00:00Z",
          "2026-11-01T00:00:00",
          "2026-11-01",
          " 2026-11-01T00:00:00Z"
        }) {
      assertThatThrownBy(() -> Timestamps.parse(bad, "end", EXAMPLE))
          .as(bad)
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("end")
          .hasMessageContaining("invalid timestamp");
    }
    assertThatThrownBy(() -> Timestamps.parse(42, "ts", EXAMPLE))
        .hasMessageContaining("ts")
        .hasMessageContaining("RFC 3339");
  }
}
