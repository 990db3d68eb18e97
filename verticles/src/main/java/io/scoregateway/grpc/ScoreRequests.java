package io.scoregateway.grpc;

import com.google.protobuf.Message;
import io.scoregateway.codec.Ids;
import io.scoregateway.codec.InvalidInput;
import io.scoregateway.grpc.v1.ScoreRequest;
import java.util.Arrays;
import java.util.List;

/**
 * {@code scoregateway.v1.ScoreRequest} to the engine's request, validated field by field with the
 * same rules and messages as the JSON body ({@code candidates[3]: invalid track id}). In proto3 an
 * empty string is an absent one, so a missing id reads "is required".
 */
final class ScoreRequests {
  private ScoreRequests() {}

  static io.scoregateway.model.ScoreRequest read(ScoreRequest m, int maxBatch) {
    refuseUnknownFields(m, "");
    String user = id(m.getUser(), "user", "user id");
    String surface = id(m.getSurface(), "surface", "surface");
    if (m.getMarket().isEmpty()) {
      throw new InvalidInput("market", "is required");
    }
    if (!Ids.validMarket(m.getMarket())) {
      throw new InvalidInput(
          "market", "invalid market (expected an assigned ISO 3166 alpha-2 code, e.g. SE)");
    }
    String segment =
        m.getSegment().isEmpty()
            ? io.scoregateway.model.ScoreRequest.DEFAULT_SEGMENT
            : Ids.require("segment", m.getSegment(), "segment");
    int n = m.getCandidatesCount();
    if (n == 0) {
      throw new InvalidInput("candidates", "must contain at least one track id");
    }
    if (n > maxBatch) {
      throw new InvalidInput("candidates", "too many candidates (at most " + maxBatch + ")");
    }
    // out of protobuf's lazy string list once: the pipeline reads each id several times
    String[] ids = m.getCandidatesList().toArray(new String[0]);
    for (int i = 0; i < n; i++) {
      if (!Ids.valid(ids[i])) {
        throw new InvalidInput("candidates[" + i + "]", "invalid track id");
      }
    }
    List<String> candidates = Arrays.asList(ids);
    int maxPromoted = -1;
    if (m.hasMaxPromoted()) {
      maxPromoted = m.getMaxPromoted();
      if (maxPromoted < 0) {
        throw new InvalidInput("max_promoted", "must be a non-negative integer");
      }
    }
    return new io.scoregateway.model.ScoreRequest(
        user, surface, m.getMarket(), segment, candidates, maxPromoted, m.getExplain());
  }

  /**
   * A field this version does not know is refused by number: a newer client's setting silently
   * dropped would apply a default the caller did not ask for.
   *
   * @param prefix where the message sits ({@code ""} for the request itself)
   */
  static void refuseUnknownFields(Message m, String prefix) {
    if (m.getUnknownFields().getSerializedSize() == 0) {
      return;
    }
    var unknown = m.getUnknownFields().asMap();
    if (!unknown.isEmpty()) {
      int number = unknown.keySet().iterator().next();
      throw new InvalidInput(
          prefix + "field " + number,
          "unknown field (not in " + m.getDescriptorForType().getFullName() + ")");
    }
  }

  static String id(String value, String field, String what) {
    if (value.isEmpty()) {
      throw new InvalidInput(field, "is required");
    }
    return Ids.require(field, value, what);
  }
}
