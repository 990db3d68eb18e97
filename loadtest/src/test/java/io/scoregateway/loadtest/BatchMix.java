package io.scoregateway.loadtest;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Candidate batch sizes, log-normal (a few large batches, most in the middle) and clipped to the
 * mix's range. {@code realistic}: median 120, about 90% of batches between 50 and 300, all in
 * 20..1000, the recommender's usual first-stage shortlist; {@code small}: median 40 in 20..100;
 * {@code large}: median 600 in 300..1000, the worst case for Redis and serialisation.
 */
enum BatchMix {
  SMALL(40, 0.4, 20, 100),
  REALISTIC(120, 0.55, 20, 1000),
  LARGE(600, 0.3, 300, 1000);

  private final double median;
  private final double sigma;
  final int min;
  final int max;

  BatchMix(double median, double sigma, int min, int max) {
    this.median = median;
    this.sigma = sigma;
    this.min = min;
    this.max = max;
  }

  int next() {
    double v = median * Math.exp(sigma * ThreadLocalRandom.current().nextGaussian());
    return (int) Math.max(min, Math.min(max, Math.round(v)));
  }

  static BatchMix of(String name) {
    try {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "-DbatchMix: expected small, realistic or large, got " + name, e);
    }
  }
}
