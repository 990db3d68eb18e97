package io.scoregateway.loadtest.grpc;

import java.util.Random;

/**
 * Candidate track ids as {@code loadtest/scores.lua} draws them for wrk: uniform over {@code
 * t0..t{tracks-1}}, or skewed (Zipf-like popularity, s = 1.1, over 4096 ranks spread across the
 * catalogue), so gRPC and HTTP runs ask for the same kind of batches.
 */
final class Candidates {
  private static final int RANKS = 4096;

  private final int tracks;
  private final double[] cdf;

  Candidates(int tracks, boolean skewed) {
    this.tracks = tracks;
    this.cdf = skewed ? zipf(1.1) : null;
  }

  String next(Random random) {
    if (cdf == null) {
      return "t" + random.nextInt(tracks);
    }
    double u = random.nextDouble();
    int lo = 0;
    int hi = RANKS - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return "t" + (int) ((lo * 7919L) % tracks);
  }

  private static double[] zipf(double s) {
    double total = 0;
    for (int r = 1; r <= RANKS; r++) {
      total += 1 / Math.pow(r, s);
    }
    double[] out = new double[RANKS];
    double acc = 0;
    for (int r = 1; r <= RANKS; r++) {
      acc += (1 / Math.pow(r, s)) / total;
      out[r - 1] = acc;
    }
    return out;
  }
}
