package io.scoregateway.model;

import java.util.Locale;

/** Where a score snapshot is in its life: loaded, activatable, or on its way out. */
public enum SnapshotState {
  /** Rows are being written (or the load died): not activatable; loading it again starts over. */
  LOADING,
  /** Every row landed: activatable, and immutable from now on. */
  COMPLETE,
  /** The loader gave up and said why: never activatable. */
  FAILED,
  /** Its keys are being erased (a restart leaves it so: deleting it again resumes). */
  DELETING,
  /** Erased; the id stays reserved because gateways cache snapshot rows by id. */
  DELETED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state of a wire name. */
  public static SnapshotState parse(String wire) {
    for (SnapshotState s : values()) {
      if (s.wire().equals(wire)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown snapshot state " + wire);
  }
}
