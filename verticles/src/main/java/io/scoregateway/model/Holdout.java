package io.scoregateway.model;

/**
 * A share of listeners never promoted (by one campaign, or on a whole surface), chosen by a salted
 * hash of the listener so the same listeners stay held out on every request and instance.
 *
 * @param share the held-out fraction, in (0, 1]
 * @param salt what the listener is hashed with; a new salt draws a new group
 */
public record Holdout(double share, String salt) {}
