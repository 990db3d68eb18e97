package io.scoregateway.model;

import java.util.List;

/** A validated batched lookup. {@code maxPromoted} is -1 when the caller set no limit. */
public record ScoreRequest(
    String user,
    String surface,
    String market,
    String segment,
    List<String> candidates,
    int maxPromoted,
    boolean explain) {

  public static final String DEFAULT_SEGMENT = "default";

  public boolean limitsSlots() {
    return maxPromoted >= 0;
  }
}
