package io.scoregateway.allocate;

import java.util.Arrays;

/**
 * Keeps one answer within each campaign's remaining frequency allowance: when an answer would
 * promote more of a campaign's tracks than the listener may still receive, the best-scoring ones
 * keep the promotion (ties: earlier position) and the rest are frequency-capped. A track listed
 * twice uses the allowance once.
 *
 * <p>Works on dense indices (the answer's entries in request order, its distinct campaigns and
 * tracks), so an answer costs a few arrays, no maps, no boxing and no strings. Each campaign is
 * settled on its own: only a campaign promoted more often than its allowance is sorted at all.
 */
public final class FrequencyCapAllocator {
  /** A campaign's allowance when it has no frequency cap. */
  public static final long UNCAPPED = Long.MAX_VALUE;

  private static final byte KEPT = 1;
  private static final byte DROPPED = 2;

  /**
   * Entries of one campaign at most this many are sorted in place; more go through a merge sort.
   */
  private static final int INSERTION_SORT_MAX = 32;

  private FrequencyCapAllocator() {}

  /**
   * Which promoted entries lose their promotion to the listener's frequency caps.
   *
   * @param campaignOf each entry's campaign index (entries in request order)
   * @param trackOf each entry's track index; a track belongs to one campaign
   * @param tracks how many distinct track indices there are
   * @param promoted which entries passed every gate
   * @param scores each entry's final score
   * @param remaining by campaign index, deliveries the listener may still receive, or {@link
   *     #UNCAPPED}
   * @return for each entry, true when it must be frequency-capped
   */
  public static boolean[] capped(
      int[] campaignOf,
      int[] trackOf,
      int tracks,
      boolean[] promoted,
      double[] scores,
      long[] remaining) {
    int n = campaignOf.length;
    boolean[] out = new boolean[n];
    int campaigns = remaining.length;
    int[] count = new int[campaigns];
    for (int i = 0; i < n; i++) {
      if (promoted[i] && remaining[campaignOf[i]] != UNCAPPED) {
        count[campaignOf[i]]++;
      }
    }
    byte[] state = null;
    int[] entries = null;
    for (int k = 0; k < campaigns; k++) {
      if (remaining[k] == UNCAPPED || count[k] <= remaining[k]) {
        continue; // within its allowance even if no track repeats
      }
      if (state == null) {
        state = new byte[tracks];
        entries = new int[n];
      }
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (promoted[i] && campaignOf[i] == k) {
          entries[m++] = i;
        }
      }
      byBestScore(entries, m, scores);
      long left = remaining[k];
      for (int e = 0; e < m; e++) {
        int i = entries[e];
        int t = trackOf[i];
        if (state[t] == KEPT) {
          continue;
        }
        if (state[t] == DROPPED || left <= 0) {
          state[t] = DROPPED;
          out[i] = true;
        } else {
          left--;
          state[t] = KEPT;
        }
      }
    }
    return out;
  }

  /**
   * Sorts the first {@code m} entries (given in request order) by score, best first; a stable sort,
   * so ties keep the earlier position first.
   */
  private static void byBestScore(int[] entries, int m, double[] scores) {
    if (m <= INSERTION_SORT_MAX) {
      for (int a = 1; a < m; a++) {
        int x = entries[a];
        int b = a - 1;
        while (b >= 0 && scores[entries[b]] < scores[x]) {
          entries[b + 1] = entries[b];
          b--;
        }
        entries[b + 1] = x;
      }
      return;
    }
    int[] from = Arrays.copyOf(entries, m);
    int[] to = new int[m];
    for (int width = 1; width < m; width *= 2) {
      for (int lo = 0; lo < m; lo += 2 * width) {
        int mid = Math.min(lo + width, m);
        int hi = Math.min(lo + 2 * width, m);
        int a = lo;
        int b = mid;
        for (int o = lo; o < hi; o++) {
          // the left run wins ties: stable
          to[o] =
              b >= hi || (a < mid && scores[from[a]] >= scores[from[b]]) ? from[a++] : from[b++];
        }
      }
      int[] swap = from;
      from = to;
      to = swap;
    }
    System.arraycopy(from, 0, entries, 0, m);
  }
}
