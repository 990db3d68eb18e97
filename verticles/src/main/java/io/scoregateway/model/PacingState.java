package io.scoregateway.model;

/** A campaign's live pacing numbers as read at score time. */
public record PacingState(long delivered, double passRate, double planned) {}
