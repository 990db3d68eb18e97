package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MGETs asked of a link during one event-loop turn go to Redis as one command, and each caller
 * gets exactly its own values back, in its own order.
 */
class MgetBatchingIT {
  static LocalRedis redis;
  static Vertx vertx;
  static Context context;
  static RedisLink link;

  @BeforeAll
  static void setUp() throws Exception {
    redis = LocalRedis.start();
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    link = linkTo(redis);
    RedisCall mset = RedisCall.on(Command.MSET, "k0").arg("v0");
    for (int i = 1; i < 6000; i++) {
      mset.arg("k" + i).arg("v" + i);
    }
    onLoop(() -> link.send(mset));
  }

  @AfterAll
  static void tearDown() {
    link.close();
    vertx.close().await();
    redis.close();
  }

  @Test
  void oneTurnsMgetsAreOneCommandAndEachCallerGetsItsOwnValues() throws Exception {
    long mgetsBefore = mgetCalls();
    long tripsBefore = link.roundTrips();
    List<Response[]> replies =
        onLoop(
            () -> {
              Future<Response[]> a = link.mget(List.of("k1", "k2", "missing", "k3"));
              Future<Response[]> b = link.mget(List.of("k3", "k1"));
              Future<Response[]> c = link.mget(List.of("nothing-here"));
              return Future.all(a, b, c).map(all -> List.of(a.result(), b.result(), c.result()));
            });
    assertThat(values(replies.get(0))).containsExactly("v1", "v2", null, "v3");
    assertThat(values(replies.get(1))).containsExactly("v3", "v1");
    assertThat(values(replies.get(2))).containsExactly((String) null);
    long writes = link.roundTrips() - tripsBefore;
    assertThat(mgetCalls() - mgetsBefore).as("MGET commands Redis ran").isEqualTo(1);
    assertThat(writes).as("writes").isEqualTo(1);
  }

  @Test
  void callsFromSeparateTurnsStaySeparate() throws Exception {
    long mgetsBefore = mgetCalls();
    Response[] first = onLoop(() -> link.mget(List.of("k10")));
    Response[] second = onLoop(() -> link.mget(List.of("k11")));
    assertThat(values(first)).containsExactly("v10");
    assertThat(values(second)).containsExactly("v11");
    assertThat(mgetCalls() - mgetsBefore).isEqualTo(2);
  }

  @Test
  void aTurnBeyondTheKeyLimitIsSeveralCommandsInOneWrite() throws Exception {
    // three callers of 2,000 keys: the first two share a command, the third starts the next
    List<List<String>> asks = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      int from = c * 2000;
      asks.add(IntStream.range(from, from + 2000).mapToObj(i -> "k" + i).toList());
    }
    long mgetsBefore = mgetCalls();
    long tripsBefore = link.roundTrips();
    List<Response[]> replies =
        onLoop(
            () -> {
              List<Future<Response[]>> fs = asks.stream().map(link::mget).toList();
              return Future.all(fs).map(all -> fs.stream().map(Future::result).toList());
            });
    for (int c = 0; c < 3; c++) {
      int from = c * 2000;
      assertThat(values(replies.get(c)))
          .containsExactlyElementsOf(
              IntStream.range(from, from + 2000).mapToObj(i -> "v" + i).toList());
    }
    long writes = link.roundTrips() - tripsBefore;
    assertThat(mgetCalls() - mgetsBefore).isEqualTo(2);
    assertThat(writes).as("writes").isEqualTo(1);
  }

  @Test
  void aFailedTurnFailsEveryCallerOfIt() throws Exception {
    LocalRedis other = LocalRedis.start();
    RedisLink doomed = linkTo(other);
    other.kill();
    try {
      List<Future<Response[]>> asked =
          onLoop(
              () -> {
                List<Future<Response[]>> fs =
                    List.of(doomed.mget(List.of("a")), doomed.mget(List.of("b", "c")));
                return Future.join(fs).transform(ar -> Future.succeededFuture(fs));
              });
      for (Future<Response[]> f : asked) {
        assertThat(f.failed()).isTrue();
        assertThatThrownBy(f::await).isNotNull();
      }
    } finally {
      doomed.close();
      other.close();
    }
  }

  /** A connected link to {@code r}, owned by the test's event loop. */
  private static RedisLink linkTo(LocalRedis r) throws Exception {
    return onLoop(
        () -> {
          RedisLink l =
              new RedisConnector(vertx, new RedisOptions().setConnectionString(r.url()), List.of())
                  .link();
          return l.connect().map(l);
        });
  }

  private static List<String> values(Response[] reply) {
    List<String> out = new ArrayList<>();
    for (Response r : reply) {
      out.add(r == null ? null : r.toString());
    }
    return out;
  }

  private static long mgetCalls() throws Exception {
    String info =
        onLoop(() -> link.send(RedisCall.keyless(Command.INFO).arg("commandstats"))).toString();
    for (String line : info.split("\r?\n", -1)) {
      if (line.startsWith("cmdstat_mget:")) {
        int at = line.indexOf("calls=") + 6;
        return Long.parseLong(line.substring(at, line.indexOf(',', at)));
      }
    }
    return 0;
  }

  /** Runs {@code work} in one turn of the test's event loop and waits for its result. */
  private static <T> T onLoop(Supplier<Future<T>> work) throws Exception {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(done));
    return done.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
