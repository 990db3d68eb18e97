package io.scoregateway.devredis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway CA and certificates it signs, made with the machine's {@code openssl} for the TLS
 * tests: fails (never skips) when openssl is missing. Every file is PEM.
 */
public final class TestCertificates {
  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  /** A new CA in a temporary directory. */
  public static TestCertificates create() throws IOException {
    TestCertificates c = new TestCertificates(Files.createTempDirectory("score-gateway-tls-"));
    c.openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=score-gateway test CA",
        "-keyout",
        c.key("ca").toString(),
        "-out",
        c.cert("ca").toString());
    return c;
  }

  /** Issues {@code name}.crt/.key signed by the CA, for {@code subjectAltNames} ("DNS:x,IP:y"). */
  public TestCertificates issue(String name, String subjectAltNames) throws IOException {
    Path csr = dir.resolve(name + ".csr");
    Path ext = dir.resolve(name + ".ext");
    Files.writeString(ext, "subjectAltName=" + subjectAltNames + "\nbasicConstraints=CA:FALSE\n");
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=" + name,
        "-keyout",
        key(name).toString(),
        "-out",
        csr.toString());
    openssl(
        "x509",
        "-req",
        "-in",
        csr.toString(),
        "-CA",
        cert("ca").toString(),
        "-CAkey",
        key("ca").toString(),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        ext.toString(),
        "-out",
        cert(name).toString());
    return this;
  }

  public Path cert(String name) {
    return dir.resolve(name + ".crt");
  }

  public Path key(String name) {
    return dir.resolve(name + ".key");
  }

  /** Redis server options for a TLS port serving {@code name}'s certificate, trusting the CA. */
  public List<String> redisTlsArgs(int tlsPort, String name, boolean requireClientCert) {
    return new ArrayList<>(
        List.of(
            "--tls-port", Integer.toString(tlsPort),
            "--tls-cert-file", cert(name).toString(),
            "--tls-key-file", key(name).toString(),
            "--tls-ca-cert-file", cert("ca").toString(),
            "--tls-auth-clients", requireClientCert ? "yes" : "no"));
  }

  private void openssl(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException("openssl " + args[0] + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running openssl", e);
    }
  }
}
