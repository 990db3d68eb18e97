package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP/1.1 message framing as RFC 9112 asks, over raw sockets: an ambiguous length (Content-Length
 * with Transfer-Encoding, codings other than a final chunked) is refused and the connection closed,
 * so a request pipelined behind it is never answered; two Host headers are a 400. Plain chunked
 * requests are still served on a kept-alive connection.
 */
class FramingIT {
  static final String JSON =
      "{\"user\":\"u-1\",\"surface\":\"autoplay\",\"market\":\"SE\",\"candidates\":[\"t1\"]}";
  static final String SMUGGLED = "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";
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
  void contentLengthWithTransferEncodingIsRefusedAndTheSmuggledRequestNeverAnswered()
      throws IOException {
    String chunked = Integer.toHexString(JSON.length()) + "\r\n" + JSON + "\r\n0\r\n\r\n";
    String all =
        exchange(
            "POST /v1/scores HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunked
                + SMUGGLED);
    assertOneRefusal(all, 400, "not allowed together with Content-Length");
    // the length-first reading of the same bytes: the body is 4 bytes, the rest a second request
    all =
        exchange(
            "POST /v1/scores HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nContent-Length: "
                + (chunked.length() + SMUGGLED.length())
                + "\r\n\r\n"
                + chunked
                + SMUGGLED);
    assertOneRefusal(all, 400, "not allowed together with Content-Length");
  }

  @Test
  void transferCodingsOtherThanAFinalChunkedAreRefused() throws IOException {
    String chunked = Integer.toHexString(JSON.length()) + "\r\n" + JSON + "\r\n0\r\n\r\n";
    assertOneRefusal(
        exchange(post("Transfer-Encoding: chunked, identity\r\n") + chunked + SMUGGLED),
        400,
        "chunked must be the final coding");
    assertOneRefusal(
        exchange(post("Transfer-Encoding: identity\r\n") + JSON + SMUGGLED),
        400,
        "chunked must be the final coding");
    assertOneRefusal(
        exchange(post("Transfer-Encoding: gzip, chunked\r\n") + chunked + SMUGGLED),
        501,
        "only chunked is supported");
    assertOneRefusal(
        exchange(
            post("Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n") + chunked + SMUGGLED),
        501,
        "only chunked is supported");
  }

  @Test
  void twoHostHeadersAreA400() throws IOException {
    assertOneRefusal(
        exchange("GET /health/live HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n" + SMUGGLED),
        400,
        "more than one Host header");
  }

  @Test
  void aPlainChunkedRequestIsServedAndTheConnectionKept() throws IOException {
    String chunked = Integer.toHexString(JSON.length()) + "\r\n" + JSON + "\r\n0\r\n\r\n";
    String all = exchange(post("Transfer-Encoding: Chunked\r\n") + chunked + SMUGGLED);
    assertThat(all).startsWith("HTTP/1.1 200");
    assertThat(all.split("HTTP/1.1 ", -1))
        .as("both pipelined requests answered: " + all)
        .hasSize(3);
  }

  @Test
  void aMalformedChunkClosesTheConnectionAndNothingBehindItIsAnswered() throws IOException {
    // an answer written past Vert.x could overtake one it is still writing for a request
    // pipelined before: the connection is closed unanswered instead
    String all =
        exchange(post("Transfer-Encoding: chunked\r\n") + "zz\r\n{}\r\n0\r\n\r\n" + SMUGGLED);
    assertThat(all).as("nothing answered, the smuggled request included").isEmpty();
  }

  @Test
  void otherHttpVersionsAreA501ProblemOverHttp11() throws IOException {
    assertOneRefusal(
        exchange("GET /health/live HTTP/9.9\r\nHost: x\r\n\r\n"),
        501,
        "version: HTTP/9.9 is not served here");
    assertOneRefusal(
        exchange("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), 501, "gRPC over HTTP/2 is on --grpc-port");
  }

  private static String post(String framing) {
    return "POST /v1/scores HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + framing
        + "\r\n";
  }

  private static void assertOneRefusal(String all, int status, String detail) {
    assertThat(all).startsWith("HTTP/1.1 " + status).contains(detail);
    assertThat(all.toLowerCase(Locale.ROOT)).contains("connection: close");
    assertThat(all.indexOf("HTTP/1.1", 1))
        .as("nothing answered after the refusal: " + all)
        .isEqualTo(-1);
  }

  /** Sends the bytes and reads until the server closes (or 2 s pass). */
  private static String exchange(String bytes) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), gw.port)) {
      s.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      return readUntilClosed(s, 2_000);
    }
  }

  static String readUntilClosed(Socket s, int ms) throws IOException {
    StringBuilder sb = new StringBuilder();
    long deadline = System.currentTimeMillis() + ms;
    byte[] buf = new byte[4096];
    try {
      while (System.currentTimeMillis() < deadline) {
        s.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
        int n = s.getInputStream().read(buf);
        if (n < 0) {
          break;
        }
        sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      // timeout or reset: what arrived is the answer
    }
    return sb.toString();
  }
}
