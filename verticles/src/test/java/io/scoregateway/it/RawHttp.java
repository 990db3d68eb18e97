package io.scoregateway.it;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP over a bare socket, for requests a well-behaved client will not send (no Host, huge request
 * lines and header blocks). Reads until the server closes or the declared body has arrived.
 */
final class RawHttp {
  /** One answer: the status line as sent, lower-cased headers and the body. */
  record Answer(String statusLine, Map<String, String> headers, String body) {
    int status() {
      return Integer.parseInt(statusLine.split(" ", -1)[1]);
    }

    JsonObject json() {
      return new JsonObject(body);
    }

    @Override
    public String toString() {
      return statusLine
          + " "
          + headers
          + " "
          + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }

  private RawHttp() {}

  static Answer send(int port, String head, byte[] body) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return read(s.getInputStream());
    }
  }

  static Answer send(int port, String head) throws IOException {
    return send(port, head, null);
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int headEnd = -1;
    int length = -1;
    while (true) {
      int n;
      try {
        n = in.read(buf);
      } catch (SocketTimeoutException e) {
        break;
      } catch (IOException e) {
        break; // a reset after the answer was written still leaves the answer readable
      }
      if (n < 0) {
        break;
      }
      all.write(buf, 0, n);
      String sofar = all.toString(StandardCharsets.ISO_8859_1);
      if (headEnd < 0 && (headEnd = sofar.indexOf("\r\n\r\n")) >= 0) {
        String cl = header(sofar.substring(0, headEnd), "content-length");
        length = cl == null ? -1 : Integer.parseInt(cl.trim());
      }
      if (headEnd >= 0 && length >= 0 && all.size() >= headEnd + 4 + length) {
        break;
      }
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n", -1);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    return new Answer(lines[0], headers, text.substring(end + 4));
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n", -1)) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1);
      }
    }
    return null;
  }
}
