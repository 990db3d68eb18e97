package io.scoregateway.exposure;

/** One encoded exposure record: its key (the listener key) and its JSON text. */
record ExposureLine(String key, String json) {}
