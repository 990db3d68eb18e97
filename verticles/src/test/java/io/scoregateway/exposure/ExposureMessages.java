package io.scoregateway.exposure;

import io.scoregateway.exposure.v2.CampaignTerms;
import io.scoregateway.exposure.v2.ExposureBatch;
import io.scoregateway.exposure.v2.ExposureRecord;
import io.scoregateway.exposure.v2.RequestExposures;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a protobuf {@code ExposureBatch} as the JSON records of schema version 1, field for field,
 * the way docs/exposure-log.md maps one onto the other: what a consumer of either format sees.
 */
public final class ExposureMessages {
  private ExposureMessages() {}

  /** The records of every request of the batch, in order. */
  public static List<JsonObject> asJsonRecords(ExposureBatch batch) {
    List<JsonObject> out = new ArrayList<>();
    for (RequestExposures m : batch.getRequestsList()) {
      out.addAll(asJsonRecords(batch, m));
    }
    return out;
  }

  /** The records of one request of the batch: its campaign terms resolved in the batch. */
  public static List<JsonObject> asJsonRecords(ExposureBatch batch, RequestExposures m) {
    List<JsonObject> out = new ArrayList<>();
    for (ExposureRecord r : m.getRecordsList()) {
      CampaignTerms t = batch.getCampaigns(r.getCampaignRef());
      JsonObject o =
          new JsonObject()
              .put("schema_version", m.getSchemaVersion())
              .put("ts", Instant.ofEpochMilli(m.getTsUnixMs()).toString())
              .put("request_id", m.getRequestId())
              .put("trace_id", orNull(m.getTraceId()))
              .put("listener", m.getListener())
              .put("surface", m.getSurface())
              .put("market", m.getMarket())
              .put("segment", m.getSegment())
              .put("snapshot", orNull(m.getSnapshot()))
              .put("arm", wire(m.getArm().name(), "ARM_"))
              .put("experiment", orNull(m.getExperiment()))
              .put("position", r.getPosition())
              .put("track", r.getTrack())
              .put("campaign", t.getCampaign())
              .put("reason", wire(r.getReason().name(), "REASON_"))
              .put("promoted", r.getPromoted())
              .put("ghost", r.getGhost())
              .put("holdout", wire(r.getHoldout().name(), "HOLDOUT_SCOPE_"))
              .put("would_be", wire(r.getWouldBe().name(), "REASON_"))
              .put("base_score", r.hasBaseScore() ? r.getBaseScore() : null)
              .put("boost", t.getBoost())
              .put("score", r.getScore())
              .put("pass_rate", t.hasPassRate() ? t.getPassRate() : null);
      out.add(o);
    }
    return out;
  }

  private static String orNull(String s) {
    return s.isEmpty() ? null : s;
  }

  /** {@code REASON_FREQUENCY_CAPPED} is {@code frequency_capped}; the UNSPECIFIED value null. */
  private static String wire(String name, String prefix) {
    String s = name.substring(prefix.length()).toLowerCase(Locale.ROOT);
    return s.equals("unspecified") ? null : s;
  }
}
