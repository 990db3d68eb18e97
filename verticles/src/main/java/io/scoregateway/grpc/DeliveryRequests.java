package io.scoregateway.grpc;

import com.google.protobuf.Timestamp;
import io.scoregateway.codec.InvalidInput;
import io.scoregateway.grpc.v1.DeliveriesRequest;
import io.scoregateway.grpc.v1.DeliveryEvent;
import io.scoregateway.model.PlayOutcome;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scoregateway.v1.DeliveriesRequest} to events, with the JSON envelope's rules: a bad
 * envelope fails the call (INVALID_ARGUMENT), a bad event is rejected alone with its index and the
 * field while the others are still counted.
 */
final class DeliveryRequests {
  static final int MAX_EVENTS = 1000;

  /** One entry per position: the event, or null with the reason it was rejected. */
  record Parsed(List<io.scoregateway.model.DeliveryEvent> events, List<String> errors) {}

  private DeliveryRequests() {}

  static Parsed read(DeliveriesRequest m) {
    ScoreRequests.refuseUnknownFields(m, "");
    int n = m.getEventsCount();
    if (n == 0) {
      throw new InvalidInput("events", "must contain at least one event");
    }
    if (n > MAX_EVENTS) {
      throw new InvalidInput("events", "too many events (at most " + MAX_EVENTS + ")");
    }
    List<io.scoregateway.model.DeliveryEvent> events = new ArrayList<>(n);
    List<String> errors = new ArrayList<>(n);
    for (DeliveryEvent e : m.getEventsList()) {
      try {
        events.add(event(e));
        errors.add(null);
      } catch (InvalidInput bad) {
        events.add(null);
        errors.add(bad.getMessage());
      }
    }
    return new Parsed(events, errors);
  }

  private static io.scoregateway.model.DeliveryEvent event(DeliveryEvent e) {
    ScoreRequests.refuseUnknownFields(e, "");
    String id = ScoreRequests.id(e.getId(), "id", "event id");
    String user = ScoreRequests.id(e.getUser(), "user", "user id");
    String track = ScoreRequests.id(e.getTrack(), "track", "track id");
    String campaign = ScoreRequests.id(e.getCampaign(), "campaign", "campaign id");
    String surface = ScoreRequests.id(e.getSurface(), "surface", "surface");
    if (!e.hasTs()) {
      throw new InvalidInput("ts", "is required (when the play happened)");
    }
    if (e.hasListenedMs()
        && (e.getListenedMs() < 0 || e.getListenedMs() > PlayOutcome.MAX_LISTENED_MS)) {
      throw new InvalidInput(
          "listened_ms",
          "must be a whole number of milliseconds, 0 to " + PlayOutcome.MAX_LISTENED_MS);
    }
    PlayOutcome outcome =
        PlayOutcome.of(
            e.hasSkipped() ? Boolean.valueOf(e.getSkipped()) : null,
            e.hasListenedMs() ? e.getListenedMs() : -1);
    return new io.scoregateway.model.DeliveryEvent(
        id, user, track, campaign, surface, ts(e.getTs()), outcome);
  }

  private static Instant ts(Timestamp t) {
    if (t.getNanos() < 0 || t.getNanos() > 999_999_999) {
      throw new InvalidInput("ts", "nanos must be within 0..999999999");
    }
    try {
      return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    } catch (DateTimeException e) {
      throw new InvalidInput("ts", "out of range");
    }
  }
}
