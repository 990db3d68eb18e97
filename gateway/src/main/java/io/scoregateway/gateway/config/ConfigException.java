package io.scoregateway.gateway.config;

/** Invalid configuration, naming the key; the process refuses to start. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(ConfigKey key, String message) {
    super(key.flag() + " (" + key.env() + ", " + key.yaml() + "): " + message);
  }

  public ConfigException(String message) {
    super(message);
  }
}
