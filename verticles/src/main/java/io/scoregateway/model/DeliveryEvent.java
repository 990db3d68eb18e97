package io.scoregateway.model;

import java.time.Instant;

/** An impression that really happened: the promoted track was played or shown. */
public record DeliveryEvent(
    String id, String user, String track, String campaign, String surface, Instant ts) {}
