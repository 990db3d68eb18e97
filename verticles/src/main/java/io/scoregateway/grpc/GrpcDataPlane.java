package io.scoregateway.grpc;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.scoregateway.http.ConnectionCap;
import io.scoregateway.http.FailureCounts;
import io.scoregateway.http.Listeners;
import io.scoregateway.pipeline.DeliveryRecorder;
import io.scoregateway.pipeline.ExchangeObserver;
import io.scoregateway.pipeline.ScorePipeline;
import io.scoregateway.telemetry.DecisionMetrics;
import io.scoregateway.telemetry.GrpcObserver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
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
   * @param failures counts the failures calls end with, as the HTTP routes' are counted
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
      BooleanSupplier ready,
      FailureCounts failures) {

    /** Opens a call of {@code req}'s method, observed from now on. */
    <Req, Resp> GrpcCall<Req, Resp> open(GrpcServerRequest<Decoded<Req>, Resp> req) {
      return new GrpcCall<>(vertx, req, observer.method(req.fullMethodName()).begin(), failures);
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

  /**
   * HTTP/2 flow-control windows (what a caller may send before it is acked): connection, stream.
   */
  private static final int CONNECTION_WINDOW = 4 << 20;

  private static final int STREAM_WINDOW = 1 << 20;

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
   * {@code options} turned to gRPC's HTTP/2: h2c by prior knowledge, ALPN h2, no HTTP-level
   * compression (gRPC compresses per message).
   */
  static HttpServerOptions http2(HttpServerOptions options) {
    return options
        .setHttp2ClearTextEnabled(true)
        .setCompressionSupported(false)
        .setAlpnVersions(List.of(HttpVersion.HTTP_2))
        // a 1000-candidate request is ~12 KB: with the default 64 KB connection window a
        // WINDOW_UPDATE goes back every few requests, with this one every few hundred; a stream
        // takes a request of up to 1 MB without waiting for one. What a request may buffer is
        // bounded by the message size limit, not by these windows.
        .setHttp2ConnectionWindowSize(CONNECTION_WINDOW)
        .setInitialSettings(
            new Http2Settings(options.getInitialSettings()).setInitialWindowSize(STREAM_WINDOW));
  }

  /**
   * Each call's answer is written in two flushes (headers and message, then trailers), each a
   * syscall of its own when written outside a read of that connection (an answer completes on a
   * Redis reply): flushes within one event-loop task are sent as one, after the task.
   */
  static void consolidateFlushes(HttpConnection connection) {
    if (connection instanceof ConnectionBase c) {
      ChannelPipeline p = c.channel().pipeline();
      if (p.get(FlushConsolidationHandler.class) == null) {
        FlushConsolidationHandler h =
            new FlushConsolidationHandler(
                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true);
        if (p.get("ssl") != null) {
          p.addAfter("ssl", "flush-consolidation", h);
        } else {
          p.addFirst("flush-consolidation", h);
        }
      }
    }
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
    HttpServerOptions o = http2(dataOptions);
    if (o.isSsl()) {
      o.setUseAlpn(true);
    }
    HttpServer server =
        vertx
            .createHttpServer(o)
            .connectionHandler(
                c -> {
                  consolidateFlushes(c);
                  cap.admit(c);
                })
            .requestHandler(grpc);
    return server.listen().onSuccess(listeners::addAlpn);
  }
}
