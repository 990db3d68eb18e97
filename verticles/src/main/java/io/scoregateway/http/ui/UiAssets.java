package io.scoregateway.http.ui;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The operations page's files, read once from the jar's {@code ui/} folder into memory. Only the
 * files listed here exist: a request can name nothing else, so no path reaches the file system.
 */
public final class UiAssets {
  /** The vendored charting library: its folder names the version, so its files never change. */
  static final String VENDOR = "vendor/uplot-1.6.32/";

  static final List<String> FILES =
      List.of(
          "index.html",
          "app.css",
          "app.js",
          "api.js",
          "gateway.js",
          "campaigns.js",
          "charts.js",
          "snapshots.js",
          "format.js",
          VENDOR + "uPlot.iife.min.js",
          VENDOR + "uPlot.min.css",
          VENDOR + "LICENSE");

  /** One file: its bytes, content type, cache policy and entity tag. */
  record Asset(Buffer body, String contentType, String cacheControl, String etag) {}

  private final Map<String, Asset> byName;

  private UiAssets(Map<String, Asset> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** The file at this path below {@code /ui/}, or null. */
  Asset get(String name) {
    return byName.get(name);
  }

  /** Reads every file (blocking: call it off the event loop); fails if one is missing. */
  public static UiAssets load() {
    Map<String, Asset> out = new HashMap<>();
    ClassLoader loader = UiAssets.class.getClassLoader();
    for (String name : FILES) {
      try (InputStream in = loader.getResourceAsStream("ui/" + name)) {
        if (in == null) {
          throw new IllegalStateException("ui/" + name + " is missing from the jar");
        }
        byte[] bytes = in.readAllBytes();
        String cache = name.startsWith(VENDOR) ? "public, max-age=31536000, immutable" : "no-cache";
        out.put(name, new Asset(Buffer.buffer(bytes), contentType(name), cache, etag(bytes)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new UiAssets(out);
  }

  static String contentType(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "text/plain; charset=utf-8";
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
