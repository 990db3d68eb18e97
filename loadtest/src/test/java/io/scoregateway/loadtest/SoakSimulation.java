package io.scoregateway.loadtest;

/**
 * A long steady run at {@code rate} requests/s for {@code duration} s (default 1800 = 30 min):
 * finds leaks, slow growth of latency, GC pauses and pacing drift that short runs hide.
 */
public class SoakSimulation extends SteadyScoreSimulation {
  public SoakSimulation() {
    super("SoakSimulation", "soak", 1800);
  }
}
