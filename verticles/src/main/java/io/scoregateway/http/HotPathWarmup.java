package io.scoregateway.http;

import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms one data-plane instance before it counts as ready: once its Redis link is up and the
 * catalog is loaded, it runs internal scoring requests of 10, 100 and 1000 candidates through the
 * real path (parse, gates, Redis lookups on this event loop's connection, allocation, answer
 * writing), so class loading, code compilation and the first round trips happen before traffic. The
 * requests only read: listener {@code gateway-warmup}, no delivery is recorded. A further step
 * ({@link #then}: the gRPC path's, when the instance serves gRPC) runs before readiness hears.
 */
public final class HotPathWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(HotPathWarmup.class);
  private static final int[] BATCHES = {1000, 100, 10};
  private static final int ROUNDS = 20;
  private static final long REQUEST_TIMEOUT_MS = 1_000;
  private static final long POLL_MS = 10;

  private final Vertx vertx;
  private final ScoreRoutes scores;
  private final LiveCatalog catalog;
  private final RedisLink link;
  private final Readiness readiness;
  private final int maxBatch;
  private Function<List<String>, Future<Void>> next = enrolled -> Future.succeededFuture();

  public HotPathWarmup(
      Vertx vertx,
      ScoreRoutes scores,
      LiveCatalog catalog,
      RedisLink link,
      Readiness readiness,
      int maxBatch) {
    this.vertx = vertx;
    this.scores = scores;
    this.catalog = catalog;
    this.link = link;
    this.readiness = readiness;
    this.maxBatch = maxBatch;
  }

  /**
   * Warms with {@code step} too, after the HTTP path: it is given enrolled tracks to score among
   * its candidates, and readiness hears only when it completes.
   */
  public HotPathWarmup then(Function<List<String>, Future<Void>> step) {
    Function<List<String>, Future<Void>> before = next;
    next = enrolled -> before.apply(enrolled).compose(v -> step.apply(enrolled));
    return this;
  }

  /** Starts warming in the background; readiness hears when it is done. */
  public void start() {
    long t0 = System.nanoTime();
    whenServable()
        .compose(v -> rounds(requests(), 0))
        .compose(v -> next.apply(enrolled()))
        .onComplete(
            ar -> {
              // even a failed warm-up (Redis went away meanwhile) must not keep the instance
              // unready
              // forever: the link's own state still gates readiness
              readiness.warmed();
              LOG.info("hot path warm in {} ms", (System.nanoTime() - t0) / 1_000_000);
            });
  }

  private Future<Void> whenServable() {
    Promise<Void> ready = Promise.promise();
    vertx.setPeriodic(
        0,
        POLL_MS,
        id -> {
          if (link.isConnected() && catalog.view().loaded()) {
            vertx.cancelTimer(id);
            ready.complete();
          }
        });
    return ready.future();
  }

  private List<String> enrolled() {
    return catalog.view().campaigns().sampleTracks(maxBatch / 2);
  }

  private List<byte[]> requests() {
    List<String> enrolled = enrolled();
    List<byte[]> out = new ArrayList<>();
    for (int size : BATCHES) {
      int n = Math.min(size, maxBatch);
      StringBuilder b =
          new StringBuilder(
              "{\"user\":\"gateway-warmup\",\"surface\":\"warmup\",\"market\":\"SE\","
                  + "\"max_promoted\":3,\"candidates\":[");
      for (int i = 0; i < n; i++) {
        String track = i % 2 == 0 && i / 2 < enrolled.size() ? enrolled.get(i / 2) : "warmup-" + i;
        b.append(i == 0 ? "\"" : ",\"").append(track).append('"');
      }
      out.add(b.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private Future<Void> rounds(List<byte[]> requests, int done) {
    if (done >= ROUNDS * requests.size()) {
      return Future.succeededFuture();
    }
    return scores
        .internal(requests.get(done % requests.size()), REQUEST_TIMEOUT_MS)
        .compose(answer -> rounds(requests, done + 1));
  }
}
