package io.scoregateway.auth;

import java.util.Set;

/**
 * A caller known by the SHA-256 of its bearer token (the token itself is never stored).
 *
 * @param rateLimit requests per second this client may make; 0 = unlimited
 */
public record Client(String name, Set<Role> roles, byte[] tokenSha256, double rateLimit) {

  public Client(String name, Set<Role> roles, byte[] tokenSha256) {
    this(name, roles, tokenSha256, 0);
  }
}
