package io.scoregateway.pipeline;

import io.scoregateway.allocate.FrequencyCapAllocator;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One request's enrolled candidates: the distinct campaigns met (each gated once, the gates before
 * the lookups depend on the campaign and the request only), the distinct tracks and campaigns still
 * in play, and for every position in play the index of its track and campaign. Arrays indexed by
 * position and small open-addressing tables sized for the batch: no boxing, no per-candidate map
 * entries.
 */
final class Lookups {
  /** Positions in play, in request order, and the index of each one's track and campaign. */
  final int[] positions;

  final int[] trackAt;
  final int[] campaignAt;
  int size;

  /** The distinct tracks in play, in first-seen order: what the score lookup asks for. */
  final List<String> tracks;

  /** The distinct campaigns in play with a frequency cap, in first-seen order. */
  final List<Campaign> capped = new ArrayList<>();

  private final IdTable trackIds;
  private final IdTable campaignIds;

  /** By index of the campaigns met: the campaign, its answer when stopped early, its cap index. */
  private Campaign[] met;

  private Decision[] stopped;
  private int[] cappedAt;
  private int metCount;

  Lookups(int batch) {
    positions = new int[batch];
    trackAt = new int[batch];
    campaignAt = new int[batch];
    tracks = new ArrayList<>(Math.min(batch, 64));
    trackIds = new IdTable();
    campaignIds = new IdTable();
    met = new Campaign[Math.min(batch, 16)];
    stopped = new Decision[met.length];
    cappedAt = new int[met.length];
  }

  /**
   * The index of the candidate's campaign among those this request met, gated on first sight with
   * {@link Gates#beforeLookup}.
   */
  int campaign(Campaign c, ScoreRequest req, long nowMs) {
    int k = campaignIds.indexOf(c.id());
    if (k < metCount) {
      return k;
    }
    Reason r = Gates.beforeLookup(c, req, nowMs);
    if (k == met.length) {
      met = Arrays.copyOf(met, k * 2);
      stopped = Arrays.copyOf(stopped, k * 2);
      cappedAt = Arrays.copyOf(cappedAt, k * 2);
    }
    met[k] = c;
    stopped[k] = r == null ? null : new Decision(r, 0, c.id(), explainOf(req, c));
    if (r == null && c.frequencyCap() != null) {
      capped.add(c);
      cappedAt[k] = capped.size() - 1;
    } else {
      cappedAt[k] = -1;
    }
    metCount++;
    return k;
  }

  /** The campaign's answer when a gate before the lookups stops it, else null (in play). */
  Decision early(int campaign) {
    return stopped[campaign];
  }

  /** Puts a position in play: its track joins the lookups unless already there. */
  void add(int position, String track, int campaign) {
    int t = trackIds.indexOf(track);
    if (t == tracks.size()) {
      tracks.add(track);
    }
    positions[size] = position;
    trackAt[size] = t;
    campaignAt[size] = campaign;
    size++;
  }

  /** How many distinct campaigns the request met. */
  int campaigns() {
    return metCount;
  }

  Campaign campaignOf(int campaign) {
    return met[campaign];
  }

  /** True when the campaign passed the gates before the lookups. */
  boolean inPlay(int campaign) {
    return stopped[campaign] == null;
  }

  /** The campaign's index in {@link #capped} (and in the frequency counts), or -1 when uncapped. */
  int cappedAt(int campaign) {
    return cappedAt[campaign];
  }

  /**
   * Which entries in play lose their promotion to the listener's frequency caps ({@link
   * FrequencyCapAllocator}), given each entry's promotion and score and each campaign's remaining
   * allowance.
   */
  boolean[] frequencyCapped(boolean[] promoted, double[] score, long[] remaining) {
    return FrequencyCapAllocator.capped(
        Arrays.copyOf(campaignAt, size),
        Arrays.copyOf(trackAt, size),
        tracks.size(),
        promoted,
        score,
        remaining);
  }

  static Decision.Explain explainOf(ScoreRequest req, Campaign c) {
    if (!req.explain()) {
      return null;
    }
    return new Decision.Explain(
        Double.NaN, c == null ? Double.NaN : c.boost(), Double.NaN, -1, Double.NaN, -1);
  }

  /**
   * Ids to dense indices in first-seen order: open addressing over the ids' own hash codes, kept at
   * most half full.
   */
  private static final class IdTable {
    private int[] slots = new int[32]; // index + 1; 0 is empty
    private int[] hashes = new int[32];
    private String[] ids = new String[16];
    private int size;

    /** The id's index; a new id gets the next one ({@code size} before the call). */
    int indexOf(String id) {
      int h = id.hashCode();
      int mask = slots.length - 1;
      int i = (h ^ (h >>> 16)) & mask;
      for (int s = slots[i]; s != 0; s = slots[i]) {
        if (hashes[i] == h && ids[s - 1].equals(id)) {
          return s - 1;
        }
        i = (i + 1) & mask;
      }
      if (size == ids.length) {
        grow();
        return indexOf(id);
      }
      ids[size] = id;
      hashes[i] = h;
      slots[i] = ++size;
      return size - 1;
    }

    private void grow() {
      int[] oldSlots = slots;
      int[] oldHashes = hashes;
      slots = new int[oldSlots.length * 2];
      hashes = new int[slots.length];
      ids = Arrays.copyOf(ids, ids.length * 2);
      int mask = slots.length - 1;
      for (int j = 0; j < oldSlots.length; j++) {
        if (oldSlots[j] != 0) {
          int h = oldHashes[j];
          int i = (h ^ (h >>> 16)) & mask;
          while (slots[i] != 0) {
            i = (i + 1) & mask;
          }
          slots[i] = oldSlots[j];
          hashes[i] = h;
        }
      }
    }
  }
}
