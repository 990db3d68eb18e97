package io.scoregateway.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class LogFormatTest {
  @Test
  void textOnlyForDevOnATerminalUnlessChosen() {
    assertThat(LogFormat.choose(null, true, true)).isEqualTo(LogFormat.TEXT);
    assertThat(LogFormat.choose(null, true, false)).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.choose(null, false, true)).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.choose("json", true, true)).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.choose("TEXT", false, false)).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void jsonLineIsFlatWithIsoTimestampAndOneLineFailure() {
    LoggerContext ctx = new LoggerContext();
    LoggingEvent e =
        new LoggingEvent(
            "x",
            ctx.getLogger("io.scoregateway.slow"),
            Level.WARN,
            "slow \"request\"",
            new IllegalStateException("boom\nsecond line"),
            null);
    e.setTimeStamp(1_796_153_819_159L);
    e.setKeyValuePairs(
        List.of(
            new KeyValuePair("trace_id", "abc"),
            new KeyValuePair("status", 200),
            new KeyValuePair("level", "shadowed")));
    String line = new String(new JsonLineEncoder().encode(e), StandardCharsets.UTF_8);
    assertThat(line).endsWith("}\n");
    assertThat(line.strip()).doesNotContain("\n");
    JsonObject o = new JsonObject(line);
    assertThat(o.getString("timestamp")).isEqualTo("2026-12-01T19:36:59.159Z");
    assertThat(o.getString("level")).isEqualTo("WARN");
    assertThat(o.getString("logger")).isEqualTo("io.scoregateway.slow");
    assertThat(o.getString("message")).isEqualTo("slow \"request\"");
    assertThat(o.getString("trace_id")).isEqualTo("abc");
    assertThat(o.getInteger("status")).isEqualTo(200);
    assertThat(o.getString("kv_level")).isEqualTo("shadowed");
    assertThat(o.getString("error"))
        .isEqualTo("java.lang.IllegalStateException: boom\nsecond line");
    assertThat(o.getString("stack")).contains("LogFormatTest");
    assertThat(o.containsKey("context")).isFalse();
  }
}
