package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.redis.RedisCall;
import io.scoregateway.store.Keys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eight clients score and deliver as fast as they can against one small asap budget: the budget is
 * reached and never exceeded (promotions in flight count against it: the pacing leases never exceed
 * what is left), and the counter equals the accepted events exactly.
 */
class BudgetRaceIT {
  static final int CLIENTS = 8;
  static final int BUDGET = 40;
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(2, null);
    seed();
  }

  /** The data every test here reads (also seeded by the cluster variant). */
  static void seed() {
    gw.snapshot("s", true, "tx", "", 0.5, "ty", "", 0.5);
    assertThat(
            gw.putCampaign("race", TestGateway.campaign("tx", "ty").put("budget", BUDGET))
                .statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  @Test
  void concurrentClientsReachTheBudgetAndNeverOverspend() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<int[]>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.add(pool.submit(() -> runClient(client)));
    }
    int accepted = 0;
    int promotions = 0;
    for (Future<int[]> f : clients) {
      int[] r = f.get();
      promotions += r[0];
      accepted += r[1];
    }
    pool.shutdown();
    long delivered =
        gw.seedLink
            .send(RedisCall.on(Command.HGET, Keys.pacing("race")).arg("delivered"))
            .await()
            .toLong();
    assertThat(delivered).as("counter equals accepted events").isEqualTo(accepted);
    assertThat(delivered).as("budget reached").isGreaterThanOrEqualTo(BUDGET);
    assertThat(delivered).as("no over-delivery").isLessThanOrEqualTo(BUDGET);
    assertThat(promotions).isEqualTo(accepted);
  }

  /** Score, deliver every promotion twice (a retry), until the budget is reported exhausted. */
  private static int[] runClient(int client) {
    int promotions = 0;
    int accepted = 0;
    int exhausted = 0;
    for (int n = 0; n < 10_000 && exhausted < 5; n++) {
      String user = "u-" + client + "-" + n;
      JsonObject res =
          gw.score(
                  new JsonObject()
                      .put("user", user)
                      .put("surface", "autoplay")
                      .put("market", "SE")
                      .put("candidates", new JsonArray().add("tx")))
              .bodyAsJsonObject()
              .getJsonArray("results")
              .getJsonObject(0);
      String reason = res.getString("reason");
      if (reason.equals("budget_exhausted")) {
        exhausted++;
        continue;
      }
      if (reason.equals("paced")) {
        // the lease ran dry: the instance renews it within a refresh period
        TestGateway.sleep(5);
        continue;
      }
      assertThat(reason).isEqualTo("promoted");
      promotions++;
      JsonObject event =
          new JsonObject()
              .put("id", "e-" + user)
              .put("user", user)
              .put("track", "tx")
              .put("campaign", "race")
              .put("surface", "autoplay")
              .put("ts", "2026-11-28T12:00:00Z");
      JsonObject body =
          new JsonObject().put("events", new JsonArray().add(event).add(event.copy()));
      JsonObject answer =
          gw.http
              .post(gw.port, "127.0.0.1", "/v1/deliveries")
              .sendJsonObject(body)
              .await()
              .bodyAsJsonObject();
      assertThat(answer.getInteger("duplicates")).isEqualTo(1);
      accepted += answer.getInteger("accepted");
    }
    return new int[] {promotions, accepted};
  }
}
