package io.scoregateway.http;

import io.scoregateway.auth.AccessDenied;
import io.scoregateway.auth.Role;
import io.scoregateway.auth.TokenAuthenticator;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * Admits only clients of the tokens file holding the route's role and leaves the client in the
 * routing context for the per-client limits; anyone else is answered 401 (with {@code
 * WWW-Authenticate}) or 403. It runs on the headers, before the body is read.
 */
final class BearerAuth implements PlatformHandler {
  /** Routing-context key of the authenticated {@link io.scoregateway.auth.Client}. */
  static final String CLIENT_KEY = "client";

  private final TokenAuthenticator auth;
  private final Role role;

  BearerAuth(TokenAuthenticator auth, Role role) {
    this.auth = auth;
    this.role = role;
  }

  @Override
  public void handle(RoutingContext ctx) {
    try {
      ctx.put(CLIENT_KEY, auth.authorize(ctx.request().getHeader("authorization"), role));
    } catch (AccessDenied denied) {
      if (denied.reason() == AccessDenied.Reason.UNAUTHENTICATED) {
        ctx.response().putHeader("www-authenticate", "Bearer");
      }
      Problem.send(ctx, Failures.classify(denied));
      return;
    }
    ctx.next();
  }
}
