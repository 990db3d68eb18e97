package io.scoregateway.gateway.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Resolves every key by precedence: flag, then environment variable, then YAML file, then default.
 */
public final class ConfigSources {
  private ConfigSources() {}

  public static Map<ConfigKey, String> resolve(
      Map<ConfigKey, String> flags, Map<String, String> env, Path yamlFile) {
    return resolve(flags, env, yamlFile, Map.of());
  }

  /**
   * The same, with some keys defaulting otherwise for one command ({@code dev} writes the exposure
   * log to a file unless told otherwise).
   */
  public static Map<ConfigKey, String> resolve(
      Map<ConfigKey, String> flags,
      Map<String, String> env,
      Path yamlFile,
      Map<ConfigKey, String> defaults) {
    Map<String, Object> yaml = yamlFile == null ? Map.of() : readYaml(yamlFile);
    for (String k : yaml.keySet()) {
      if (known(k) == null) {
        throw new ConfigException("--config " + yamlFile + ": unknown key '" + k + "'");
      }
    }
    Map<ConfigKey, String> out = new EnumMap<>(ConfigKey.class);
    for (ConfigKey k : ConfigKey.values()) {
      String v = flags.get(k);
      if (v == null) {
        v = env.get(k.env());
      }
      if (v == null && yaml.get(k.yaml()) != null) {
        v = String.valueOf(yaml.get(k.yaml()));
      }
      out.put(k, v == null ? defaults.getOrDefault(k, k.defaultValue()) : v);
    }
    return out;
  }

  private static ConfigKey known(String yamlName) {
    for (ConfigKey k : ConfigKey.values()) {
      if (k.yaml().equals(yamlName)) {
        return k;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readYaml(Path file) {
    Object doc = YamlFile.load(file, "--config");
    if (doc == null) {
      return Map.of();
    }
    if (!(doc instanceof Map)) {
      throw new ConfigException("--config " + file + ": must be a YAML mapping of keys to values");
    }
    return (Map<String, Object>) doc;
  }
}
