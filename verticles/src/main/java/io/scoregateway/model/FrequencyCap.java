package io.scoregateway.model;

/** At most {@code max} deliveries of one campaign to one listener per window. */
public record FrequencyCap(int max, long windowSeconds) {}
