package io.scoregateway.allocate;

import io.scoregateway.codec.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allocation of every surface: the rules of the surfaces named in the config, and those of
 * every other surface ({@code *}, else {@link SurfaceRules#DEFAULTS}).
 *
 * <p>Written as {@code surface: key=value, key=value; other: ...}, for example {@code *:
 * max_skip_rate=0.6; autoplay: floor=0.2, per_label=1; radio: policy=relevance}. A named surface
 * starts from the {@code *} rules and overrides what it lists. Keys: {@code policy} ({@code
 * balanced} | {@code relevance}), {@code floor}, {@code per_label}, {@code max_skip_rate}, {@code
 * min_plays}, {@code hold_share}.
 */
public record AllocationRules(SurfaceRules others, Map<String, SurfaceRules> surfaces) {
  public static final AllocationRules DEFAULTS =
      new AllocationRules(SurfaceRules.DEFAULTS, Map.of());

  private static final List<String> KEYS =
      List.of("policy", "floor", "per_label", "max_skip_rate", "min_plays", "hold_share");

  public AllocationRules {
    // in the order the operator listed them (the live-state GET names them in that order)
    surfaces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(surfaces));
  }

  public SurfaceRules forSurface(String surface) {
    SurfaceRules r = surfaces.get(surface);
    return r != null ? r : others;
  }

  /** Every surface an operator named, and {@code *} for the rest. */
  public Map<String, SurfaceRules> named() {
    Map<String, SurfaceRules> out = new LinkedHashMap<>(surfaces);
    out.put("*", others);
    return out;
  }

  /**
   * Parses the config form; an empty string gives the defaults.
   *
   * @throws IllegalArgumentException naming the surface and the setting at fault
   */
  public static AllocationRules parse(String spec) {
    Map<String, String> bodies = new LinkedHashMap<>();
    for (String part : spec.split(";", -1)) {
      if (part.isBlank()) {
        continue;
      }
      int colon = part.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "'" + part.trim() + "': expected surface: key=value, ...");
      }
      String surface = part.substring(0, colon).trim();
      if (!surface.equals("*") && !Ids.valid(surface)) {
        throw new IllegalArgumentException("'" + surface + "': not a surface id (or *)");
      }
      if (bodies.put(surface, part.substring(colon + 1)) != null) {
        throw new IllegalArgumentException(surface + ": listed twice");
      }
    }
    SurfaceRules others =
        bodies.containsKey("*")
            ? apply(SurfaceRules.DEFAULTS, "*", bodies.get("*"))
            : SurfaceRules.DEFAULTS;
    Map<String, SurfaceRules> surfaces = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : bodies.entrySet()) {
      if (!e.getKey().equals("*")) {
        surfaces.put(e.getKey(), apply(others, e.getKey(), e.getValue()));
      }
    }
    return new AllocationRules(others, surfaces);
  }

  private static SurfaceRules apply(SurfaceRules base, String surface, String body) {
    AllocationPolicy policy = base.policy();
    double floor = base.floor();
    int perLabel = base.perLabel();
    double maxSkipRate = base.maxSkipRate();
    long minPlays = base.minPlays();
    double holdShare = base.holdShare();
    for (String setting : body.split(",", -1)) {
      if (setting.isBlank()) {
        continue;
      }
      int eq = setting.indexOf('=');
      String key = (eq < 0 ? setting : setting.substring(0, eq)).trim();
      String value = eq < 0 ? "" : setting.substring(eq + 1).trim();
      String at = surface + ": " + key;
      switch (key) {
        case "policy" -> {
          policy = AllocationPolicy.parse(value);
          if (policy == null) {
            throw new IllegalArgumentException(
                at + " must be balanced or relevance, got '" + value + "'");
          }
        }
        case "floor" -> floor = number(at, value, 0, 1e6);
        case "per_label" -> perLabel = (int) whole(at, value, 0, 1_000);
        case "max_skip_rate" -> maxSkipRate = number(at, value, 0, 1);
        case "min_plays" -> minPlays = whole(at, value, 1, 1_000_000_000);
        case "hold_share" -> holdShare = number(at, value, 0, 1);
        default ->
            throw new IllegalArgumentException(
                surface
                    + ": unknown setting '"
                    + key
                    + "' (known: "
                    + String.join(", ", KEYS)
                    + ")");
      }
    }
    return new SurfaceRules(policy, floor, perLabel, maxSkipRate, minPlays, holdShare);
  }

  private static double number(String at, String value, double min, double max) {
    double v;
    try {
      v = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v >= min && v <= max)) {
      throw new IllegalArgumentException(
          at + " must be a number in [" + fmt(min) + ", " + fmt(max) + "], got '" + value + "'");
    }
    return v;
  }

  private static long whole(String at, String value, long min, long max) {
    long v;
    try {
      v = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(at + " must be a whole number, got '" + value + "'");
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(
          at + " must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
