package io.scoregateway.auth;

import java.util.Set;

/**
 * A caller known by the SHA-256 of its bearer token (the token itself is never stored).
 *
 * @param rateLimit requests per second this client may make; 0 = unlimited
 */
// the digest is compared in constant time (MessageDigest.isEqual), never through the record's
// equals
@SuppressWarnings("ArrayRecordComponent")
public record Client(String name, Set<Role> roles, byte[] tokenSha256, double rateLimit) {

  public Client(String name, Set<Role> roles, byte[] tokenSha256) {
    this(name, roles, tokenSha256, 0);
  }
}
