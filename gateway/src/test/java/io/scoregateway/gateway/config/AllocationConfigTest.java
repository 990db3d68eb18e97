package io.scoregateway.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.allocate.AllocationPolicy;
import io.scoregateway.allocate.SurfaceRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --allocation}: from a flag, the environment or YAML, and its errors named by the key. */
class AllocationConfigTest {
  @TempDir Path dir;

  static GatewayConfig from(Map<ConfigKey, String> flags, Map<String, String> env, Path yaml) {
    return GatewayConfig.from(ConfigSources.resolve(flags, env, yaml));
  }

  @Test
  void absentMeansBalancedEverywhereWithoutGuardrails() {
    GatewayConfig cfg = from(new EnumMap<>(ConfigKey.class), Map.of(), null);
    assertThat(cfg.engine().allocation().forSurface("autoplay")).isEqualTo(SurfaceRules.DEFAULTS);
  }

  @Test
  void aYamlStringAndTheEnvironmentBothWork() throws Exception {
    Path f = dir.resolve("gateway.yaml");
    Files.writeString(f, "allocation: 'radio: policy=relevance; *: floor=0.1'\n");
    GatewayConfig fromFile = from(new EnumMap<>(ConfigKey.class), Map.of(), f);
    assertThat(fromFile.engine().allocation().forSurface("radio").policy())
        .isEqualTo(AllocationPolicy.RELEVANCE);
    assertThat(fromFile.engine().allocation().forSurface("home").floor()).isEqualTo(0.1);
    GatewayConfig fromEnv =
        from(new EnumMap<>(ConfigKey.class), Map.of("GATEWAY_ALLOCATION", "home: per_label=2"), f);
    assertThat(fromEnv.engine().allocation().forSurface("home").perLabel()).isEqualTo(2);
    assertThat(fromEnv.engine().allocation().forSurface("radio").policy())
        .isEqualTo(AllocationPolicy.BALANCED);
  }

  @Test
  void invalidRulesFailNamingTheKeyTheSurfaceAndTheSetting() {
    Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
    flags.put(ConfigKey.ALLOCATION, "radio: hold_share=2");
    assertThatThrownBy(() -> from(flags, Map.of(), null))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "--allocation (GATEWAY_ALLOCATION, allocation): radio: hold_share must be a number in"
                + " [0, 1], got '2'");
  }
}
