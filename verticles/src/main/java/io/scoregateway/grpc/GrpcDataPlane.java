package io.scoregateway.grpc;

import io.scoregateway.http.ConnectionCap;
import io.scoregateway.http.Listeners;
import io.scoregateway.pipeline.DeliveryRecorder;
import io.scoregateway.pipeline.ExchangeObserver;
import io.scoregateway.pipeline.ScorePipeline;
import io.scoregateway.telemetry.DecisionMetrics;
import io.scoregateway.telemetry.GrpcObserver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.grpc.server.GrpcProtocol;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;
import io.vertx.grpc.server.GrpcServerRequest;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The gRPC data plane of one event loop: {@code scoregateway.v1.ScoreService} and {@code
 * grpc.health.v1.Health} on the Vert.x gRPC server, over HTTP/2 on its own port (cleartext with
 * prior knowledge, or TLS with ALPN {@code h2} when the gateway has a certificate). Its own port,
 * because the data port speaks strict HTTP/1.1 only.
 */
public final class GrpcDataPlane {
  /**
   * What the calls need, one set per event loop.
   *
   * @param observer the calls' spans, meters and slow-call log
   * @param exchanges watches the writing of each score answer (its span and decision counts)
   * @param decisions counts delivery outcomes
   * @param ready whether {@code /health/ready} would answer 200
   */
  public record Parts(
      Vertx vertx,
      ScorePipeline pipeline,
      DeliveryRecorder deliveries,
      GrpcGate gate,
      GrpcObserver observer,
      ExchangeObserver exchanges,
      DecisionMetrics decisions,
      Settings settings,
      BooleanSupplier ready) {

    /** Opens a call of {@code req}'s method, observed from now on. */
    <Req, Resp> GrpcCall<Req, Resp> open(GrpcServerRequest<Decoded<Req>, Resp> req) {
      return new GrpcCall<>(vertx, req, observer.method(req.fullMethodName()).begin());
    }
  }

  /**
   * The limits the calls apply, taken from the HTTP routes' settings.
   *
   * @param maxBatch most candidates per request
   * @param defaultTimeoutMs the deadline of a call that sets none
   * @param bodyReadMs the request message must arrive within this after the headers
   * @param deliveryTimeoutMs how long deliveries wait for Redis to confirm
   * @param maxMessageBytes largest request message accepted
   */
  public record Settings(
      int maxBatch,
      long defaultTimeoutMs,
      long bodyReadMs,
      long deliveryTimeoutMs,
      int maxMessageBytes) {}

  private GrpcDataPlane() {}

  /** The gRPC server with every method bound; protobuf over HTTP/2 only (no gRPC-Web). */
  public static GrpcServer server(Parts parts) {
    GrpcServerOptions options =
        new GrpcServerOptions()
            .removeEnabledProtocol(GrpcProtocol.WEB)
            .removeEnabledProtocol(GrpcProtocol.WEB_TEXT)
            .removeEnabledProtocol(GrpcProtocol.TRANSCODING)
            .setMaxMessageSize(parts.settings().maxMessageBytes());
    GrpcServer server = GrpcServer.server(parts.vertx(), options);
    ScoreCalls scores = new ScoreCalls(parts);
    DeliveryCalls deliveries = new DeliveryCalls(parts);
    GrpcHealth health = new GrpcHealth(parts);
    server.callHandler(GrpcMethods.SCORE, scores::score);
    server.callHandler(GrpcMethods.SCORE_STREAM, scores::scoreStream);
    server.callHandler(GrpcMethods.DELIVERIES, deliveries::deliveries);
    server.callHandler(GrpcMethods.HEALTH_CHECK, health::check);
    server.callHandler(GrpcMethods.HEALTH_WATCH, health::watch);
    return server;
  }

  /**
   * Serves {@code grpc} with the data port's options turned to HTTP/2: h2c by prior knowledge, ALPN
   * h2 over TLS, no HTTP-level compression (gRPC compresses per message). Connections count against
   * the port's cap, and the server takes part in TLS reloads.
   */
  public static Future<HttpServer> listen(
      Vertx vertx,
      HttpServerOptions dataOptions,
      GrpcServer grpc,
      Listeners listeners,
      ConnectionCap cap) {
    HttpServerOptions o =
        dataOptions
            .setHttp2ClearTextEnabled(true)
            .setCompressionSupported(false)
            .setAlpnVersions(List.of(HttpVersion.HTTP_2));
    if (o.isSsl()) {
      o.setUseAlpn(true);
    }
    HttpServer server =
        vertx.createHttpServer(o).connectionHandler(cap::admit).requestHandler(grpc);
    return server.listen().onSuccess(listeners::addAlpn);
  }
}
