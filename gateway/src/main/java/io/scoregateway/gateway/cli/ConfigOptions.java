package io.scoregateway.gateway.cli;

import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.config.ConfigSources;
import io.scoregateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The configuration flags every command accepts: {@code --config} and one flag per {@link
 * ConfigKey}, named, described and typed as the key declares (see the README's config table).
 */
@Command(modelTransformer = ConfigOptions.KeyFlags.class)
public final class ConfigOptions {
  @Option(names = "--config", description = "YAML config file (flags and environment override it)")
  Path config;

  /** The flags given on the command line (absent ones are left to env, file and defaults). */
  private final Map<ConfigKey, String> given = new EnumMap<>(ConfigKey.class);

  /** Adds a flag for every key to the command these options are mixed into. */
  public static final class KeyFlags implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
      ConfigOptions options =
          command.mixins().values().stream()
              .map(CommandSpec::userObject)
              .filter(ConfigOptions.class::isInstance)
              .map(ConfigOptions.class::cast)
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException(command.name() + " does not mix in the flags"));
      for (ConfigKey k : ConfigKey.values()) {
        command.addOption(options.flag(k));
      }
      return command;
    }
  }

  private OptionSpec flag(ConfigKey k) {
    boolean isSwitch = k.kind() == ConfigKey.Kind.SWITCH;
    String defaults = k.defaultValue().isEmpty() ? "" : ", default " + k.defaultValue();
    FlagValue value = new FlagValue(k);
    return OptionSpec.builder(k.flag())
        .type(isSwitch ? Boolean.class : String.class)
        .arity(isSwitch ? "0" : "1")
        .paramLabel("<" + k.yaml() + ">")
        .description(k.description() + " (env " + k.env() + defaults + ")")
        .getter(value)
        .setter(value)
        .build();
  }

  /** Where picocli puts one key's flag: a switch given is "true", a value is kept as typed. */
  private final class FlagValue implements IGetter, ISetter {
    private final ConfigKey key;

    FlagValue(ConfigKey key) {
      this.key = key;
    }

    @Override
    // picocli's IGetter declares the type parameter; the caller names the type it expects
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    public <T> T get() {
      String v = given.get(key);
      return (T) (key.kind() == ConfigKey.Kind.SWITCH ? (v == null ? null : Boolean.TRUE) : v);
    }

    @Override
    public <T> T set(T value) {
      T previous = get();
      if (value == null || Boolean.FALSE.equals(value)) {
        given.remove(key);
      } else {
        given.put(key, value.toString());
      }
      return previous;
    }
  }

  /** Resolves flags, then the process environment, then the YAML file, then defaults. */
  public GatewayConfig resolve() {
    return GatewayConfig.from(ConfigSources.resolve(flags(), System.getenv(), config));
  }

  /** The same with some keys forced (used by {@code dev}). */
  GatewayConfig resolveWith(Map<ConfigKey, String> forced) {
    return resolveWith(forced, Map.of());
  }

  /** The same with some keys forced and some defaulting otherwise (used by {@code dev}). */
  GatewayConfig resolveWith(Map<ConfigKey, String> forced, Map<ConfigKey, String> defaults) {
    Map<ConfigKey, String> f = flags();
    f.putAll(forced);
    return GatewayConfig.from(ConfigSources.resolve(f, System.getenv(), config, defaults));
  }

  /** A copy of the flags given on the command line. */
  Map<ConfigKey, String> flags() {
    return new EnumMap<>(given);
  }
}
