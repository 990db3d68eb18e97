package io.scoregateway.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A promotion campaign as configured by an operator. {@code surfaces}/{@code markets} are null when
 * the campaign runs everywhere; {@code frequencyCap} is null when uncapped; {@code trafficProfile}
 * (24 weights, one per UTC hour) shapes an even plan, null for a linear one; {@code label} (the
 * record label or rights holder, for the per-label variety limit) is null when not given.
 */
public record Campaign(
    String id,
    List<String> tracks,
    Set<String> surfaces,
    Set<String> markets,
    Instant start,
    Instant end,
    long budget,
    PacingMode pacing,
    FrequencyCap frequencyCap,
    double boost,
    CampaignStatus status,
    List<Double> trafficProfile,
    String label) {

  /** A campaign without a label. */
  public Campaign(
      String id,
      List<String> tracks,
      Set<String> surfaces,
      Set<String> markets,
      Instant start,
      Instant end,
      long budget,
      PacingMode pacing,
      FrequencyCap frequencyCap,
      double boost,
      CampaignStatus status,
      List<Double> trafficProfile) {
    this(
        id,
        tracks,
        surfaces,
        markets,
        start,
        end,
        budget,
        pacing,
        frequencyCap,
        boost,
        status,
        trafficProfile,
        null);
  }

  /** A campaign with a linear plan. */
  public Campaign(
      String id,
      List<String> tracks,
      Set<String> surfaces,
      Set<String> markets,
      Instant start,
      Instant end,
      long budget,
      PacingMode pacing,
      FrequencyCap frequencyCap,
      double boost,
      CampaignStatus status) {
    this(
        id,
        tracks,
        surfaces,
        markets,
        start,
        end,
        budget,
        pacing,
        frequencyCap,
        boost,
        status,
        null,
        null);
  }

  public boolean isEnded(long nowMs) {
    return nowMs >= end.toEpochMilli();
  }

  public boolean inFlight(long nowMs) {
    return nowMs >= start.toEpochMilli() && nowMs < end.toEpochMilli();
  }

  public boolean allowsSurface(String surface) {
    return surfaces == null || surfaces.contains(surface);
  }

  public boolean allowsMarket(String market) {
    return markets == null || markets.contains(market);
  }
}
