package io.scoregateway.allocate;

import java.util.Locale;

/**
 * How promoted candidates compete for the answer's slots ({@code max_promoted}, the per-label
 * limit): {@code relevance} orders them by score alone, {@code balanced} by score times the
 * campaign's {@link Urgency}.
 */
public enum AllocationPolicy {
  RELEVANCE,
  BALANCED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What a candidate with this score and urgency competes with. */
  public double weight(double score, double urgency) {
    return this == BALANCED ? score * urgency : score;
  }

  /** Parses the wire name, or returns null when unknown. */
  public static AllocationPolicy parse(String s) {
    for (AllocationPolicy p : values()) {
      if (p.wire().equals(s)) {
        return p;
      }
    }
    return null;
  }
}
