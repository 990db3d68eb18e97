package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.scoregateway.devredis.LocalRedis;
import io.vertx.grpc.health.v1.HealthCheckRequest;
import io.vertx.grpc.health.v1.HealthCheckResponse;
import io.vertx.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code grpc.health.v1.Health} answers as {@code GET /health/ready} does: NOT_SERVING while Redis
 * is unreachable (the data plane cannot connect, the catalog has not loaded), SERVING once
 * readiness turns 200; a watcher is told of the change.
 */
class GrpcHealthIT {
  static final MethodDescriptor<HealthCheckRequest, HealthCheckResponse> WATCH =
      MethodDescriptor.<HealthCheckRequest, HealthCheckResponse>newBuilder()
          .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
          .setFullMethodName("grpc.health.v1.Health/Watch")
          .setRequestMarshaller(ProtoUtils.marshaller(HealthCheckRequest.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(HealthCheckResponse.getDefaultInstance()))
          .build();

  @Test
  void servingExactlyWhenReadinessIs200AndWatchersHearTheChange() throws Exception {
    int redisPort = LocalRedis.freePort();
    try (TestGateway gw = TestGateway.startBeforeRedis(redisPort, true);
        GrpcClient client = new GrpcClient(gw.grpcPort)) {
      assertThat(
              gw.http.get(gw.adminPort, "127.0.0.1", "/health/ready").send().await().statusCode())
          .isEqualTo(503);
      assertThat(client.health("")).isEqualTo(ServingStatus.NOT_SERVING);
      assertThat(client.health("scoregateway.v1.ScoreService"))
          .isEqualTo(ServingStatus.NOT_SERVING);
      assertThat(client.health("grpc.health.v1.Health")).isEqualTo(ServingStatus.SERVING);

      List<ServingStatus> watched = new CopyOnWriteArrayList<>();
      ClientCall<HealthCheckRequest, HealthCheckResponse> watch =
          client.channel(null).newCall(WATCH, io.grpc.CallOptions.DEFAULT);
      ClientCalls.asyncServerStreamingCall(
          watch,
          HealthCheckRequest.getDefaultInstance(),
          new StreamObserver<>() {
            @Override
            public void onNext(HealthCheckResponse r) {
              watched.add(r.getStatus());
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onCompleted() {}
          });

      // Redis comes up on the port the gateway has been trying all along
      LocalRedis redis = LocalRedis.start(redisPort, List.of());
      try (redis) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (gw.http.get(gw.adminPort, "127.0.0.1", "/health/ready").send().await().statusCode()
                != 200
            && System.currentTimeMillis() < deadline) {
          TestGateway.sleep(50);
        }
        assertThat(client.health("")).isEqualTo(ServingStatus.SERVING);
        assertThat(client.health("scoregateway.v1.ScoreService")).isEqualTo(ServingStatus.SERVING);
        long heard = System.currentTimeMillis() + 5_000;
        while (!watched.contains(ServingStatus.SERVING) && System.currentTimeMillis() < heard) {
          TestGateway.sleep(50);
        }
        assertThat(watched).containsExactly(ServingStatus.NOT_SERVING, ServingStatus.SERVING);
        watch.cancel("done", null);
      }
      Status gone = GrpcClient.statusOf(() -> client.health("no.such.Service"));
      assertThat(gone.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }
  }
}
