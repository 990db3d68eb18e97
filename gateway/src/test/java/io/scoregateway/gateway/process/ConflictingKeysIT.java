package io.scoregateway.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys that contradict each other stop serve at start (exit 2, one line naming the key). */
class ConflictingKeysIT {
  @Test
  void noAuthWithATokensFileIsRefused() throws Exception {
    Path tokens = Files.createTempFile("tokens-", ".yaml");
    Files.writeString(tokens, "clients: []\n");
    expectFailure(
        "--no-auth",
        "serve",
        "--no-auth",
        "--tokens-file",
        tokens.toString(),
        "--host",
        "127.0.0.1",
        "--port",
        free(),
        "--admin-port",
        free());
  }

  @Test
  void redisTlsKeysWithAPlainUrlOrHalfAPairAreRefused() throws Exception {
    Path pem = Files.createTempFile("ca-", ".pem");
    Files.writeString(pem, "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n");
    expectFailure(
        "--redis-ca-file",
        "serve",
        "--no-auth",
        "--redis",
        "redis://127.0.0.1:6379",
        "--redis-ca-file",
        pem.toString(),
        "--port",
        free(),
        "--admin-port",
        free());
    expectFailure(
        "--redis-tls-key",
        "serve",
        "--no-auth",
        "--redis",
        "rediss://127.0.0.1:6379",
        "--redis-tls-cert",
        pem.toString(),
        "--port",
        free(),
        "--admin-port",
        free());
  }

  private static String free() throws Exception {
    return Integer.toString(LocalRedis.freePort());
  }

  private static void expectFailure(String key, String... args) throws Exception {
    try (GatewayProcess p = GatewayProcess.start(Map.of(), args)) {
      Integer rc = p.exitWithin(5_000);
      String all = String.join(" ", args) + " ->\n" + p.output();
      assertThat(rc).as(all).isEqualTo(2);
      assertThat(p.stderrLines()).as(all).hasSize(1);
      assertThat(p.stderrLines().get(0)).as(all).contains(key);
    }
  }
}
