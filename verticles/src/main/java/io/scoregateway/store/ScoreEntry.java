package io.scoregateway.store;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The decoded scores of one track in one snapshot, by segment. Encoded in Redis as {@code
 * segment=score;} entries so that loaders can append rows in any order; a later entry for the same
 * segment wins.
 */
public final class ScoreEntry {
  private static final String DEFAULT = "default";

  /**
   * At most this many segment names are shared: a snapshot names a handful, a hostile one could
   * name millions, and past the bound names are kept as they are (compared by their text).
   */
  static final int MAX_SHARED_NAMES = 4_096;

  /** Each segment name seen, one instance of it, shared by every entry that names it. */
  private static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();

  /**
   * A request's segment, looked up once for all of its entries: its shared instance when it has one
   * ({@code shared}), so most comparisons are of references and read no name's characters.
   */
  public record Segment(String name, boolean shared) {}

  /** The segment for {@link #scoreFor(Segment)}. */
  public static Segment segment(String name) {
    String s = NAMES.get(name);
    return s != null ? new Segment(s, true) : new Segment(name, false);
  }

  /** The shared instance of a stored name, or the name itself once the bound is reached. */
  private static String share(String name) {
    String s = NAMES.get(name);
    if (s != null) {
      return s;
    }
    if (NAMES.size() >= MAX_SHARED_NAMES) {
      return name;
    }
    s = NAMES.putIfAbsent(name, name);
    return s == null ? name : s;
  }

  @SuppressWarnings("ReferenceEquality") // is this the shared instance itself
  private static boolean isShared(String name) {
    return NAMES.get(name) == name;
  }

  private final String[] segments;
  private final double[] scores;

  /** The default segment's score (NaN without one), kept beside the arrays for the common case. */
  private final double fallback;

  /** Whether any segment besides the default has a score. */
  private final boolean segmented;

  /** Whether every name is a shared instance: then a name is equal only when identical. */
  private final boolean shared;

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
    boolean all = true;
    for (String seg : segments) {
      all &= seg == null || isShared(seg);
    }
    this.shared = all;
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
        String seg = share(value.substring(from, eq));
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
    return scoreFor(segment(segment));
  }

  /** {@link #scoreFor(String)} of a segment looked up beforehand. */
  @SuppressWarnings("ReferenceEquality") // shared names are equal exactly when identical
  public double scoreFor(Segment segment) {
    // most entries hold the default segment alone: answered from this object, no array read
    if (!segmented) {
      return fallback;
    }
    String name = segment.name();
    boolean byReference = shared && segment.shared();
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s == name || (!byReference && name.equals(s))) {
        return scores[i];
      }
    }
    return fallback;
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
