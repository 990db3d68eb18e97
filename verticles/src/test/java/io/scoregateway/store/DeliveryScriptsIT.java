package io.scoregateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** delivery_campaign.lua and delivery_user.lua against a real Redis. */
class DeliveryScriptsIT {
  static LocalRedis redis;
  static Vertx vertx;
  static RedisLink link;

  @BeforeAll
  static void setUp() throws Exception {
    redis = LocalRedis.start();
    vertx = Vertx.vertx();
    link =
        new RedisConnector(
                vertx, new RedisOptions().setConnectionString(redis.url()), LuaScript.ALL)
            .link();
    link.connect().await();
  }

  @AfterAll
  static void tearDown() {
    link.close();
    vertx.close().await();
    redis.close();
  }

  static Response get(String key) {
    return link.send(RedisCall.on(Command.GET, key)).await();
  }

  @Nested
  class CampaignSide {
    /** Events as ids, or {@code id=fingerprint} (default fingerprint: "u t"), no outcome. */
    Response call(String campaign, String... events) {
      return callAt(campaign, 1_000, events);
    }

    /**
     * Events at engagement bucket {@code bucket}: ids, {@code id=fingerprint}, or {@code
     * id=fingerprint/outcome} with outcome '', p or s.
     */
    Response callAt(String campaign, long bucket, String... events) {
      List<String> keys = new java.util.ArrayList<>();
      List<String> args = new java.util.ArrayList<>();
      List<String> outcomes = new java.util.ArrayList<>();
      keys.add(Keys.pacing(campaign));
      args.add("600");
      args.add(Long.toString(bucket));
      args.add(Integer.toString(io.scoregateway.pacing.EngagementWindow.BUCKETS));
      for (String e : events) {
        String[] idAndPrint = e.split("=", 2);
        String[] printAndOutcome = (idAndPrint.length > 1 ? idAndPrint[1] : "u t").split("/", 2);
        keys.add(Keys.campaignEvent(campaign, idAndPrint[0]));
        args.add(printAndOutcome[0]);
        outcomes.add(printAndOutcome.length > 1 ? printAndOutcome[1] : "");
      }
      args.addAll(outcomes);
      return link.eval(LuaScript.DELIVERY_CAMPAIGN, keys, args).await();
    }

    String engagement(String campaign) {
      Response r = link.send(RedisCall.on(Command.HGET, Keys.pacing(campaign)).arg("eng")).await();
      return r == null ? null : r.toString();
    }

    @Test
    void outcomesOfEventsCountedNowGoIntoTheirBucketOnce() {
      callAt("g1", 500, "e1=u t/s", "e2=u t/p", "e3=u t", "e4=u t/s");
      assertThat(engagement("g1")).isEqualTo("500:3:2");
      // a retry adds nothing, whatever outcome it now claims; a new event in the same bucket adds
      callAt("g1", 500, "e1=u t/p", "e2=u t/s", "e5=u t/s");
      assertThat(engagement("g1")).isEqualTo("500:4:3");
      callAt("g1", 503, "e6=u t/p");
      assertThat(engagement("g1")).isEqualTo("500:4:3,503:1:0");
      // once a bucket has left the window it is dropped when the next outcome arrives
      callAt("g1", 512, "e7=u t/p");
      assertThat(engagement("g1")).isEqualTo("503:1:0,512:1:0");
      assertThat(io.scoregateway.pacing.EngagementWindow.sum(engagement("g1"), 512))
          .isEqualTo(new io.scoregateway.pacing.EngagementWindow.Counts(2, 0));
    }

    @Test
    void eventsWithoutAnOutcomeLeaveTheWindowAlone() {
      callAt("g2", 7, "e1", "e2");
      assertThat(engagement("g2")).isNull();
      assertThat(call("g2", "e3").get(0).toLong()).isEqualTo(3);
    }

