package io.scoregateway.pacing;

/**
 * A campaign's pacing state as stored in its Redis hash ({@code {c:<id>}:pacing}), one field per
 * member. Absent fields are NaN (doubles) or -1 (times, slots); pacing_refresh.lua keeps the same
 * fields under the same names.
 */
public final class PacingRecord {
  /** Deliveries counted (field {@code delivered}, written only by the delivery script). */
  public long delivered;

  /** Promotions reported by the instances ({@code promoted}). */
  public long promoted;

  /** Eligible attempts reported by the instances: the demand ({@code attempts}). */
  public long attempts;

  /** Pass rate ({@code p}); NaN until the first step. */
  public double passRate = Double.NaN;

  /** Slot of the last step ({@code slot}). */
  public long slot = -1;

  /** Promotions the current slot may lease out ({@code allow}). */
  public long allow;

  /** Promotions leased out in the current slot, carried leases included ({@code granted}). */
  public long granted;

  /** The part of {@code granted} carried from the previous slot ({@code carry}). */
  public long carry;

  /** {@code promoted} and {@code attempts} at the last step ({@code p_mark}, {@code a_mark}). */
  public long promotedMark;

  public long attemptsMark;

  /** Time of the last step ({@code t_mark}). */
  public long stepMs = -1;

  /** Smoothed eligible attempts per slot ({@code demand}). */
  public double demand = Double.NaN;

  /** {@code promoted} at the last steps, oldest first ({@code ring}, comma-separated). */
  public String ring = "";

  /** The config revision last seen ({@code rev}) and its status ({@code status}). */
  public String revision;

  public String status;

  /** The last re-plan: committed deliveries then and when ({@code base}, {@code base_t}). */
  public double base;

  public long baseMs = -1;

  /** A paused campaign's frozen plan ({@code frozen}). */
  public double frozen = Double.NaN;

  /**
   * The rolling window of rated plays and skips ({@code eng}, written only by the delivery script;
   * see {@link EngagementWindow}).
   */
  public String engagement = "";
}
