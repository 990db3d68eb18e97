package io.scoregateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * Checks {@code Authorization: Bearer <token>} against the tokens file: the token's SHA-256 is
 * compared with every client's in constant time, so timing reveals neither which client matched nor
 * how much of a hash did. A caller without a valid token is unauthenticated (401), one without the
 * role forbidden (403).
 */
public final class TokenAuthenticator {
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

  /**
   * The client of an {@code Authorization} header holding {@code role}.
   *
   * @throws AccessDenied without a valid bearer token, or when its client lacks the role
   */
  public Client authorize(String header, Role role) {
    Client c = authenticate(header);
    if (c == null) {
      throw new AccessDenied(
          AccessDenied.Reason.UNAUTHENTICATED, "authorization: missing or invalid bearer token");
    }
    if (!c.roles().contains(role)) {
      throw new AccessDenied(
          AccessDenied.Reason.FORBIDDEN,
          "authorization: client "
              + c.name()
              + " lacks role "
              + role.name().toLowerCase(Locale.ROOT));
    }
    return c;
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
