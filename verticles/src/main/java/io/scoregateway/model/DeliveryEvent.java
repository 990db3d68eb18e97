package io.scoregateway.model;

import java.time.Instant;

/**
 * An impression that really happened: the promoted track was played or shown, with how the play
 * went when the caller said.
 */
public record DeliveryEvent(
    String id,
    String user,
    String track,
    String campaign,
    String surface,
    Instant ts,
    PlayOutcome outcome) {

  /** An event without an outcome. */
  public DeliveryEvent(
      String id, String user, String track, String campaign, String surface, Instant ts) {
    this(id, user, track, campaign, surface, ts, PlayOutcome.UNKNOWN);
  }
}
