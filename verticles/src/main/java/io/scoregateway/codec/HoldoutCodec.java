package io.scoregateway.codec;

import io.scoregateway.model.Holdout;
import io.vertx.core.json.JsonObject;

/**
 * A holdout as JSON: {@code {"share": 0.05, "salt": "..."}}, the salt optional (a default derived
 * from what holds out, so two campaigns never hold out the same listeners by accident).
 */
public final class HoldoutCodec {
  private static final KnownFields FIELDS = new KnownFields("share", "salt");

  private HoldoutCodec() {}

  /**
   * Parses {@code field} of {@code json}; null when absent. Problems name {@code field.share}...
   */
  public static Holdout parse(JsonObject json, String field, String defaultSalt) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      throw new InvalidInput(field, "must be an object {share, salt}");
    }
    FIELDS.requireAll(field + ".", o.fieldNames());
    return new Holdout(
        share(o.getValue("share"), field + ".share", false),
        salt(o.getValue("salt"), field + ".salt", defaultSalt));
  }

  public static JsonObject toJson(Holdout h) {
    return new JsonObject().put("share", h.share()).put("salt", h.salt());
  }

  /**
   * A share of listeners: a number in (0, 1], or [0, 1] when {@code zeroAllowed}; problems name
   * {@code field}.
   */
  public static double share(Object v, String field, boolean zeroAllowed) {
    if (!(v instanceof Number n)) {
      throw new InvalidInput(field, "is required as a number in " + range(zeroAllowed));
    }
    double d = n.doubleValue();
    if (!(d <= 1) || !(zeroAllowed ? d >= 0 : d > 0)) {
      throw new InvalidInput(field, "must be a number in " + range(zeroAllowed));
    }
    return d;
  }

  /** A salt ({@code [A-Za-z0-9._:/-]{1,256}}), {@code fallback} when absent. */
  public static String salt(Object v, String field, String fallback) {
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String s) || !validSalt(s)) {
      throw new InvalidInput(field, "must be a string matching [A-Za-z0-9._:/-]{1,256}");
    }
    return s;
  }

  /** Ids and the {@code /} the default salts put between their parts. */
  private static boolean validSalt(String s) {
    if (s.isEmpty() || s.length() > 256) {
      return false;
    }
    for (String part : s.split("/", -1)) {
      if (!part.isEmpty() && !Ids.valid(part)) {
        return false;
      }
    }
    return true;
  }

  private static String range(boolean zeroAllowed) {
    return zeroAllowed ? "[0, 1]" : "(0, 1]";
  }
}
