package io.scoregateway.grpc;

import io.scoregateway.grpc.v1.ScoreRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms one event loop's gRPC path before the instance counts as ready, as {@code HotPathWarmup}
 * warms the HTTP one: real {@code Score} and {@code ScoreStream} calls of 1000, 100 and 10
 * candidates over HTTP/2 on loopback, to a gRPC server with the data plane's very methods, codecs
 * and HTTP/2 settings, listening on an ephemeral 127.0.0.1 port only while warming. So the Vert.x
 * gRPC server, the HTTP/2 codec, message decoding, the pipeline and the answer writer are loaded
 * and compiled before the first caller's call. The parts it is given leave no trace later calls
 * would see (no metrics, no pacing demand, no token), and the calls only read: listener {@code
 * gateway-warmup}.
 */
public final class GrpcWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcWarmup.class);
  private static final int[] BATCHES = {1000, 100, 10};
  private static final int ROUNDS = 20;
  private static final String TIMEOUT = "1000m";

  private final Vertx vertx;
  private final GrpcDataPlane.Parts parts;
  private int calls;
  private int failed;

  /**
   * @param parts the warm-up's own: a pipeline that reports no demand, observers into a registry
   *     nobody scrapes, no authentication
   */
  public GrpcWarmup(Vertx vertx, GrpcDataPlane.Parts parts) {
    this.vertx = vertx;
    this.parts = parts;
  }

  /**
   * Runs the calls with {@code enrolled} among the candidates; completes (never fails) when done.
   */
  public Future<Void> run(List<String> enrolled) {
    long t0 = System.nanoTime();
    List<Buffer> requests = requests(enrolled);
    HttpServer server =
        vertx
            .createHttpServer(
                GrpcDataPlane.http2(new HttpServerOptions().setHost("127.0.0.1").setPort(0)))
            .connectionHandler(GrpcDataPlane::consolidateFlushes)
            .requestHandler(GrpcDataPlane.server(parts));
    return server
        .listen()
        .compose(
            s -> {
              HttpClient client =
                  vertx.createHttpClient(
                      new HttpClientOptions()
                          .setProtocolVersion(HttpVersion.HTTP_2)
                          .setHttp2ClearTextUpgrade(false)
                          .setDefaultHost("127.0.0.1")
                          .setDefaultPort(s.actualPort()));
              return rounds(client, requests, 0).eventually(client::close);
            })
        .eventually(server::close)
        .otherwise(
            err -> {
              LOG.warn("grpc warm-up stopped early: {}", String.valueOf(err));
              return null;
            })
        .map(
            v -> {
              LOG.info(
                  "grpc path warm: {} calls ({} not OK) in {} ms",
                  calls,
                  failed,
                  (System.nanoTime() - t0) / 1_000_000);
              return null;
            });
  }

  private List<Buffer> requests(List<String> enrolled) {
    List<Buffer> out = new ArrayList<>();
    for (int size : BATCHES) {
      int n = Math.min(size, parts.settings().maxBatch());
      ScoreRequest.Builder b =
          ScoreRequest.newBuilder()
              .setUser("gateway-warmup")
              .setSurface("warmup")
              .setMarket("SE")
              .setMaxPromoted(3);
      for (int i = 0; i < n; i++) {
        b.addCandidates(
            i % 2 == 0 && i / 2 < enrolled.size() ? enrolled.get(i / 2) : "warmup-" + i);
      }
      byte[] message = b.build().toByteArray();
      out.add(
          Buffer.buffer(5 + message.length)
              .appendByte((byte) 0)
              .appendInt(message.length)
              .appendBytes(message));
    }
    return out;
  }

  private Future<Void> rounds(HttpClient client, List<Buffer> requests, int done) {
    if (done >= ROUNDS * requests.size()) {
      return Future.succeededFuture();
    }
    // one call in four streamed: both methods' code paths get compiled
    String method = done % 4 == 3 ? "ScoreStream" : "Score";
    return call(client, method, requests.get(done % requests.size()))
        .compose(v -> rounds(client, requests, done + 1));
  }

  private Future<Void> call(HttpClient client, String method, Buffer message) {
    RequestOptions o =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setURI("/" + GrpcMethods.SCORE_SERVICE.fullyQualifiedName() + "/" + method)
            .putHeader("content-type", "application/grpc")
            .putHeader("te", "trailers")
            .putHeader("grpc-timeout", TIMEOUT);
    return client
        .request(o)
        .compose(req -> req.send(message))
        .compose(resp -> resp.body().map(body -> status(resp)));
  }

  private Void status(HttpClientResponse resp) {
    calls++;
    String status = resp.getTrailer("grpc-status");
    if (status == null) {
      status = resp.getHeader("grpc-status"); // trailers-only
    }
    if (!"0".equals(status)) {
      failed++;
    }
    return null;
  }
}
