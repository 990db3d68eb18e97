package io.scoregateway.grpc;

import io.scoregateway.grpc.v1.DeliveriesRequest;
import io.scoregateway.grpc.v1.DeliveriesResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.health.v1.HealthCheckRequest;
import io.vertx.grpc.health.v1.HealthCheckResponse;

/**
 * The methods the gateway serves, declared over the protoc-generated messages: {@code
 * scoregateway.v1.ScoreService} and the standard {@code grpc.health.v1.Health}.
 */
final class GrpcMethods {
  static final ServiceName SCORE_SERVICE = ServiceName.create("scoregateway.v1.ScoreService");
  static final ServiceName HEALTH_SERVICE = ServiceName.create("grpc.health.v1.Health");

  /**
   * Requests are read from their wire bytes ({@link ScoreRequestDecoder}), answers written as wire
   * bytes ({@link ScoreAnswerWriter}): a {@code ScoreResponse}.
   */
  static final ServiceMethod<Decoded<ScoreRequestDecoder.Fields>, Buffer> SCORE =
      ServiceMethod.server(
          SCORE_SERVICE, "Score", GrpcMessageEncoder.IDENTITY, ScoreRequestDecoder.DECODER);

  /** Each message's wire bytes: a {@code ScoreStreamResponse}. */
  static final ServiceMethod<Decoded<ScoreRequestDecoder.Fields>, Buffer> SCORE_STREAM =
      ServiceMethod.server(
          SCORE_SERVICE, "ScoreStream", GrpcMessageEncoder.IDENTITY, ScoreRequestDecoder.DECODER);

  static final ServiceMethod<Decoded<DeliveriesRequest>, DeliveriesResponse> DELIVERIES =
      ServiceMethod.server(
          SCORE_SERVICE,
          "Deliveries",
          GrpcMessageEncoder.encoder(),
          Decoded.decoder(DeliveriesRequest.parser(), "scoregateway.v1.DeliveriesRequest"));

  static final ServiceMethod<Decoded<HealthCheckRequest>, HealthCheckResponse> HEALTH_CHECK =
      ServiceMethod.server(
          HEALTH_SERVICE,
          "Check",
          GrpcMessageEncoder.encoder(),
          Decoded.decoder(HealthCheckRequest.parser(), "grpc.health.v1.HealthCheckRequest"));

  static final ServiceMethod<Decoded<HealthCheckRequest>, HealthCheckResponse> HEALTH_WATCH =
      ServiceMethod.server(
          HEALTH_SERVICE,
          "Watch",
          GrpcMessageEncoder.encoder(),
          Decoded.decoder(HealthCheckRequest.parser(), "grpc.health.v1.HealthCheckRequest"));

  private GrpcMethods() {}
}
