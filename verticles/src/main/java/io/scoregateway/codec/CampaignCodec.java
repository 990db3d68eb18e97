package io.scoregateway.codec;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.FrequencyCap;
import io.scoregateway.model.Holdout;
import io.scoregateway.model.PacingMode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Campaign config to and from JSON (the admin API's and the stored form are the same). */
public final class CampaignCodec {
  public static final int MAX_TRACKS = 100_000;
  private static final long MAX_BUDGET = 1_000_000_000_000L;

  private static final KnownFields FIELDS =
      new KnownFields(
          "id",
          "tracks",
          "surfaces",
          "markets",
          "start",
          "end",
          "budget",
          "pacing",
          "frequency_cap",
          "boost",
          "status",
          "traffic_profile",
          "label",
          "holdout");

  /**
   * What GET adds to the config: refused by name, so a GET-edit-PUT round trip is told what to
   * drop.
   */
  private static final KnownFields LIVE_STATE =
      new KnownFields("delivered", "promoted", "planned", "pass_rate", "state", "engagement");

  private static final KnownFields CAP_FIELDS = new KnownFields("max", "window_seconds");

  private CampaignCodec() {}

  /** Parses and validates a config; every problem names its field. */
  public static Campaign parse(String id, JsonObject json) {
    Ids.require("id", id, "campaign id");
    for (String name : json.fieldNames()) {
      if (LIVE_STATE.contains(name)) {
        throw new InvalidInput(name, "is live state, not configuration: leave it out");
      }
      FIELDS.require("", name);
    }
    List<String> tracks = new ArrayList<>(ids(json, "tracks", "track id", true));
    if (tracks.isEmpty()) {
      throw new InvalidInput("tracks", "must list at least one track");
    }
    if (tracks.size() > MAX_TRACKS) {
      throw new InvalidInput("tracks", "at most " + MAX_TRACKS + " tracks");
    }
    Set<String> surfaces =
        json.containsKey("surfaces") ? ids(json, "surfaces", "surface", false) : null;
    Set<String> markets = json.containsKey("markets") ? markets(json) : null;
    Instant start = instant(json, "start");
    Instant end = instant(json, "end");
    if (!end.isAfter(start)) {
      throw new InvalidInput("end", "must be after start");
    }
    // a budget of 0 would store a campaign that can never promote: refused rather than given a
    // meaning
    long budget = wholeNumber(json, "budget", 1, MAX_BUDGET, -1);
    PacingMode pacing = PacingMode.parse(string(json, "pacing", "even"));
    if (pacing == null) {
      throw new InvalidInput("pacing", "must be one of even, asap, front_loaded");
    }
    FrequencyCap cap = frequencyCap(json);
    double boost = boost(json);
    CampaignStatus status = CampaignStatus.parse(string(json, "status", "active"));
    if (status == null) {
      throw new InvalidInput("status", "must be active or paused");
    }
    List<Double> profile = trafficProfile(json, pacing);
    String label = label(json);
    Holdout holdout = HoldoutCodec.parse(json, "holdout", "holdout/" + id);
    return new Campaign(
        id, tracks, surfaces, markets, start, end, budget, pacing, cap, boost, status, profile,
        label, holdout);
  }

  /** The config as JSON, field names as in the admin API. */
  public static JsonObject toJson(Campaign c) {
    JsonObject o = new JsonObject().put("id", c.id()).put("tracks", new JsonArray(c.tracks()));
    if (c.surfaces() != null) {
      o.put("surfaces", new JsonArray(new ArrayList<>(c.surfaces())));
    }
    if (c.markets() != null) {
      o.put("markets", new JsonArray(new ArrayList<>(c.markets())));
    }
    o.put("start", c.start().toString())
        .put("end", c.end().toString())
        .put("budget", c.budget())
        .put("pacing", c.pacing().wire());
    if (c.frequencyCap() != null) {
      o.put(
          "frequency_cap",
          new JsonObject()
              .put("max", c.frequencyCap().max())
              .put("window_seconds", c.frequencyCap().windowSeconds()));
    }
    o.put("boost", c.boost()).put("status", c.status().wire());
    if (c.trafficProfile() != null) {
      o.put("traffic_profile", new JsonArray(c.trafficProfile()));
    }
    if (c.label() != null) {
      o.put("label", c.label());
    }
    if (c.holdout() != null) {
      o.put("holdout", HoldoutCodec.toJson(c.holdout()));
    }
    return o;
  }

  /** The optional label the per-label variety limit counts by. */
  private static String label(JsonObject json) {
    Object v = json.getValue("label");
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s) || !Ids.valid(s)) {
      throw new InvalidInput("label", "must be an id, [A-Za-z0-9._:-]{1,128}");
    }
    return s;
  }

  private static List<Double> trafficProfile(JsonObject json, PacingMode pacing) {
    Object v = json.getValue("traffic_profile");
    if (v == null) {
      return null;
    }
    if (pacing == PacingMode.ASAP) {
      throw new InvalidInput(
          "traffic_profile", "shapes even and front_loaded plans; asap has no plan");
    }
    if (!(v instanceof JsonArray arr) || arr.size() != 24) {
      throw new InvalidInput("traffic_profile", "must be 24 weights, one per UTC hour");
    }
    List<Double> out = new ArrayList<>(24);
    double sum = 0;
    for (int h = 0; h < 24; h++) {
      Object w = arr.getValue(h);
      if (!(w instanceof Number n) || !(n.doubleValue() >= 0) || n.doubleValue() > 1e6) {
        throw new InvalidInput("traffic_profile[" + h + "]", "must be a number in [0, 1000000]");
      }
      out.add(n.doubleValue());
      sum += n.doubleValue();
    }
    if (!(sum > 0)) {
      throw new InvalidInput("traffic_profile", "needs at least one positive weight");
    }
    return List.copyOf(out);
  }

  private static Set<String> ids(JsonObject json, String field, String what, boolean required) {
    Object v = json.getValue(field);
    if (v == null) {
      if (required) {
        throw new InvalidInput(field, "is required");
      }
      throw new InvalidInput(field, "must be an array (omit it to allow all)");
    }
    if (!(v instanceof JsonArray arr)) {
      throw new InvalidInput(field, "must be an array of strings");
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < arr.size(); i++) {
      Object e = arr.getValue(i);
      if (!(e instanceof String s) || !Ids.valid(s)) {
        throw new InvalidInput(field + "[" + i + "]", "invalid " + what);
      }
      out.add(s);
    }
    if (out.isEmpty() && !required) {
      throw new InvalidInput(field, "must list at least one " + what + " (omit it to allow all)");
    }
    return out;
  }

  private static Set<String> markets(JsonObject json) {
    Object v = json.getValue("markets");
    if (!(v instanceof JsonArray arr)) {
      throw new InvalidInput("markets", "must be an array of ISO 3166 alpha-2 codes");
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < arr.size(); i++) {
      Object e = arr.getValue(i);
      if (!(e instanceof String s) || !Ids.validMarket(s)) {
        throw new InvalidInput(
            "markets[" + i + "]",
            "invalid market (expected an assigned ISO 3166 alpha-2 code, e.g. SE)");
      }
      out.add(s);
    }
    if (out.isEmpty()) {
      throw new InvalidInput("markets", "must list at least one market (omit it to allow all)");
    }
    return out;
  }

  private static Instant instant(JsonObject json, String field) {
    return Timestamps.parse(json.getValue(field), field, "2026-11-01T00:00:00Z");
  }

  private static String string(JsonObject json, String field, String fallback) {
    Object v = json.getValue(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String s)) {
      throw new InvalidInput(field, "must be a string");
    }
    return s;
  }

  private static long wholeNumber(
      JsonObject json, String field, long min, long max, long fallback) {
    Object v = json.getValue(field);
    if (v == null) {
      if (fallback >= 0) {
        return fallback;
      }
      throw new InvalidInput(field, "is required");
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new InvalidInput(field, "must be a whole number");
    }
    long l = n.longValue();
    if (l < min || l > max || n.doubleValue() > max) {
      throw new InvalidInput(field, "must be between " + min + " and " + max);
    }
    return l;
  }

  private static FrequencyCap frequencyCap(JsonObject json) {
    Object v = json.getValue("frequency_cap");
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject cap)) {
      throw new InvalidInput("frequency_cap", "must be an object {max, window_seconds}");
    }
    CAP_FIELDS.requireAll("frequency_cap.", cap.fieldNames());
    try {
      long max = wholeNumber(cap, "max", 1, 1_000_000, -1);
      long window = wholeNumber(cap, "window_seconds", 1, 366L * 86_400, -1);
      return new FrequencyCap((int) max, window);
    } catch (InvalidInput e) {
      throw new InvalidInput(
          "frequency_cap." + e.field(), e.getMessage().substring(e.field().length() + 2));
    }
  }

  private static double boost(JsonObject json) {
    Object v = json.getValue("boost");
    if (v == null) {
      return 1.0;
    }
    if (!(v instanceof Number n) || !(n.doubleValue() > 0) || n.doubleValue() > 1000) {
      throw new InvalidInput("boost", "must be a number in (0, 1000]");
    }
    return n.doubleValue();
  }
}
