package io.scoregateway.loadtest;

/**
 * The recommender's steady score traffic, an open workload: ramps to {@code rate} requests/s over
 * {@code ramp} s, then holds it for {@code duration} s (default 120).
 */
public class ScoreLookupSimulation extends SteadyScoreSimulation {
  public ScoreLookupSimulation() {
    super("ScoreLookupSimulation", "score lookups", 120);
  }
}
