package io.scoregateway.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every bad start of serve and dev exits within 5 s, non-zero, with one line naming the key. */
class StartupFailureIT {
  private static LocalRedis redis;
  private static ServerSocket held;
  private static Path notPem;
  private static Path fakeCert;
  private static Path fakeKey;
  private static Path realCert;
  private static Path realKey;
  private static Path otherKey;

  @BeforeAll
  static void setUp() throws Exception {
    redis = LocalRedis.start();
    held = new ServerSocket();
    held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Path dir = Files.createTempDirectory("startup-failure-");
    notPem = Files.writeString(dir.resolve("not.pem"), "this is not PEM\n");
    // PEM framing around bytes that are no certificate or key: only loading them can tell
    fakeCert =
        Files.writeString(
            dir.resolve("cert.pem"),
            "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
    fakeKey =
        Files.writeString(
            dir.resolve("key.pem"),
            "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
    realCert = dir.resolve("real-cert.pem");
    realKey = dir.resolve("real-key.pem");
    otherKey = dir.resolve("other-key.pem");
    io.scoregateway.gateway.security.TestCerts.selfSigned(dir, "localhost", realCert, realKey);
    io.scoregateway.gateway.security.TestCerts.selfSigned(
        dir, "other", dir.resolve("other-cert.pem"), otherKey);
  }

  @AfterAll
  static void tearDown() throws Exception {
    held.close();
    redis.close();
  }

  @Test
  void serveFailsFastNamingTheKey() throws Exception {
    String busy = Integer.toString(held.getLocalPort());
    expectFailure("--port", serve("--port", busy));
    expectFailure("--admin-port", serve("--admin-port", busy));
    expectFailure("--host", serve("--host", "no-such-host.invalid"));
    expectFailure("--host", serve("--host", "203.0.113.7"));
    expectFailure("--redis", serve("--redis", "redis://127.0.0.1:70000"));
    expectFailure(
        "--tls-cert", serve("--tls-cert", notPem.toString(), "--tls-key", notPem.toString()));
    expectFailure(
        "--tls-cert",
        serve("--tls-cert", fakeCert.toString(), "--tls-key", fakeKey.toString()),
        fakeCert.toString());
    expectFailure(
        "--tls-key",
        serve("--tls-cert", realCert.toString(), "--tls-key", fakeKey.toString()),
        fakeKey.toString());
    // a key that parses but is not the certificate's: it used to start and fail every handshake
    expectFailure(
        "--tls-key",
        serve("--tls-cert", realCert.toString(), "--tls-key", otherKey.toString()),
        otherKey + ": does not match the certificate in " + realCert);
    String[] noTokens = serve("--tokens-file", "/no/such/tokens.yaml");
    expectFailure(
        "--tokens-file",
        java.util.Arrays.stream(noTokens)
            .filter(a -> !a.equals("--no-auth"))
            .toArray(String[]::new));
  }

  @Test
  void devFailsFastNamingTheKey() throws Exception {
    String busy = Integer.toString(held.getLocalPort());
    expectFailure("--port", dev("--port", busy));
    expectFailure("--admin-port", dev("--admin-port", busy));
    expectFailure(
        "--tls-cert", dev("--tls-cert", notPem.toString(), "--tls-key", notPem.toString()));
    assertThat(redis.command("SET marker kept")).isEqualTo("+OK");
    expectFailure("--redis-port", dev("--redis-port", Integer.toString(redis.port())));
    assertThat(redis.command("DBSIZE"))
        .as("dev wrote nothing into a Redis it did not start")
        .isEqualTo(":1");
  }

  private static String[] serve(String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "serve",
                "--no-auth",
                "--host",
                "127.0.0.1",
                "--redis",
                redis.url(),
                "--port",
                free(),
                "--admin-port",
                free()));
    override(args, extra);
    return args.toArray(String[]::new);
  }

  private static String[] dev(String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "dev",
                "--tracks",
                "100",
                "--campaigns",
                "4",
                "--port",
                free(),
                "--admin-port",
                free()));
    override(args, extra);
    return args.toArray(String[]::new);
  }

  /** Replaces an option already in {@code args} or appends it. */
  private static void override(List<String> args, String... extra) {
    for (int i = 0; i < extra.length; i += 2) {
      int at = args.indexOf(extra[i]);
      if (at >= 0) {
        args.set(at + 1, extra[i + 1]);
      } else {
        args.add(extra[i]);
        args.add(extra[i + 1]);
      }
    }
  }

  private static String free() throws Exception {
    return Integer.toString(LocalRedis.freePort());
  }

  private static void expectFailure(String key, String[] args, String naming) throws Exception {
    try (GatewayProcess p = GatewayProcess.start(Map.of(), args)) {
      Integer rc = p.exitWithin(5_000);
      assertThat(rc).as("exit 2 within 5 s: %s", p.output()).isEqualTo(2);
      assertThat(p.stderrLines()).as(p.output()).hasSize(1);
      assertThat(p.stderrLines().get(0)).as(p.output()).contains(key, naming);
    }
  }

  private static void expectFailure(String key, String[] args) throws Exception {
    try (GatewayProcess p = GatewayProcess.start(Map.of(), args)) {
      Integer rc = p.exitWithin(5_000);
      String all = String.join(" ", args) + " ->\n" + p.output();
      assertThat(rc).as("exit within 5 s: %s", all).isNotNull();
      assertThat(rc).as(all).isEqualTo(2);
      assertThat(p.stderrLines()).as(all).hasSize(1);
      assertThat(p.stderrLines().get(0)).as(all).contains(key);
      assertThat(p.output()).as(all).doesNotContain("\tat ", "Exception in thread");
    }
  }
}
