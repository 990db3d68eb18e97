package io.scoregateway.codec;

import java.util.Locale;
import java.util.Set;

/**
 * The field names a JSON object may carry. Anything else is refused, naming it: a misspelt optional
 * field ({@code maxPromoted}, {@code frequencyCap}) would otherwise be silently ignored and its
 * default applied, which is the costliest kind of mistake (uncapped campaigns, unlimited
 * promotions). A near miss gets the known name as a hint.
 */
public final class KnownFields {
  private final Set<String> names;

  public KnownFields(String... names) {
    this.names = Set.of(names);
  }

  public boolean contains(String name) {
    return names.contains(name);
  }

  /** Throws naming {@code prefix + name} unless the name is known. */
  public void require(String prefix, String name) {
    if (!names.contains(name)) {
      throw unknown(prefix, name);
    }
  }

  /** Throws naming the first unknown name. */
  public void requireAll(String prefix, Iterable<String> present) {
    for (String n : present) {
      require(prefix, n);
    }
  }

  private InvalidInput unknown(String prefix, String name) {
    String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
    String hint = nearest(name);
    return new InvalidInput(
        prefix + shown, "unknown field" + (hint == null ? "" : " (did you mean " + hint + "?)"));
  }

  /**
   * The known name this one most likely meant: same letters ignoring case and separators, or at
   * most two edits away.
   */
  String nearest(String name) {
    String n = squash(name);
    String best = null;
    int bestDistance = 3;
    for (String k : new java.util.TreeSet<>(names)) {
      int d = distance(n, squash(k), bestDistance);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  private static String squash(String s) {
    return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  /** Levenshtein distance, giving up (returning {@code limit}) once it cannot be below it. */
  private static int distance(String a, String b, int limit) {
    if (a.equals(b)) {
      return 0;
    }
    if (Math.abs(a.length() - b.length()) >= limit || a.length() > 64) {
      return limit;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[b.length()], limit);
  }
}
