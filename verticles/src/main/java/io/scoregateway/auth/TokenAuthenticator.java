package io.scoregateway.auth;

import io.scoregateway.http.Problem;
import io.scoregateway.http.ProblemType;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Checks {@code Authorization: Bearer <token>} against the tokens file: the token's SHA-256 is
 * compared with every client's in constant time, so timing reveals neither which client matched nor
 * how much of a hash did. 401 without a valid token, 403 without the role.
 */
public final class TokenAuthenticator {
  public static final String CLIENT_KEY = "client";
  private static final String PREFIX = "Bearer ";

  // replaced whole when the tokens file changes; each request reads one consistent list
  private volatile List<Client> clients;

  public TokenAuthenticator(List<Client> clients) {
    this.clients = List.copyOf(clients);
  }

  /**
   * Serves the next requests with these clients (a re-read tokens file); requests under way keep
   * theirs.
   */
  public void replace(List<Client> next) {
    this.clients = List.copyOf(next);
  }

  /** How many clients are known. */
  public int size() {
    return clients.size();
  }

  /** A route handler admitting only clients holding {@code role}. */
  public Handler<RoutingContext> require(Role role) {
    return ctx -> {
      Client c = authenticate(ctx.request().getHeader("authorization"));
      if (c == null) {
        ctx.response().putHeader("www-authenticate", "Bearer");
        Problem.send(
            ctx, ProblemType.UNAUTHORIZED, "authorization: missing or invalid bearer token");
      } else if (!c.roles().contains(role)) {
        Problem.send(
            ctx,
            ProblemType.FORBIDDEN,
            "authorization: client "
                + c.name()
                + " lacks role "
                + role.name().toLowerCase(java.util.Locale.ROOT));
      } else {
        ctx.put(CLIENT_KEY, c);
        ctx.next();
      }
    };
  }

  /** The client owning the token, or null. */
  public Client authenticate(String header) {
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    byte[] digest = sha256(header.substring(PREFIX.length()).trim());
    Client found = null;
    List<Client> known = clients;
    for (Client c : known) {
      if (MessageDigest.isEqual(digest, c.tokenSha256()) && found == null) {
        found = c;
      }
    }
    return found;
  }

  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
