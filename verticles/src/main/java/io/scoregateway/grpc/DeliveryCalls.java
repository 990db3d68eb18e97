package io.scoregateway.grpc;

import io.scoregateway.auth.Role;
import io.scoregateway.grpc.v1.DeliveriesRequest;
import io.scoregateway.grpc.v1.DeliveriesResponse;
import io.scoregateway.grpc.v1.Rejection;
import io.scoregateway.http.Failures;
import io.scoregateway.http.ProblemType;
import io.scoregateway.pipeline.DeliveryRecorder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServerRequest;
import java.util.concurrent.TimeUnit;

/**
 * {@code Deliveries}: OK means every accepted event is counted; when Redis cannot confirm in time
 * (or the catalog is not loaded yet) the call ends UNAVAILABLE and a retry counts nothing twice.
 */
final class DeliveryCalls {
  private final GrpcDataPlane.Parts parts;

  DeliveryCalls(GrpcDataPlane.Parts parts) {
    this.parts = parts;
  }

  void deliveries(GrpcServerRequest<Decoded<DeliveriesRequest>, DeliveriesResponse> req) {
    GrpcCall<DeliveriesRequest, DeliveriesResponse> call = parts.open(req);
    if (parts.gate().admit(call, Role.DELIVER)) {
      call.read(parts.settings().bodyReadMs(), m -> record(call, m));
    }
  }

  private void record(GrpcCall<DeliveriesRequest, DeliveriesResponse> call, DeliveriesRequest m) {
    DeliveryRequests.Parsed parsed = DeliveryRequests.read(m);
    call.describe(parsed.events().size(), null);
    parts
        .deliveries()
        .record(parsed.events(), parsed.errors())
        .timeout(parts.settings().deliveryTimeoutMs(), TimeUnit.MILLISECONDS)
        .onSuccess(
            o -> {
              parts.decisions().counted(o);
              DeliveriesResponse.Builder b =
                  DeliveriesResponse.newBuilder()
                      .setAccepted(o.accepted())
                      .setDuplicates(o.duplicates());
              for (DeliveryRecorder.Rejection r : o.rejected()) {
                b.addRejected(Rejection.newBuilder().setIndex(r.index()).setError(r.error()));
              }
              call.ok(b.build());
            })
        .onFailure(
            err -> {
              if (Failures.classify(err).type() != ProblemType.UNAVAILABLE) {
                call.fail(err); // a bug, not Redis that could not confirm
                return;
              }
              call.outcome("unconfirmed");
              call.refuse(
                  GrpcStatus.UNAVAILABLE,
                  "redis: deliveries not confirmed (" + err.getMessage() + "); retrying is safe");
            });
  }
}
