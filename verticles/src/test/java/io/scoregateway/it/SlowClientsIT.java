package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.auth.Client;
import io.scoregateway.auth.Role;
import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.config.EdgeLimits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Slow-body senders over raw sockets against an event loop with 4 in-flight slots: one client gets
 * at most 2 of them (429 and a closed connection beyond), each slow body is answered 408 within the
 * body deadline and its connection closed, an unauthenticated trickler is closed after its 401, and
 * the port holds no more connections than its cap. Meanwhile other clients keep getting answers.
 */
class SlowClientsIT {
  static final long BODY_MS = 1_000;
  static final TokenAuthenticator AUTH =
      new TokenAuthenticator(
          List.of(
              new Client("slow", Set.of(Role.SCORE), TokenAuthenticator.sha256("slow-token")),
              new Client("fast", Set.of(Role.SCORE), TokenAuthenticator.sha256("fast-token"))));
  static final JsonObject BODY =
      new JsonObject()
          .put("user", "u-1")
          .put("surface", "autoplay")
          .put("market", "SE")
          .put("candidates", new JsonArray().add("t1"));

  @Test
  void slowBodiesCannotTakeEverySlotAndAreCutOffAtTheDeadline() throws Exception {
    ScheduledExecutorService trickle = Executors.newScheduledThreadPool(1);
    List<Socket> slow = new ArrayList<>();
    try (TestGateway gw = TestGateway.startWithLimits(AUTH, 4, new EdgeLimits(BODY_MS, 2, 1_000))) {
      long start = System.currentTimeMillis();
      for (int i = 0; i < 4; i++) {
        slow.add(slowBody(gw.port, "slow-token", trickle));
      }
      Socket anonymous = slowBody(gw.port, null, trickle);
      TestGateway.sleep(200);

      // one client holds at most its share of the slots: the others get 429 and lose the connection
      List<Socket> held = new ArrayList<>();
      for (Socket s : slow) {
        s.setSoTimeout(300);
        String answer = readAll(s, 300);
        if (answer.isEmpty()) {
          held.add(s);
        } else {
          assertThat(answer)
              .startsWith("HTTP/1.1 429")
              .contains("retry-after: 1", "connection: close");
          assertThat(closed(s)).as("refused slow sender's connection is closed").isTrue();
        }
      }
      assertThat(held).as("slow requests holding a slot").hasSize(2);
      // the unauthenticated trickler got its 401 and lost the connection though it keeps sending
      assertThat(readAll(anonymous, 1_000))
          .startsWith("HTTP/1.1 401")
          .contains("connection: close");
      assertThat(closed(anonymous)).isTrue();

      // other clients are still served while the slow ones hold their slots
      for (int i = 0; i < 5; i++) {
        assertThat(
                gw.http
                    .post(gw.port, "127.0.0.1", "/v1/scores")
                    .bearerTokenAuthentication("fast-token")
                    .sendJsonObject(BODY)
                    .await()
                    .statusCode())
            .as("another client during the slow bodies")
            .isEqualTo(200);
      }

      // the held slow bodies are cut off at the deadline, though bytes kept arriving
      for (Socket s : held) {
        String answer = readAll(s, (int) (BODY_MS + 2_000));
        long at = System.currentTimeMillis() - start;
        assertThat(answer)
            .startsWith("HTTP/1.1 408")
            .contains("connection: close", "body: not received within");
        assertThat(at).as("408 within the deadline (plus slack), ms").isLessThan(BODY_MS + 1_500);
        assertThat(closed(s)).isTrue();
      }
      // and their slots are free again
      assertThat(
              gw.http
                  .post(gw.port, "127.0.0.1", "/v1/scores")
                  .bearerTokenAuthentication("slow-token")
                  .sendJsonObject(BODY)
                  .await()
                  .statusCode())
          .isEqualTo(200);
    } finally {
      trickle.shutdownNow();
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void aTrickledRequestHeadIsCutOffAtTheDeadlineButAnIdleConnectionIsNot() throws Exception {
    try (TestGateway gw = TestGateway.startWithLimits(AUTH, 4, new EdgeLimits(BODY_MS, 2, 1_000));
        Socket idle = new Socket(InetAddress.getLoopbackAddress(), gw.port);
        Socket trickler = new Socket(InetAddress.getLoopbackAddress(), gw.port)) {
      // a kept-alive connection idle past the head deadline between requests is still served
      String live = "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";
      idle.getOutputStream().write(live.getBytes(StandardCharsets.US_ASCII));
      assertThat(readAll(idle, 1_000)).startsWith("HTTP/1.1 404");
      TestGateway.sleep(BODY_MS + 500);
      idle.getOutputStream().write(live.getBytes(StandardCharsets.US_ASCII));
      assertThat(readAll(idle, 1_000)).as("served again after idling").startsWith("HTTP/1.1 404");
      // a stray CRLF after a request (RFC 9112 §2.2: ignored) starts no head deadline
      idle.getOutputStream().write((live + "\r\n").getBytes(StandardCharsets.US_ASCII));
      assertThat(readAll(idle, 1_000)).startsWith("HTTP/1.1 404");
      TestGateway.sleep(BODY_MS + 500);
      idle.getOutputStream().write(live.getBytes(StandardCharsets.US_ASCII));
      assertThat(readAll(idle, 1_000)).as("served after a stray CRLF").startsWith("HTTP/1.1 404");

      // a head begun and then silent gets its 408 at the deadline, not at the idle timeout
      try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), gw.port)) {
        long begun = System.currentTimeMillis();
        silent
            .getOutputStream()
            .write("POST /v1/scores HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        String late = readAll(silent, (int) BODY_MS + 2_000);
        assertThat(late).startsWith("HTTP/1.1 408").contains("headers: the request head");
        assertThat(System.currentTimeMillis() - begun).isLessThan(BODY_MS + 1_500);
        assertThat(closed(silent)).isTrue();
      }

      // a head sent a header line every 200 ms, each well within the idle timeout
      OutputStream out = trickler.getOutputStream();
      long start = System.currentTimeMillis();
      out.write("POST /v1/scores HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = "";
      for (int i = 0; i < 20 && answer.isEmpty(); i++) {
        try {
          out.write(("X-Pad-" + i + ": y\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException closed) {
          break;
        }
        answer = readAll(trickler, 200);
      }
      long at = System.currentTimeMillis() - start;
      assertThat(answer)
          .startsWith("HTTP/1.1 408")
          .contains("connection: close", "application/problem+json", "headers: the request head");
      assertThat(at)
          .as("408 within the head deadline (plus slack), ms")
          .isLessThan(BODY_MS + 1_500);
      assertThat(closed(trickler)).isTrue();
    }
  }

  @Test
  void aPortHoldsNoMoreConnectionsThanItsCap() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    try (TestGateway gw = TestGateway.startWithLimits(AUTH, 4, new EdgeLimits(BODY_MS, 2, 20))) {
      gw.http.close(); // its pooled connections would count against the cap
      for (int i = 0; i < 30; i++) {
        sockets.add(new Socket(InetAddress.getLoopbackAddress(), gw.port));
      }
      // polled rather than read once: a loaded machine may accept the 30 late, not wrongly
      Set<Socket> refused = new HashSet<>();
      long deadline = System.currentTimeMillis() + 5_000;
      while (refused.size() < 10 && System.currentTimeMillis() < deadline) {
        for (Socket s : sockets) {
          if (!refused.contains(s) && closed(s, 20)) {
            refused.add(s);
          }
        }
      }
      assertThat(refused).as("connections beyond the cap of 20 are closed at once").hasSize(10);
      TestGateway.sleep(300);
      for (Socket s : sockets) {
        if (!refused.contains(s)) {
          assertThat(closed(s, 20)).as("a connection within the cap stays open").isFalse();
        }
      }
      // a slot freed is a connection served again
      sockets.get(0).close();
      TestGateway.sleep(200);
      RawHttp.Answer ok = RawHttp.send(gw.port, "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(ok.status()).as("404 from the router: the connection was served").isEqualTo(404);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  /** Headers for a 100,000-byte body, 10 bytes of it, then a byte every 100 ms. */
  private static Socket slowBody(int port, String token, ScheduledExecutorService trickle)
      throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    OutputStream out = s.getOutputStream();
    out.write(
        ("POST /v1/scores HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: 100000\r\n\r\n{\"user\":\"u")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    // not awaited: it ends by throwing once the socket closes, or with trickle.shutdownNow()
    ScheduledFuture<?> unused =
        trickle.scheduleAtFixedRate(
            () -> {
              try {
                out.write(' ');
                out.flush();
              } catch (IOException e) {
                throw new IllegalStateException("closed"); // ends this trickle
              }
            },
            100,
            100,
            TimeUnit.MILLISECONDS);
    return s;
  }

  /** What arrives within {@code ms} (less when the server closes first); empty when nothing did. */
  static String readAll(Socket s, int ms) throws IOException {
    StringBuilder sb = new StringBuilder();
    long deadline = System.currentTimeMillis() + ms;
    byte[] buf = new byte[4096];
    while (System.currentTimeMillis() < deadline) {
      s.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
      try {
        int n = s.getInputStream().read(buf);
        if (n < 0) {
          break;
        }
        sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        if (sb.indexOf("\r\n\r\n") >= 0
            && sb.toString().toLowerCase(Locale.ROOT).contains("content-length")) {
          int head = sb.indexOf("\r\n\r\n");
          String len =
              sb.substring(0, head)
                  .toLowerCase(Locale.ROOT)
                  .replaceAll("(?s).*content-length: *(\\d+).*", "$1");
          if (sb.length() >= head + 4 + Integer.parseInt(len)) {
            break;
          }
        }
      } catch (SocketTimeoutException e) {
        break;
      } catch (IOException e) {
        break; // reset after the answer
      }
    }
    return sb.toString().replace("Connection", "connection").replace("Retry-After", "retry-after");
  }

  static boolean closed(Socket s) throws IOException {
    return closed(s, 1_000);
  }

  /** Whether the server has closed the connection (end of stream or reset within {@code ms}). */
  static boolean closed(Socket s, int ms) throws IOException {
    s.setSoTimeout(ms);
    try {
      byte[] buf = new byte[4096];
      while (true) {
        if (s.getInputStream().read(buf) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
