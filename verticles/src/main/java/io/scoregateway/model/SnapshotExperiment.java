package io.scoregateway.model;

import java.time.Instant;

/**
 * A running snapshot experiment: {@code share} of listeners (by a salted hash of the listener) are
 * served the {@code challenger} snapshot, the rest the active one (the champion).
 *
 * @param since when it was started or last changed
 */
public record SnapshotExperiment(
    String id, String challenger, double share, String salt, Instant since) {}
