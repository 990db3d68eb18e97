package io.scoregateway.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.scoregateway.auth.AccessDenied;
import io.scoregateway.codec.InvalidInput;
import io.scoregateway.pipeline.CatalogNotLoaded;
import io.scoregateway.redis.RedisFailures;
import io.scoregateway.store.CampaignStore;
import io.vertx.core.json.DecodeException;

/**
 * The one map from a failure to the problem it is answered with: the caller's mistakes are 4xx,
 * Redis that cannot serve (down, stalled, breaker open, writes not replicated) or a catalog not yet
 * loaded is 503 and safe to retry, and anything else is a bug: 500. Requests the HTTP codec could
 * not decode have their own map ({@link #undecodable}). What it classifies is counted by {@link
 * FailureCounts}, on either protocol.
 */
public final class Failures {
  private Failures() {}

  /**
   * The problem answering {@code err}; {@link ProblemType#INTERNAL} for what nothing expects. The
   * gRPC data plane maps the same problems to its statuses.
   */
  public static Problem classify(Throwable err) {
    if (err instanceof Problem p) {
      return p;
    }
    if (err instanceof InvalidInput bad) {
      return new Problem(ProblemType.INVALID_REQUEST, bad.getMessage());
    }
    if (err instanceof DecodeException) {
      return new Problem(ProblemType.INVALID_REQUEST, "body: malformed JSON");
    }
    if (err instanceof AccessDenied denied) {
      return new Problem(
          denied.reason() == AccessDenied.Reason.UNAUTHENTICATED
              ? ProblemType.UNAUTHORIZED
              : ProblemType.FORBIDDEN,
          denied.getMessage());
    }
    if (err instanceof CampaignStore.TrackConflict conflict) {
      return new Problem(ProblemType.CONFLICT, conflict.getMessage());
    }
    if (err instanceof CatalogNotLoaded) {
      return new Problem(ProblemType.UNAVAILABLE, "catalog: " + err.getMessage());
    }
    if (RedisFailures.isInfrastructure(err)) {
      return new Problem(ProblemType.UNAVAILABLE, "redis: " + err.getMessage());
    }
    return new Problem(ProblemType.INTERNAL, "unexpected error");
  }

  /**
   * The problem answering a request the HTTP codec could not decode ({@code cause} null when it
   * gave none): our framing checks name their own, the codec's own limits (set above ours) read as
   * ours.
   */
  static Problem undecodable(Throwable cause) {
    if (cause instanceof StrictFraming.Violation v) {
      return new Problem(v.type(), v.getMessage());
    }
    if (cause instanceof TooLongHttpLineException) {
      return new Problem(
          ProblemType.URI_TOO_LONG, "uri: longer than " + RequestFront.MAX_URI + " characters");
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return new Problem(
          ProblemType.HEADERS_TOO_LARGE,
          "headers: larger than " + RequestFront.MAX_HEADERS + " bytes");
    }
    return new Problem(ProblemType.INVALID_REQUEST, "request: not valid HTTP/1.1");
  }
}