    @Test
    void anIdReusedWithOtherContentIsRefusedAndNotCounted() {
      call("k4", "e1=u-20 t1");
      Response reused = call("k4", "e1=u-21 t1", "e1=u-20 t1", "e2=u-21 t1");
      assertThat(
              List.of(
                  reused.get(1).toInteger(), reused.get(2).toInteger(), reused.get(3).toInteger()))
          .containsExactly(-1, 0, 1);
      assertThat(reused.get(0).toLong()).isEqualTo(2);
    }

    @Test
    void countsNewEventsOnceAndFlagsRepeats() {
      Response first = call("k1", "e1", "e2", "e1");
      assertThat(first.get(0).toLong()).isEqualTo(2);
      assertThat(
              List.of(first.get(1).toInteger(), first.get(2).toInteger(), first.get(3).toInteger()))
          .containsExactly(1, 1, 0);
      Response retry = call("k1", "e2", "e3");
      assertThat(retry.get(0).toLong()).isEqualTo(3);
      assertThat(retry.get(1).toInteger()).isZero();
      assertThat(retry.get(2).toInteger()).isEqualTo(1);
      String delivered =
          link.send(RedisCall.on(Command.HGET, Keys.pacing("k1")).arg("delivered"))
              .await()
              .toString();
      assertThat(delivered).isEqualTo("3");
    }

    @Test
    void dedupeMarkersExpire() {
      call("k2", "e1");
      long ttl =
          link.send(RedisCall.on(Command.TTL, Keys.campaignEvent("k2", "e1"))).await().toLong();
      assertThat(ttl).isBetween(590L, 600L);
    }

    @Test
    void allRepeatsLeaveTheCounterAlone() {
      call("k3", "e1");
      Response again = call("k3", "e1");
      assertThat(again.get(0).toLong()).isEqualTo(1);
      assertThat(again.get(1).toInteger()).isZero();
    }
  }

  @Nested
  class UserSide {
    Response call(String user, List<String[]> eventsAndCampaigns, List<String> windows) {
      List<String> keys = new java.util.ArrayList<>();
      for (String[] ec : eventsAndCampaigns) {
        keys.add(Keys.userEvent(user, ec[1], ec[0]));
      }
      for (String[] ec : eventsAndCampaigns) {
        keys.add(Keys.frequency(user, ec[1], 0));
      }
      List<String> args = new java.util.ArrayList<>();
      args.add("600");
      args.addAll(windows);
      return link.eval(LuaScript.DELIVERY_USER, keys, args).await();
    }

    @Test
    void countsPerCampaignWithTheWindowAsExpiry() {
      Response r =
          call(
              "ua",
              List.of(
                  new String[] {"e1", "c1"}, new String[] {"e2", "c1"}, new String[] {"e3", "c2"}),
              List.of("3600", "3600", "120"));
      assertThat(List.of(r.get(0).toInteger(), r.get(1).toInteger(), r.get(2).toInteger()))
          .containsExactly(1, 1, 1);
      assertThat(get(Keys.frequency("ua", "c1", 0)).toLong()).isEqualTo(2);
      assertThat(get(Keys.frequency("ua", "c2", 0)).toLong()).isEqualTo(1);
      long ttl =
          link.send(RedisCall.on(Command.TTL, Keys.frequency("ua", "c2", 0))).await().toLong();
      assertThat(ttl).as("two windows").isBetween(230L, 240L);
    }

    @Test
    void aRetriedEventDoesNotRaiseTheCount() {
      call("ub", List.<String[]>of(new String[] {"e1", "c1"}), List.of("3600"));
      Response again = call("ub", List.<String[]>of(new String[] {"e1", "c1"}), List.of("3600"));
      assertThat(again.get(0).toInteger()).isZero();
      assertThat(get(Keys.frequency("ub", "c1", 0)).toLong()).isEqualTo(1);
    }

    @Test
    void uncappedCampaignsKeepNoCounter() {
      Response r = call("uc", List.<String[]>of(new String[] {"e1", "c9"}), List.of("0"));
      assertThat(r.get(0).toInteger()).isEqualTo(1);
      assertThat(get(Keys.frequency("uc", "c9", 0))).isNull();
    }
  }
}
