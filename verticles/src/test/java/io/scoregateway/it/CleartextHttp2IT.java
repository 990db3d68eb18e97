package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cleartext HTTP/2 (h2c) is not served on either port: a prior-knowledge preface gets an HTTP/1.x
 * error status instead of an HTTP/2 connection, and an {@code Upgrade: h2c} request is answered in
 * HTTP/1.1 without switching protocols.
 */
class CleartextHttp2IT {
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(1, null);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  @Test
  void priorKnowledgePrefaceGetsNoHttp2Connection() throws IOException {
    for (int port : new int[] {gw.port, gw.adminPort}) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] settings = {0, 0, 0, 4, 0, 0, 0, 0, 0}; // an empty SETTINGS frame
        s.getOutputStream().write(preface);
        s.getOutputStream().write(settings);
        s.getOutputStream().flush();
        String answer = FramingIT.readUntilClosed(s, 2_000);
        // an HTTP/2 server would answer with a binary SETTINGS frame; the HTTP/1.1 codec refuses
        // the version
        assertThat(answer)
            .as("port %d answered an h2 preface with: %s", port, answer)
            .matches("(?s)HTTP/\\d\\.\\d [45]\\d\\d .*");
      }
    }
  }

  @Test
  void upgradeToH2cIsIgnored() throws Exception {
    for (int port : new int[] {gw.port, gw.adminPort}) {
      RawHttp.Answer a =
          RawHttp.send(
              port,
              """
              GET /health/live HTTP/1.1\r
              Host: x\r
              Connection: Upgrade, HTTP2-Settings\r
              Upgrade: h2c\r
              HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r
              \r
              """);
      assertThat(a.statusLine()).as("port %d", port).doesNotContain("101").startsWith("HTTP/1.1 ");
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.adminPort + "/health/live"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.version())
        .as("the JDK client's h2c upgrade is declined")
        .isEqualTo(HttpClient.Version.HTTP_1_1);
  }
}
