package io.scoregateway.grpc;

import io.scoregateway.codec.InvalidInput;
import io.scoregateway.pipeline.CatalogNotLoaded;
import io.scoregateway.redis.RedisFailures;
import io.vertx.grpc.common.GrpcStatus;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a failure becomes a gRPC status: bad input is INVALID_ARGUMENT naming the field,
 * "cannot tell now" is UNAVAILABLE (retryable), anything else INTERNAL with a generic message and a
 * log line (no stack trace to callers).
 */
final class GrpcFailures {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcFailures.class);

  /** A status and its readable message. */
  record Failure(GrpcStatus status, String message) {}

  private GrpcFailures() {}

  static Failure of(Throwable err, String method) {
    if (err instanceof InvalidInput bad) {
      return new Failure(GrpcStatus.INVALID_ARGUMENT, bad.getMessage());
    }
    if (err instanceof CatalogNotLoaded) {
      return new Failure(GrpcStatus.UNAVAILABLE, "catalog: " + err.getMessage() + "; retry later");
    }
    if (err instanceof TimeoutException || RedisFailures.isInfrastructure(err)) {
      return new Failure(GrpcStatus.UNAVAILABLE, "redis: " + RedisFailures.describe(err));
    }
    LOG.error("unexpected failure in {}", method, err);
    return new Failure(GrpcStatus.INTERNAL, "unexpected error");
  }

  /** Statuses a caller should retry after a pause: refusals under load, Redis not answering. */
  static boolean retryable(GrpcStatus s) {
    return s == GrpcStatus.UNAVAILABLE || s == GrpcStatus.RESOURCE_EXHAUSTED;
  }
}
