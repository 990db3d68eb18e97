package io.scoregateway.http;

import io.vertx.ext.web.RoutingContext;

/** Request content-type and Accept checks shared by every JSON endpoint. */
public final class ContentTypes {
  private ContentTypes() {}

  /** 415 unless the body is declared JSON. */
  public static void requireJson(RoutingContext ctx) {
    String ct = ctx.request().getHeader("content-type");
    if (ct == null || !mediaType(ct).equals("application/json")) {
      throw new Problem(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "content-type: expected application/json, got " + (ct == null ? "none" : ct));
    }
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
