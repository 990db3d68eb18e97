package io.scoregateway.redis;

/**
 * A Lua script a link loads ({@code SCRIPT LOAD}) on every connection before using it, and runs by
 * SHA1 ({@link RedisCall#eval}); which scripts exist is the caller's registry, not the transport's.
 */
public interface RedisScript {
  /** The file it comes from, for log lines and errors. */
  String file();

  String source();

  /** The SHA1 of {@link #source()} in hex, as Redis names the script. */
  String sha1();
}
