package io.scoregateway.gateway.config;

import io.scoregateway.auth.Client;
import io.scoregateway.auth.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code clients: [{name, roles, token_sha256}]}; any problem names the entry and field. */
public final class TokensFile {
  private TokensFile() {}

  /**
   * Reads the clients of a tokens file.
   *
   * @param defaultRateLimit requests/s for clients without their own {@code rate_limit}
   */
  public static List<Client> load(Path file, double defaultRateLimit) {
    Object doc =
        YamlFile.load(
            file, ConfigKey.TOKENS_FILE.flag() + " (" + ConfigKey.TOKENS_FILE.env() + ")");
    if (!(doc instanceof Map<?, ?> root) || !(root.get("clients") instanceof List<?> entries)) {
      throw new ConfigException(
          ConfigKey.TOKENS_FILE, file + ": expected a mapping with a 'clients' list");
    }
    List<Client> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = file + ": clients[" + i + "]";
      if (!(entries.get(i) instanceof Map<?, ?> e)) {
        throw new ConfigException(ConfigKey.TOKENS_FILE, at + ": must be a mapping");
      }
      if (!(e.get("name") instanceof String name) || name.isBlank()) {
        throw new ConfigException(ConfigKey.TOKENS_FILE, at + ".name: required");
      }
      if (!(e.get("roles") instanceof List<?> roleNames) || roleNames.isEmpty()) {
        throw new ConfigException(
            ConfigKey.TOKENS_FILE, at + ".roles: required (score, deliver, admin)");
      }
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (Object r : roleNames) {
        Role role = Role.parse(String.valueOf(r));
        if (role == null) {
          throw new ConfigException(ConfigKey.TOKENS_FILE, at + ".roles: unknown role '" + r + "'");
        }
        roles.add(role);
      }
      if (!(e.get("token_sha256") instanceof String hex) || !hex.matches("[0-9a-fA-F]{64}")) {
        throw new ConfigException(
            ConfigKey.TOKENS_FILE, at + ".token_sha256: must be 64 hex characters");
      }
      double rate = defaultRateLimit;
      if (e.get("rate_limit") != null) {
        if (!(e.get("rate_limit") instanceof Number n) || n.doubleValue() < 0) {
          throw new ConfigException(
              ConfigKey.TOKENS_FILE, at + ".rate_limit: must be a number >= 0 (requests/s)");
        }
        rate = n.doubleValue();
      }
      out.add(
          new Client(
              name, roles, HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT)), rate));
    }
    return out;
  }
}
