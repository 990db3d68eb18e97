package io.scoregateway.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Request body content codings ({@code Content-Encoding}): identity, gzip and deflate. Decoding is
 * bounded: a body that inflates past the limit stops being read there, so a small compressed body
 * cannot make the gateway hold more than the limit (a "zip bomb").
 */
public enum ContentCoding {
  IDENTITY,
  GZIP,
  DEFLATE;

  /** Thrown when the decoded body would exceed the limit. */
  public static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("decoded body larger than the limit", null, false, false);
    }
  }

  /** The coding a header names, or null when the gateway does not decode it. */
  public static ContentCoding of(String header) {
    if (header == null) {
      return IDENTITY;
    }
    return switch (header.trim().toLowerCase(Locale.ROOT)) {
      case "", "identity" -> IDENTITY;
      case "gzip", "x-gzip" -> GZIP;
      case "deflate" -> DEFLATE;
      default -> null;
    };
  }

  /**
   * The decoded body.
   *
   * @throws TooLarge when it would be longer than {@code maxBytes}
   * @throws InvalidInput when the bytes are not valid for this coding
   */
  public byte[] decode(byte[] body, int maxBytes) {
    if (this == IDENTITY) {
      return body;
    }
    try (InputStream in =
        this == GZIP
            ? new GZIPInputStream(new ByteArrayInputStream(body), 8192)
            : new InflaterInputStream(new ByteArrayInputStream(body))) {
      ByteArrayOutputStream out =
          new ByteArrayOutputStream(Math.min(maxBytes, body.length * 4 + 64));
      byte[] chunk = new byte[8192];
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (out.size() + n > maxBytes) {
          throw new TooLarge();
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      // truncated streams, bad headers and bad checksums all end here: no library text to the
      // caller
      throw new InvalidInput(
          "body", "not valid " + name().toLowerCase(Locale.ROOT) + " data (Content-Encoding)");
    }
  }
}
