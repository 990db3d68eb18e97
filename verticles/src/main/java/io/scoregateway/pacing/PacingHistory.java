package io.scoregateway.pacing;

import java.util.ArrayList;
import java.util.List;

/**
 * The bounds and wire form of a campaign's pacing history: one {@link PacingSlot} per slot,
 * appended by the controller step in pacing_refresh.lua (never by a scoring request), oldest first.
 * The script keeps at most {@link #MAX_SLOTS} entries, drops those older than {@link #MAX_AGE_MS},
 * and lets the whole list expire that long after its last entry (an ended or deleted campaign's
 * history goes by itself).
 */
public final class PacingHistory {
  /** Most slots kept per campaign: 12 hours of the default 60 s slots, about 30 KB of Redis. */
  public static final int MAX_SLOTS = 720;

  /** Entries older than this are dropped, and an unwritten history expires after it. */
  public static final long MAX_AGE_MS = 7L * 24 * 3600 * 1000;

  private PacingHistory() {}

  /**
   * One stored entry: {@code at_ms,delivered,promoted,planned,pass_rate,demand,allow}, demand empty
   * while unknown (the script writes the same).
   */
  public static PacingSlot decode(String entry) {
    String[] f = entry.split(",", -1);
    if (f.length != 7) {
      throw new IllegalArgumentException("pacing history entry has " + f.length + " fields");
    }
    return new PacingSlot(
        Long.parseLong(f[0]),
        Long.parseLong(f[1]),
        Long.parseLong(f[2]),
        Double.parseDouble(f[3]),
        Double.parseDouble(f[4]),
        f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5]),
        Long.parseLong(f[6]));
  }

  /** Every stored entry, oldest first. */
  public static List<PacingSlot> decodeAll(List<String> entries) {
    List<PacingSlot> out = new ArrayList<>(entries.size());
    for (String e : entries) {
      out.add(decode(e));
    }
    return out;
  }
}
