package io.scoregateway.catalog;

import io.scoregateway.model.Campaign;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Immutable in-memory view of every campaign, indexed by id and by enrolled track. */
public final class CampaignIndex {
  public static final CampaignIndex EMPTY = of(List.of());

  private final Map<String, Campaign> byId;
  private final TrackIndex byTrack;
  private final Map<String, Set<String>> tracksOf;

  private CampaignIndex(
      Map<String, Campaign> byId, TrackIndex byTrack, Map<String, Set<String>> tracksOf) {
    this.byId = byId;
    this.byTrack = byTrack;
    this.tracksOf = tracksOf;
  }

  /**
   * Builds the index. When ended campaigns still list a track that a newer one owns, the campaign
   * ending last wins: it is the open one, or else the most recent.
   */
  public static CampaignIndex of(Collection<Campaign> campaigns) {
    Map<String, Campaign> byId = new HashMap<>();
    Map<String, Campaign> byTrack = new HashMap<>();
    Map<String, Set<String>> tracksOf = new HashMap<>();
    for (Campaign c : campaigns) {
      byId.put(c.id(), c);
      tracksOf.put(c.id(), Set.copyOf(c.tracks()));
      for (String t : c.tracks()) {
        byTrack.merge(t, c, (a, b) -> a.end().isAfter(b.end()) ? a : b);
      }
    }
    return new CampaignIndex(Map.copyOf(byId), new TrackIndex(byTrack), Map.copyOf(tracksOf));
  }

  /** The campaign a track is enrolled in, or null. */
  public Campaign forTrack(String track) {
    return byTrack.get(track);
  }

  /** The campaign of each track ({@link #forTrack}), null where none, looked up all at once. */
  public Campaign[] forTracks(List<String> tracks) {
    Campaign[] out = new Campaign[tracks.size()];
    byTrack.getAll(tracks, out);
    return out;
  }

  /** True when the campaign lists the track (whether or not it still owns it). */
  public boolean lists(String campaign, String track) {
    Set<String> tracks = tracksOf.get(campaign);
    return tracks != null && tracks.contains(track);
  }

  public Campaign byId(String id) {
    return byId.get(id);
  }

  /** Every campaign. */
  public Collection<Campaign> all() {
    return byId.values();
  }

  /** Up to {@code max} enrolled track ids, in no particular order (for warming the hot path). */
  public List<String> sampleTracks(int max) {
    List<String> out = new java.util.ArrayList<>(Math.min(max, 1024));
    for (Set<String> tracks : tracksOf.values()) {
      for (String t : tracks) {
        if (out.size() >= max) {
          return out;
        }
        out.add(t);
      }
    }
    return out;
  }

  public int size() {
    return byId.size();
  }
}
