package io.scoregateway.redis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks Redis connection URLs and hides their credentials. {@link #redact} is the one place that
 * decides what of a URL may be shown: every log line and error message that carries a Redis URL (or
 * text that may embed one) goes through it.
 */
public final class RedisUrl {
  /**
   * The user-info part of a URL ({@code redis://user:secret@}, {@code redis://:secret@}); any
   * scheme, since a mistyped URL ({@code http://}, {@code redis:/}) carries the same password.
   */
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*:/{1,2})([^@/\\s,]*)@");

  /** A password passed as a query parameter ({@code ?password=secret}). */
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)[^&\\s,]*");

  private RedisUrl() {}

  /** The text with every Redis URL's password replaced by {@code ***} (the user name stays). */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out =
        USER_INFO
            .matcher(text)
            .replaceAll(
                m -> {
                  String info = m.group(2);
                  int colon = info.indexOf(':');
                  String user = colon < 0 ? "" : info.substring(0, colon);
                  return java.util.regex.Matcher.quoteReplacement(m.group(1) + user + ":***@");
                });
    return PASSWORD_PARAM.matcher(out).replaceAll("$1***");
  }

  /** The URLs joined for a log line, each redacted. */
  public static String redact(List<String> urls) {
    return redact(String.join(",", urls));
  }

  /**
   * Why {@code url} cannot be a Redis endpoint, or null when it can: a redis:// or rediss://
   * scheme, a host, and a port in 1..65535 when one is given. The reason never repeats a password.
   */
  public static String problem(String url) {
    if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
      return "'" + redact(url) + "' must start with redis:// or rediss://";
    }
    String rest = url.substring(url.indexOf("://") + 3);
    int end = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String authority = rest.substring(0, end);
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    String host = hostPort;
    String port = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      host = close < 0 ? "" : hostPort.substring(1, close);
      port =
          close >= 0 && hostPort.length() > close + 1 && hostPort.charAt(close + 1) == ':'
              ? hostPort.substring(close + 2)
              : null;
    } else if (hostPort.lastIndexOf(':') >= 0) {
      host = hostPort.substring(0, hostPort.lastIndexOf(':'));
      port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
    }
    if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
      return "'" + redact(url) + "' has no valid host";
    }
    if (port != null
        && (!port.matches("\\d{1,5}")
            || Integer.parseInt(port) < 1
            || Integer.parseInt(port) > 65535)) {
      return "'" + redact(url) + "': port must be between 1 and 65535, got '" + port + "'";
    }
    return null;
  }
}
