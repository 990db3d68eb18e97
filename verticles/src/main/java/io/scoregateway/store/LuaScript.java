package io.scoregateway.store;

import io.scoregateway.redis.RedisScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The registry of Lua scripts shipped from {@code lua-scripts/}; SHA1 computed once at start. Every
 * link the stores use loads {@link #ALL} on each connection.
 */
public enum LuaScript implements RedisScript {
  PACING_REFRESH("pacing_refresh.lua"),
  CAMPAIGN_PUT("campaign_put.lua"),
  CAMPAIGN_DELETE("campaign_delete.lua"),
  DELIVERY_CAMPAIGN("delivery_campaign.lua"),
  DELIVERY_USER("delivery_user.lua");

  /** Every script: what the links of a connector load. */
  public static final List<LuaScript> ALL = List.of(values());

  private final String file;
  private final String source;
  private final String sha1;

  LuaScript(String file) {
    this.file = file;
    this.source = load(file);
    this.sha1 = sha1(source);
  }

  @Override
  public String file() {
    return file;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public String sha1() {
    return sha1;
  }

  private static String load(String file) {
    try (InputStream in = LuaScript.class.getResourceAsStream("/lua/" + file)) {
      if (in == null) {
        throw new IllegalStateException("Lua script missing from the classpath: lua/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
