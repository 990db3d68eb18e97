package io.scoregateway.grpc;

import com.google.protobuf.Message;
import io.scoregateway.codec.Ids;
import io.scoregateway.codec.InvalidInput;

/**
 * {@code scoregateway.v1.ScoreRequest}, as {@link ScoreRequestDecoder} read it, to the engine's
 * request, validated field by field with the same rules and messages as the JSON body ({@code
 * candidates[3]: invalid track id}). In proto3 an empty string is an absent one, so a missing id
 * reads "is required".
 */
final class ScoreRequests {
  private ScoreRequests() {}

  static io.scoregateway.model.ScoreRequest read(ScoreRequestDecoder.Fields m, int maxBatch) {
    if (m.unknownField() != 0) {
      throw unknownField(m.unknownField(), "", ScoreRequestDecoder.TYPE);
    }
    String user = id(m.user(), "user", "user id");
    String surface = id(m.surface(), "surface", "surface");
    if (m.market().isEmpty()) {
      throw new InvalidInput("market", "is required");
    }
    if (!Ids.validMarket(m.market())) {
      throw new InvalidInput(
          "market", "invalid market (expected an assigned ISO 3166 alpha-2 code, e.g. SE)");
    }
    String segment =
        m.segment().isEmpty()
            ? io.scoregateway.model.ScoreRequest.DEFAULT_SEGMENT
            : Ids.require("segment", m.segment(), "segment");
    int n = m.candidates().size();
    if (n == 0) {
      throw new InvalidInput("candidates", "must contain at least one track id");
    }
    if (n > maxBatch) {
      throw new InvalidInput("candidates", "too many candidates (at most " + maxBatch + ")");
    }
    if (m.invalidCandidate() >= 0) {
      throw new InvalidInput("candidates[" + m.invalidCandidate() + "]", "invalid track id");
    }
    int maxPromoted = -1;
    if (m.hasMaxPromoted()) {
      maxPromoted = m.maxPromoted();
      if (maxPromoted < 0) {
        throw new InvalidInput("max_promoted", "must be a non-negative integer");
      }
    }
    return new io.scoregateway.model.ScoreRequest(
        user, surface, m.market(), segment, m.candidates(), maxPromoted, m.explain());
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
      throw unknownField(
          unknown.keySet().iterator().next(), prefix, m.getDescriptorForType().getFullName());
    }
  }

  private static InvalidInput unknownField(int number, String prefix, String type) {
    return new InvalidInput(prefix + "field " + number, "unknown field (not in " + type + ")");
  }

  static String id(String value, String field, String what) {
    if (value.isEmpty()) {
      throw new InvalidInput(field, "is required");
    }
    return Ids.require(field, value, what);
  }
}
