package io.scoregateway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Self-signed certificates from the JDK's keytool as PEM files, and a client that trusts any. */
public final class TestCerts {
  private TestCerts() {}

  /** An RSA key pair for {@code CN=cn}: writes {@code certPem} and {@code keyPem}. */
  public static void selfSigned(Path dir, String cn, Path certPem, Path keyPem) throws Exception {
    Path p12 = Files.createTempFile(dir, "ks-", ".p12");
    Files.delete(p12);
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "gw",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=" + cn,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                p12.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(p12)) {
      ks.load(in, "changeit".toCharArray());
    }
    PrivateKey privateKey = (PrivateKey) ks.getKey("gw", "changeit".toCharArray());
    Certificate certificate = ks.getCertificate("gw");
    Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    Files.writeString(
        keyPem,
        "-----BEGIN PRIVATE KEY-----\n"
            + b64.encodeToString(privateKey.getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    Files.writeString(
        certPem,
        "-----BEGIN CERTIFICATE-----\n"
            + b64.encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
  }

  /** A TLS context that accepts any server certificate (the tests check which one they got). */
  public static SSLContext trustAll() throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    return ctx;
  }
}
