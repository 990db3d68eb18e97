package io.scoregateway.store;

/**
 * The decoded scores of one track in one snapshot, by segment. Encoded in Redis as {@code
 * segment=score;} entries so that loaders can append rows in any order; a later entry for the same
 * segment wins.
 */
public final class ScoreEntry {
  private static final String DEFAULT = "default";

  private final String[] segments;
  private final double[] scores;

  /** The default segment's score (NaN without one), kept beside the arrays for the common case. */
  private final double fallback;

  /** Whether any segment besides the default has a score. */
  private final boolean segmented;

  private ScoreEntry(String[] segments, double[] scores) {
    this.segments = segments;
    this.scores = scores;
    int at = indexOf(segments, segments.length, DEFAULT);
    this.fallback = at < 0 ? Double.NaN : scores[at];
    boolean named = false;
    for (String seg : segments) {
      named |= seg != null && !seg.equals(DEFAULT);
    }
    this.segmented = named;
  }

  /** A marker entry with no segments, for caches that remember absence. */
  static ScoreEntry absent() {
    return new ScoreEntry(new String[0], new double[0]);
  }

  /** Decodes a stored value; null or empty yields null (no score at all). */
  public static ScoreEntry decode(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    int n = 0;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == ';') {
        n++;
      }
    }
    String[] segs = new String[n];
    double[] vals = new double[n];
    int count = 0;
    int from = 0;
    while (from < value.length()) {
      int end = value.indexOf(';', from);
      if (end < 0) {
        break;
      }
      int eq = value.indexOf('=', from);
      if (eq > from && eq < end) {
        String seg = value.substring(from, eq);
        double score;
        try {
          score = Double.parseDouble(value.substring(eq + 1, end));
        } catch (NumberFormatException e) {
          from = end + 1;
          continue;
        }
        int at = indexOf(segs, count, seg);
        if (at >= 0) {
          vals[at] = score;
        } else {
          segs[count] = seg;
          vals[count++] = score;
        }
      }
      from = end + 1;
    }
    return count == 0 ? null : new ScoreEntry(segs, vals);
  }

  /** Encodes one row for appending. */
  public static String encodeRow(String segment, double score) {
    return (segment == null || segment.isEmpty() ? DEFAULT : segment) + "=" + score + ";";
  }

  /** The score for the segment, falling back to the default segment; NaN when neither exists. */
  public double scoreFor(String segment) {
    // most entries hold the default segment alone: answered from this object, no array read
    if (!segmented) {
      return fallback;
    }
    int at = indexOf(segments, segments.length, segment);
    return at < 0 ? fallback : scores[at];
  }

  private static int indexOf(String[] segs, int n, String seg) {
    for (int i = 0; i < n; i++) {
      if (seg.equals(segs[i])) {
        return i;
      }
    }
    return -1;
  }
}
