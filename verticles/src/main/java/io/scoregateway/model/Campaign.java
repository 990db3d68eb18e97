package io.scoregateway.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A promotion campaign as configured by an operator. {@code surfaces}/{@code markets} are null
 * when the campaign runs everywhere; {@code frequencyCap} is null when uncapped.
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
    CampaignStatus status) {

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
