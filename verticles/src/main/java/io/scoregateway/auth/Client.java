package io.scoregateway.auth;

import java.util.Set;

/** A caller known by the SHA-256 of its bearer token (the token itself is never stored). */
public record Client(String name, Set<Role> roles, byte[] tokenSha256) {}
