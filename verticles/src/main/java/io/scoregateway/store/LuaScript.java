package io.scoregateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The registry of Lua scripts shipped from {@code lua-scripts/}; SHA1 computed once at start. */
public enum LuaScript {
  PACING_REFRESH("pacing_refresh.lua"),
  CAMPAIGN_PUT("campaign_put.lua"),
  CAMPAIGN_DELETE("campaign_delete.lua"),
  DELIVERY_CAMPAIGN("delivery_campaign.lua"),
  DELIVERY_USER("delivery_user.lua");

  private final String file;
  private final String source;
  private final String sha1;

  LuaScript(String file) {
    this.file = file;
    this.source = load(file);
    this.sha1 = sha1(source);
  }

  public String file() {
    return file;
  }

  public String source() {
    return source;
  }

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
