package io.scoregateway.gateway.config;

import io.scoregateway.codec.Ids;
import io.scoregateway.config.ExposureConfig;
import io.scoregateway.config.MeasurementConfig;
import io.scoregateway.model.Holdout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The surface holdouts and the exposure log's sink, read and checked from their keys. */
final class MeasurementSettings {
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  private MeasurementSettings() {}

  static MeasurementConfig from(ConfigValues v) {
    return new MeasurementConfig(surfaceHoldouts(v), exposure(v));
  }

  private static Map<String, Holdout> surfaceHoldouts(ConfigValues v) {
    String salt = v.nonEmpty(ConfigKey.SURFACE_HOLDOUT_SALT);
    if (!Ids.valid(salt)) {
      throw new ConfigException(
          ConfigKey.SURFACE_HOLDOUT_SALT, "must match [A-Za-z0-9._:-]{1,128}, got '" + salt + "'");
    }
    Map<String, Holdout> out = new LinkedHashMap<>();
    String raw = v.text(ConfigKey.SURFACE_HOLDOUTS);
    if (raw.isEmpty()) {
      return out;
    }
    for (String entry : raw.split(",", -1)) {
      String e = entry.trim();
      int eq = e.indexOf('=');
      String surface = eq < 0 ? e : e.substring(0, eq).trim();
      if (eq < 0 || !Ids.valid(surface)) {
        throw new ConfigException(
            ConfigKey.SURFACE_HOLDOUTS,
            "expected surface=share entries separated by commas (e.g. autoplay=0.05), got '"
                + e
                + "'");
      }
      double share;
      try {
        share = Double.parseDouble(e.substring(eq + 1).trim());
      } catch (NumberFormatException x) {
        share = Double.NaN;
      }
      if (!(share > 0 && share <= 1)) {
        throw new ConfigException(
            ConfigKey.SURFACE_HOLDOUTS,
            surface + ": the share must be a number in (0, 1], got '" + e.substring(eq + 1) + "'");
      }
      if (out.put(surface, new Holdout(share, salt + "/" + surface)) != null) {
        throw new ConfigException(ConfigKey.SURFACE_HOLDOUTS, surface + " is listed twice");
      }
    }
    return out;
  }

  private static ExposureConfig exposure(ConfigValues v) {
    ExposureConfig.Sink sink =
        oneOf(v, ConfigKey.EXPOSURE_SINK, ExposureConfig.Sink.class, "none, file or kafka");
    String file = v.nonEmpty(ConfigKey.EXPOSURE_FILE);
    String servers = v.text(ConfigKey.EXPOSURE_KAFKA_BOOTSTRAP_SERVERS);
    String topic = v.nonEmpty(ConfigKey.EXPOSURE_KAFKA_TOPIC);
    if (!TOPIC.matcher(topic).matches()) {
      throw new ConfigException(
          ConfigKey.EXPOSURE_KAFKA_TOPIC, "must match [A-Za-z0-9._-]{1,249}, got '" + topic + "'");
    }
    ExposureConfig.KafkaFormat format =
        oneOf(
            v,
            ConfigKey.EXPOSURE_KAFKA_FORMAT,
            ExposureConfig.KafkaFormat.class,
            "protobuf or json");
    if (sink == ExposureConfig.Sink.KAFKA) {
      checkServers(servers);
    }
    if (sink == ExposureConfig.Sink.FILE) {
      Path dir = Path.of(file).toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
        throw new ConfigException(
            ConfigKey.EXPOSURE_FILE, "its directory " + dir + " does not exist or is not writable");
      }
    }
    return new ExposureConfig(
        sink,
        file,
        servers,
        topic,
        format,
        v.integer(ConfigKey.EXPOSURE_BUFFER_RECORDS),
        v.text(ConfigKey.EXPOSURE_LISTENER_SALT));
  }

  /**
   * The constant of {@code type} the key names, in any case; else a refusal listing {@code names}.
   */
  private static <E extends Enum<E>> E oneOf(
      ConfigValues v, ConfigKey key, Class<E> type, String names) {
    String name = v.nonEmpty(key);
    try {
      return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "must be " + names + ", got '" + name + "'");
    }
  }

  private static void checkServers(String servers) {
    if (servers.isEmpty()) {
      throw new ConfigException(
          ConfigKey.EXPOSURE_KAFKA_BOOTSTRAP_SERVERS, "is required with --exposure-sink kafka");
    }
    for (String s : servers.split(",", -1)) {
      String e = s.trim();
      int colon = e.lastIndexOf(':');
      int port = -1;
      try {
        port = colon > 0 ? Integer.parseInt(e.substring(colon + 1)) : -1;
      } catch (NumberFormatException ignored) {
        // reported below
      }
      if (port < 1 || port > 65535) {
        throw new ConfigException(
            ConfigKey.EXPOSURE_KAFKA_BOOTSTRAP_SERVERS,
            "expected host:port entries separated by commas, got '" + e + "'");
      }
    }
  }
}
