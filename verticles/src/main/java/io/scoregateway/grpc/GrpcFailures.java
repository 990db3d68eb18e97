package io.scoregateway.grpc;

import io.scoregateway.http.FailureCounts;
import io.scoregateway.http.Failures;
import io.scoregateway.http.Problem;
import io.scoregateway.http.ProblemType;
import io.scoregateway.redis.RedisFailures;
import io.vertx.grpc.common.GrpcStatus;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a failure becomes a gRPC status, through the classifier the HTTP routes use ({@link
 * Failures}): bad input is INVALID_ARGUMENT naming the field, "cannot tell now" is UNAVAILABLE
 * (retryable), anything else a bug: INTERNAL with a generic message and a request id, logged with
 * its stack trace under that id (no stack trace to callers). Every failure classified here is
 * counted in {@code gateway.failures} by its problem type, as on HTTP.
 */
final class GrpcFailures {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcFailures.class);

  /** A status and its readable message. */
  record Failure(GrpcStatus status, String message) {}

  private GrpcFailures() {}

  /** The status answering {@code err}, counted in {@code failures}. */
  static Failure of(Throwable err, String method, FailureCounts failures) {
    Problem problem = Failures.classify(err);
    failures.count(problem.type());
    return switch (problem.type()) {
      case INTERNAL -> {
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        LOG.error("unexpected failure in {}, request id {}", method, id, err);
        yield new Failure(GrpcStatus.INTERNAL, "unexpected error; request id " + id);
      }
      case UNAVAILABLE ->
          new Failure(
              GrpcStatus.UNAVAILABLE,
              RedisFailures.isInfrastructure(err)
                  ? "redis: " + RedisFailures.describe(err)
                  : problem.getMessage() + "; retry later");
      default -> new Failure(status(problem.type()), problem.getMessage());
    };
  }

  /** The gRPC status of a problem the HTTP data plane answers with {@code type}'s HTTP status. */
  static GrpcStatus status(ProblemType type) {
    return switch (type) {
      case INVALID_REQUEST,
          URI_TOO_LONG,
          HEADERS_TOO_LARGE,
          UNSUPPORTED_MEDIA_TYPE,
          NOT_ACCEPTABLE,
          METHOD_NOT_ALLOWED ->
          GrpcStatus.INVALID_ARGUMENT;
      case UNAUTHORIZED -> GrpcStatus.UNAUTHENTICATED;
      case FORBIDDEN -> GrpcStatus.PERMISSION_DENIED;
      case NOT_FOUND -> GrpcStatus.NOT_FOUND;
      case CONFLICT -> GrpcStatus.FAILED_PRECONDITION;
      case REQUEST_TIMEOUT -> GrpcStatus.DEADLINE_EXCEEDED;
      case PAYLOAD_TOO_LARGE, RATE_LIMITED -> GrpcStatus.RESOURCE_EXHAUSTED;
      case OVERLOADED, UNAVAILABLE -> GrpcStatus.UNAVAILABLE;
      case NOT_IMPLEMENTED -> GrpcStatus.UNIMPLEMENTED;
      case INTERNAL -> GrpcStatus.INTERNAL;
    };
  }

  /** Statuses a caller should retry after a pause: refusals under load, Redis not answering. */
  static boolean retryable(GrpcStatus s) {
    return s == GrpcStatus.UNAVAILABLE || s == GrpcStatus.RESOURCE_EXHAUSTED;
  }
}
