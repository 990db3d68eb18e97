package io.scoregateway.grpc;

import io.vertx.core.Vertx;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.health.v1.HealthCheckRequest;
import io.vertx.grpc.health.v1.HealthCheckResponse;
import io.vertx.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.vertx.grpc.server.GrpcServerRequest;
import java.util.function.BooleanSupplier;

/**
 * The standard {@code grpc.health.v1.Health} service, answering as {@code GET /health/ready} does:
 * the server as a whole ({@code ""}) and {@code scoregateway.v1.ScoreService} are SERVING exactly
 * when readiness is 200; the health service itself always is. No token needed, as for the HTTP
 * health endpoints. {@code Watch} sends the status at once and then each change.
 */
final class GrpcHealth {
  /** How often a watched status is re-evaluated. */
  static final long WATCH_PERIOD_MS = 1_000;

  private final Vertx vertx;
  private final BooleanSupplier ready;
  private final GrpcDataPlane.Parts parts;

  GrpcHealth(GrpcDataPlane.Parts parts) {
    this.vertx = parts.vertx();
    this.ready = parts.ready();
    this.parts = parts;
  }

  void check(GrpcServerRequest<Decoded<HealthCheckRequest>, HealthCheckResponse> req) {
    GrpcCall<HealthCheckRequest, HealthCheckResponse> call = parts.open(req);
    call.read(
        parts.settings().bodyReadMs(),
        m -> {
          ServingStatus s = status(m.getService());
          if (s == ServingStatus.SERVICE_UNKNOWN) {
            call.refuse(GrpcStatus.NOT_FOUND, "service: unknown service " + m.getService());
          } else {
            call.ok(HealthCheckResponse.newBuilder().setStatus(s).build());
          }
        });
  }

  void watch(GrpcServerRequest<Decoded<HealthCheckRequest>, HealthCheckResponse> req) {
    GrpcCall<HealthCheckRequest, HealthCheckResponse> call = parts.open(req);
    call.read(
        parts.settings().bodyReadMs(),
        m -> {
          ServingStatus[] last = {status(m.getService())};
          call.write(HealthCheckResponse.newBuilder().setStatus(last[0]).build());
          long timer =
              vertx.setPeriodic(
                  WATCH_PERIOD_MS,
                  id -> {
                    ServingStatus now = status(m.getService());
                    if (now != last[0]) {
                      last[0] = now;
                      call.write(HealthCheckResponse.newBuilder().setStatus(now).build());
                    }
                  });
          call.onEnd(() -> vertx.cancelTimer(timer));
        });
  }

  private ServingStatus status(String service) {
    if (service.isEmpty() || service.equals(GrpcMethods.SCORE_SERVICE.fullyQualifiedName())) {
      return ready.getAsBoolean() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    }
    if (service.equals(GrpcMethods.HEALTH_SERVICE.fullyQualifiedName())) {
      return ServingStatus.SERVING;
    }
    return ServingStatus.SERVICE_UNKNOWN;
  }
}
