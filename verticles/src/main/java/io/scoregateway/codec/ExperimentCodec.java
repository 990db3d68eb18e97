package io.scoregateway.codec;

import io.scoregateway.model.SnapshotExperiment;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A snapshot experiment as JSON: {@code {"id", "challenger", "share", "salt", "since"}}. The admin
 * API's body leaves out {@code since} (the gateway sets it) and may leave out {@code salt}
 * (default: {@code experiment/<id>}); the stored form has both.
 */
public final class ExperimentCodec {
  private static final KnownFields FIELDS =
      new KnownFields("id", "challenger", "share", "salt", "since");

  private ExperimentCodec() {}

  /** Parses an admin request body; {@code since} is when it takes effect. */
  public static SnapshotExperiment parse(JsonObject json, Instant since) {
    for (String name : json.fieldNames()) {
      if (name.equals("since")) {
        throw new InvalidInput("since", "is set by the gateway: leave it out");
      }
      FIELDS.require("", name);
    }
    String id = Ids.require("id", string(json, "id"), "experiment id");
    String challenger = Ids.require("challenger", string(json, "challenger"), "snapshot id");
    double share = HoldoutCodec.share(json.getValue("share"), "share", true);
    String salt = HoldoutCodec.salt(json.getValue("salt"), "salt", "experiment/" + id);
    return new SnapshotExperiment(id, challenger, share, salt, since);
  }

  /** Reads the stored form back. */
  public static SnapshotExperiment stored(String text) {
    JsonObject json = new JsonObject(text);
    Instant since;
    try {
      since = Instant.parse(json.getString("since"));
    } catch (DateTimeParseException | NullPointerException e) {
      throw new InvalidInput("since", "invalid stored timestamp");
    }
    JsonObject body = json.copy();
    body.remove("since");
    return parse(body, since);
  }

  public static JsonObject toJson(SnapshotExperiment e) {
    return new JsonObject()
        .put("id", e.id())
        .put("challenger", e.challenger())
        .put("share", e.share())
        .put("salt", e.salt())
        .put("since", e.since().toString());
  }

  private static String string(JsonObject json, String field) {
    Object v = json.getValue(field);
    if (v == null) {
      throw new InvalidInput(field, "is required");
    }
    if (!(v instanceof String s)) {
      throw new InvalidInput(field, "must be a string");
    }
    return s;
  }
}
