package io.scoregateway.gateway.config;

import io.scoregateway.gateway.config.ConfigKey.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The resolved settings read as their keys declare them; a value that does not fit fails naming the
 * key.
 */
final class ConfigValues {
  private final Map<ConfigKey, String> raw;

  ConfigValues(Map<ConfigKey, String> raw) {
    this.raw = raw;
  }

  /** The value trimmed. */
  String text(ConfigKey k) {
    return of(k, Kind.TEXT).trim();
  }

  String nonEmpty(ConfigKey k) {
    String s = of(k, Kind.NON_EMPTY).trim();
    if (s.isEmpty()) {
      throw new ConfigException(k, "must not be empty");
    }
    return s;
  }

  /** The file's path, or null when none is given. */
  String pemFile(ConfigKey k) {
    String s = of(k, Kind.PEM_FILE).trim();
    if (s.isEmpty()) {
      return null;
    }
    if (!Files.isReadable(Path.of(s))) {
      throw new ConfigException(k, "cannot read " + s);
    }
    return s;
  }

  long number(ConfigKey k) {
    String s = of(k, Kind.NUMBER).trim();
    long n;
    try {
      n = Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new ConfigException(k, "must be a whole number, got '" + s + "'");
    }
    if (n < k.min() || n > k.max()) {
      throw new ConfigException(k, "must be between " + k.min() + " and " + k.max() + ", got " + n);
    }
    return n;
  }

  /** A number whose bounds fit an {@code int}. */
  int integer(ConfigKey k) {
    return Math.toIntExact(number(k));
  }

  boolean bool(ConfigKey k) {
    String s = of(k, Kind.BOOLEAN, Kind.SWITCH).trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no", "" -> false;
      default -> throw new ConfigException(k, "must be true or false, got '" + s + "'");
    };
  }

  private String of(ConfigKey k, Kind... readable) {
    for (Kind kind : readable) {
      if (k.kind() == kind) {
        return raw.get(k);
      }
    }
    throw new IllegalArgumentException(k + " is declared " + k.kind() + ", not read as such");
  }
}
