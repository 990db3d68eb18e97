package io.scoregateway.http;

import io.vertx.ext.web.RoutingContext;

/** Request content-type and Accept checks shared by every JSON endpoint. */
public final class ContentTypes {
  private ContentTypes() {}

  /**
   * 415 unless the body is declared JSON, once, in UTF-8 (RFC 8259): another charset, or two
   * Content-Type headers, would have the body read other than its sender meant.
   */
  public static void requireJson(RoutingContext ctx) {
    String ct = ctx.request().getHeader("content-type");
    if (ct == null || !mediaType(ct).equals("application/json")) {
      throw new Problem(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "content-type: expected application/json, got " + (ct == null ? "none" : ct));
    }
    if (ctx.request().headers().getAll("content-type").size() > 1) {
      throw new Problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "content-type: given more than once");
    }
    String charset = charset(ct);
    // us-ascii is a subset of UTF-8; utf8 a common spelling of it
    if (charset != null
        && !charset.equals("utf-8")
        && !charset.equals("utf8")
        && !charset.equals("us-ascii")) {
      throw new Problem(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "content-type: charset " + charset + " is not supported (JSON is UTF-8)");
    }
  }

  /** The charset parameter, lower case and unquoted, or null. */
  private static String charset(String header) {
    for (String param : header.split(";", -1)) {
      int eq = param.indexOf('=');
      if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("charset")) {
        return param.substring(eq + 1).trim().replace("\"", "").toLowerCase(java.util.Locale.ROOT);
      }
    }
    return null;
  }

  /** True when the Accept header names {@code type}. */
  public static boolean accepts(RoutingContext ctx, String type) {
    String accept = ctx.request().getHeader("accept");
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(type);
  }

  private static String mediaType(String header) {
    int semi = header.indexOf(';');
    return (semi < 0 ? header : header.substring(0, semi))
        .trim()
        .toLowerCase(java.util.Locale.ROOT);
  }
}
