package io.scoregateway.http;

import io.scoregateway.codec.Ids;
import io.scoregateway.codec.InvalidInput;
import io.scoregateway.codec.KnownFields;
import io.scoregateway.codec.Timestamps;
import io.scoregateway.model.DeliveryEvent;
import io.scoregateway.model.PlayOutcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code events} envelope: a bad envelope is a 400; a bad event is rejected alone (with its
 * index and the field) while the others are still counted.
 */
public final class DeliveryRequestParser {
  public static final int MAX_EVENTS = 1000;
  private static final KnownFields ENVELOPE = new KnownFields("events");
  private static final KnownFields EVENT =
      new KnownFields("id", "user", "track", "campaign", "surface", "ts", "skipped", "listened_ms");

  /** One parsed position: the event, or why it was rejected. */
  public record Parsed(DeliveryEvent event, String error) {}

  private DeliveryRequestParser() {}

  public static List<Parsed> parse(JsonObject body) {
    ENVELOPE.requireAll("", body.fieldNames());
    Object raw = body.getValue("events");
    if (raw == null) {
      throw new InvalidInput("events", "is required");
    }
    if (!(raw instanceof JsonArray events)) {
      throw new InvalidInput("events", "must be an array of delivery events");
    }
    if (events.isEmpty()) {
      throw new InvalidInput("events", "must contain at least one event");
    }
    if (events.size() > MAX_EVENTS) {
      throw new InvalidInput("events", "too many events (at most " + MAX_EVENTS + ")");
    }
    List<Parsed> out = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      try {
        out.add(new Parsed(event(events.getValue(i)), null));
      } catch (InvalidInput e) {
        out.add(new Parsed(null, e.getMessage()));
      }
    }
    return out;
  }

  private static DeliveryEvent event(Object raw) {
    if (!(raw instanceof JsonObject o)) {
      throw new InvalidInput("event", "must be an object");
    }
    // a misspelt field is never ignored: the event is rejected alone, naming it
    EVENT.requireAll("", o.fieldNames());
    String id = id(o, "id", "event id");
    String user = id(o, "user", "user id");
    String track = id(o, "track", "track id");
    String campaign = id(o, "campaign", "campaign id");
    String surface = id(o, "surface", "surface");
    Instant at = Timestamps.parse(o.getValue("ts"), "ts", "2026-11-28T12:00:00Z");
    return new DeliveryEvent(id, user, track, campaign, surface, at, outcome(o));
  }

  /** {@code skipped} (a boolean) wins over {@code listened_ms} (whole ms); neither: not said. */
  private static PlayOutcome outcome(JsonObject o) {
    Object skipped = o.getValue("skipped");
    if (skipped != null && !(skipped instanceof Boolean)) {
      throw new InvalidInput("skipped", "must be a boolean");
    }
    Object listened = o.getValue("listened_ms");
    long ms = -1;
    if (listened != null) {
      if (!(listened instanceof Number n)
          || n.doubleValue() != Math.rint(n.doubleValue())
          || n.doubleValue() < 0
          || n.doubleValue() > PlayOutcome.MAX_LISTENED_MS) {
        throw new InvalidInput(
            "listened_ms",
            "must be a whole number of milliseconds, 0 to " + PlayOutcome.MAX_LISTENED_MS);
      }
      ms = n.longValue();
    }
    return PlayOutcome.of((Boolean) skipped, ms);
  }

  private static String id(JsonObject o, String field, String what) {
    Object v = o.getValue(field);
    if (v == null) {
      throw new InvalidInput(field, "is required");
    }
    if (!(v instanceof String s)) {
      throw new InvalidInput(field, "must be a string");
    }
    return Ids.require(field, s, what);
  }
}
