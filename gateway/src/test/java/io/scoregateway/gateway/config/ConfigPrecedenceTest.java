package io.scoregateway.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPrecedenceTest {
  @TempDir Path dir;

  Path yaml(String text) throws Exception {
    Path f = dir.resolve("gateway.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void flagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
    Path file = yaml("port: 7001\nadmin_port: 7002\ntimeout_ms: 70\nmax_batch: 700\n");
    Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
    flags.put(ConfigKey.PORT, "5001");
    Map<String, String> env =
        Map.of(
            "GATEWAY_HTTP_PORT", "6001", "GATEWAY_ADMIN_PORT", "6002", "GATEWAY_TIMEOUT_MS", "60");
    Map<ConfigKey, String> v = ConfigSources.resolve(flags, env, file);
    assertThat(v.get(ConfigKey.PORT)).isEqualTo("5001"); // flag
    assertThat(v.get(ConfigKey.ADMIN_PORT)).isEqualTo("6002"); // env over file
    assertThat(v.get(ConfigKey.TIMEOUT_MS)).isEqualTo("60"); // env over file
    assertThat(v.get(ConfigKey.MAX_BATCH)).isEqualTo("700"); // file over default
    assertThat(v.get(ConfigKey.PACING_SLOT_MS)).isEqualTo("60000"); // default
    GatewayConfig cfg = GatewayConfig.from(v);
    assertThat(cfg.engine().server().httpPort()).isEqualTo(5001);
    assertThat(cfg.engine().scoring().maxBatch()).isEqualTo(700);
    assertThat(cfg.engine().scoring().timeoutMs()).isEqualTo(60);
  }

  @Test
  void unknownFileKeysAndBadValuesNameTheKey() throws Exception {
    assertThatThrownBy(() -> ConfigSources.resolve(Map.of(), Map.of(), yaml("prot: 8080\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'prot'");
    assertThatThrownBy(
            () ->
                GatewayConfig.from(
                    ConfigSources.resolve(Map.of(ConfigKey.MAX_BATCH, "lots"), Map.of(), null)))
        .hasMessageContaining("--max-batch")
        .hasMessageContaining("GATEWAY_MAX_BATCH")
        .hasMessageContaining("whole number");
    assertThatThrownBy(
            () ->
                GatewayConfig.from(
                    ConfigSources.resolve(Map.of(), Map.of("GATEWAY_REDIS_MODE", "ring"), null)))
        .hasMessageContaining("--redis-mode")
        .hasMessageContaining("ring");
    assertThatThrownBy(
            () ->
                GatewayConfig.from(
                    ConfigSources.resolve(Map.of(ConfigKey.REDIS, "http://x"), Map.of(), null)))
        .hasMessageContaining("--redis")
        .hasMessageContaining("redis://");
    assertThatThrownBy(
            () ->
                GatewayConfig.from(
                    ConfigSources.resolve(Map.of(ConfigKey.ADMIN_PORT, "8080"), Map.of(), null)))
        .hasMessageContaining("--admin-port")
        .hasMessageContaining("must differ");
    assertThatThrownBy(
            () ->
                GatewayConfig.from(
                    ConfigSources.resolve(Map.of(ConfigKey.TLS_CERT, "/nope.pem"), Map.of(), null)))
        .hasMessageContaining("--tls-cert")
        .hasMessageContaining("cannot read");
  }

  @Test
  void tokensFileEntriesAreValidatedWithTheirPosition() throws Exception {
    Path tokens = dir.resolve("tokens.yaml");
    Files.writeString(
        tokens,
        "clients:\n  - name: a\n    roles: [score]\n    token_sha256: "
            + "ab".repeat(32)
            + "\n  - name: b\n    roles: [scores]\n    token_sha256: "
            + "cd".repeat(32)
            + "\n");
    assertThatThrownBy(() -> TokensFile.load(tokens, 0))
        .hasMessageContaining("clients[1].roles: unknown role 'scores'");
    Files.writeString(
        tokens,
        "clients:\n  - name: a\n    roles: [score]\n    rate_limit: 50\n    token_sha256: "
            + "AB".repeat(32)
            + "\n");
    assertThat(TokensFile.load(tokens, 7).get(0).rateLimit()).isEqualTo(50);
  }
}
