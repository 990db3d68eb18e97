package io.scoregateway.gateway.config;

import static io.scoregateway.gateway.config.ConfigDefaultsTest.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.config.ExposureConfig;
import io.scoregateway.config.MeasurementConfig;
import io.scoregateway.model.Holdout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementSettingsTest {
  static MeasurementConfig measurement(Map<ConfigKey, String> flags) {
    return resolve(flags).engine().measurement();
  }

  static void assertRefused(Map<ConfigKey, String> flags, ConfigKey key, String message) {
    assertThatThrownBy(() -> resolve(flags))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(key.flag() + " (")
        .hasMessageContaining(message);
  }

  @Test
  void surfaceHoldoutsAreSharesSaltedPerSurface() {
    MeasurementConfig m =
        measurement(
            Map.of(
                ConfigKey.SURFACE_HOLDOUTS, "autoplay=0.05, radio = 1",
                ConfigKey.SURFACE_HOLDOUT_SALT, "h2"));
    assertThat(m.surfaceHoldouts())
        .isEqualTo(
            Map.of(
                "autoplay", new Holdout(0.05, "h2/autoplay"), "radio", new Holdout(1, "h2/radio")));
    assertThat(measurement(Map.of()).surfaceHoldouts()).isEmpty();
  }

  @Test
  void badSurfaceHoldoutsAreRefusedNamingTheKey() {
    assertRefused(Map.of(ConfigKey.SURFACE_HOLDOUTS, "autoplay"), ConfigKey.SURFACE_HOLDOUTS, "");
    assertRefused(
        Map.of(ConfigKey.SURFACE_HOLDOUTS, "autoplay=0"), ConfigKey.SURFACE_HOLDOUTS, "(0, 1]");
    assertRefused(
        Map.of(ConfigKey.SURFACE_HOLDOUTS, "autoplay=x"), ConfigKey.SURFACE_HOLDOUTS, "(0, 1]");
    assertRefused(
        Map.of(ConfigKey.SURFACE_HOLDOUTS, "a=0.1,a=0.2"), ConfigKey.SURFACE_HOLDOUTS, "twice");
    assertRefused(
        Map.of(ConfigKey.SURFACE_HOLDOUT_SALT, "a b"), ConfigKey.SURFACE_HOLDOUT_SALT, "match");
  }

  @Test
  void theSinkIsNoneUnlessChosenAndKafkaNeedsItsBrokers() {
    assertThat(measurement(Map.of()).exposure()).isEqualTo(ExposureConfig.DEFAULTS);
    assertThat(measurement(Map.of()).exposure().enabled()).isFalse();
    ExposureConfig kafka =
        measurement(
                Map.of(
                    ConfigKey.EXPOSURE_SINK, "kafka",
                    ConfigKey.EXPOSURE_KAFKA_BOOTSTRAP_SERVERS, "k1:9092,k2:9092",
                    ConfigKey.EXPOSURE_KAFKA_TOPIC, "exp.v1",
                    ConfigKey.EXPOSURE_KAFKA_FORMAT, "JSON",
                    ConfigKey.EXPOSURE_BUFFER_RECORDS, "5000",
                    ConfigKey.EXPOSURE_LISTENER_SALT, "pepper"))
            .exposure();
    assertThat(kafka)
        .isEqualTo(
            new ExposureConfig(
                ExposureConfig.Sink.KAFKA,
                "exposures.jsonl",
                "k1:9092,k2:9092",
                "exp.v1",
                ExposureConfig.KafkaFormat.JSON,
                5000,
                "pepper"));
    assertThat(kafka.toString()).doesNotContain("pepper");
    assertRefused(
        Map.of(ConfigKey.EXPOSURE_SINK, "kafka"),
        ConfigKey.EXPOSURE_KAFKA_BOOTSTRAP_SERVERS,
        "required");
    assertRefused(
        Map.of(ConfigKey.EXPOSURE_SINK, "kafka", ConfigKey.EXPOSURE_KAFKA_BOOTSTRAP_SERVERS, "k1"),
        ConfigKey.EXPOSURE_KAFKA_BOOTSTRAP_SERVERS,
        "host:port");
    assertRefused(
        Map.of(ConfigKey.EXPOSURE_KAFKA_TOPIC, "a/b"), ConfigKey.EXPOSURE_KAFKA_TOPIC, "match");
    assertRefused(Map.of(ConfigKey.EXPOSURE_SINK, "s3"), ConfigKey.EXPOSURE_SINK, "none, file");
    assertRefused(
        Map.of(ConfigKey.EXPOSURE_KAFKA_FORMAT, "avro"),
        ConfigKey.EXPOSURE_KAFKA_FORMAT,
        "protobuf or json");
  }

  @Test
  void theFileSinksDirectoryMustExist() throws Exception {
    Path dir = Files.createTempDirectory("exposure-config");
    String file = dir.resolve("x.jsonl").toString();
    assertThat(
            measurement(Map.of(ConfigKey.EXPOSURE_SINK, "FILE", ConfigKey.EXPOSURE_FILE, file))
                .exposure()
                .file())
        .isEqualTo(file);
    assertRefused(
        Map.of(
            ConfigKey.EXPOSURE_SINK,
            "file",
            ConfigKey.EXPOSURE_FILE,
            dir.resolve("missing/x.jsonl").toString()),
        ConfigKey.EXPOSURE_FILE,
        "does not exist");
    Files.delete(dir);
  }
}
