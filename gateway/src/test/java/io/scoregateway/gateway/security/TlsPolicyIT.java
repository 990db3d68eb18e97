package io.scoregateway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.telemetry.GatewayFixtureAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cipher negotiation from a JDK client on both ports: TLS 1.2 only with ECDHE and an AEAD cipher (a
 * client offering only static-RSA or CBC-SHA1 suites fails the handshake), TLS 1.3 as well.
 */
class TlsPolicyIT {
  static AutoCloseable gw;

  @BeforeAll
  static void setUp() throws Exception {
    Path dir = Files.createTempDirectory("gw-tls-policy");
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    TestCerts.selfSigned(dir, "localhost", cert, key);
    gw =
        GatewayFixtureAccess.start(
            Map.of(
                ConfigKey.TLS_CERT,
                cert.toString(),
                ConfigKey.TLS_KEY,
                key.toString(),
                ConfigKey.EVENT_LOOPS,
                "1"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    gw.close();
  }

  @Test
  void tls12WithoutForwardSecrecyOrAeadIsRefused() throws Exception {
    for (int port : ports()) {
      for (String suite :
          new String[] {
            "TLS_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"
          }) {
        assertThatThrownBy(() -> handshake(port, "TLSv1.2", suite))
            .as("port %d, %s", port, suite)
            .isInstanceOf(SSLException.class);
      }
    }
  }

  @Test
  void tls12WithEcdheAndGcmAndTls13AreServed() throws Exception {
    for (int port : ports()) {
      assertThat(handshake(port, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))
          .isEqualTo("TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
      assertThat(handshake(port, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"))
          .isEqualTo("TLSv1.2 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
      assertThat(handshake(port, "TLSv1.3", "TLS_AES_128_GCM_SHA256"))
          .isEqualTo("TLSv1.3 TLS_AES_128_GCM_SHA256");
    }
  }

  private static int[] ports() {
    return new int[] {GatewayFixtureAccess.port(gw), GatewayFixtureAccess.adminPort(gw)};
  }

  /**
   * The negotiated protocol and suite of a client offering only {@code suite} over {@code
   * protocol}.
   */
  static String handshake(int port, String protocol, String suite) throws Exception {
    try (SSLSocket s =
        (SSLSocket) TestCerts.trustAll().getSocketFactory().createSocket("127.0.0.1", port)) {
      s.setSoTimeout(5_000);
      s.setEnabledProtocols(new String[] {protocol});
      s.setEnabledCipherSuites(new String[] {suite});
      s.startHandshake();
      return s.getSession().getProtocol() + " " + s.getSession().getCipherSuite();
    }
  }
}
