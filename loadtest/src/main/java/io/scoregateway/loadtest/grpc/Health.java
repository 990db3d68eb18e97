package io.scoregateway.loadtest.grpc;

import io.grpc.Channel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.util.concurrent.TimeUnit;

/** The standard {@code grpc.health.v1.Health/Check}: SERVING, NOT_SERVING, or a failed call. */
final class Health {
  private Health() {}

  static String check(Channel ch, String service) {
    return HealthGrpc.newBlockingStub(ch)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(HealthCheckRequest.newBuilder().setService(service).build())
        .getStatus()
        .name();
  }
}
