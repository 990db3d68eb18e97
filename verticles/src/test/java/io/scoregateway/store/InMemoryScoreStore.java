package io.scoregateway.store;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Snapshot rows in a map, answering at once; remembers what each call asked for. */
public final class InMemoryScoreStore implements ScoreStore {
  private final Map<String, Map<String, ScoreEntry>> rows = new HashMap<>();
  private final List<List<String>> calls = new ArrayList<>();

  /** Stores a track's row in a snapshot, encoded as the loader writes it ({@code seg=score;}). */
  public InMemoryScoreStore put(String snapshot, String track, String encoded) {
    rows.computeIfAbsent(snapshot, s -> new HashMap<>()).put(track, ScoreEntry.decode(encoded));
    return this;
  }

  @Override
  public Future<ScoreEntry[]> scores(String snapshot, List<String> tracks) {
    calls.add(List.copyOf(tracks));
    Map<String, ScoreEntry> snap = rows.getOrDefault(snapshot, Map.of());
    ScoreEntry[] out = new ScoreEntry[tracks.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = snap.get(tracks.get(i));
    }
    return Future.succeededFuture(out);
  }

  /** The tracks of each call, in order. */
  public List<List<String>> calls() {
    return calls;
  }
}
