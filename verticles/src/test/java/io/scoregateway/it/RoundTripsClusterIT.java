package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.redis.HashSlot;
import io.scoregateway.redis.RedisLink;
import io.scoregateway.store.Keys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In cluster mode a 1000-candidate request is still one stage: each master gets one pipelined write
 * per store (scores, pacing, frequency), never one per candidate; MGETs are split per slot (Redis
 * refuses cross-slot MGET) and the pacing scripts go to their campaigns' masters.
 */
class RoundTripsClusterIT {
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.startCluster(1, null);
    RoundTripsIT.seedThousandTracksInTenCampaigns(gw);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  @Test
  void thousandCandidatesTakeOneWritePerMasterPerStore() throws Exception {
    JsonObject req = RoundTripsIT.thousandCandidates();
    gw.score(req); // warm up
    RedisLink link = gw.dataPlanes.get(0).link();
    Map<String, Long> tripsBefore = link.roundTripsByNode();
    assertThat(tripsBefore).hasSize(3);
    List<LocalRedis> nodes = gw.cluster.masters();
    Map<LocalRedis, Map<String, Long>> before = new HashMap<>();
    for (LocalRedis n : nodes) {
      before.put(n, gw.cluster.commandStats(n));
    }

    JsonArray res = gw.score(req).bodyAsJsonObject().getJsonArray("results");

    assertThat(res).hasSize(1000);
    assertThat(res.stream().filter(o -> ((JsonObject) o).getBoolean("promoted")).count())
        .isEqualTo(810);
    assertThat(
            res.stream()
                .filter(o -> ((JsonObject) o).getString("reason").equals("frequency_capped"))
                .count())
        .isEqualTo(190);
    // results in request order although the values came from three nodes
    for (int i = 0; i < 1000; i++) {
      assertThat(res.getJsonObject(i).getString("track")).isEqualTo("t" + i);
    }

    // per master: at most one write per store (scores, frequency), whatever the candidates
    link.roundTripsByNode()
        .forEach(
            (node, trips) ->
                assertThat(trips - tripsBefore.get(node))
                    .as("writes to " + node)
                    .isBetween(1L, 2L));

    Set<Integer> scoreSlots = new HashSet<>();
    for (Object t : req.getJsonArray("candidates")) {
      scoreSlots.add(HashSlot.of(Keys.score("big", (String) t)));
    }
    long mgets = 0;
    long evalshas = 0;
    for (LocalRedis n : nodes) {
      Map<String, Long> after = gw.cluster.commandStats(n);
      long m = after.getOrDefault("mget", 0L) - before.get(n).getOrDefault("mget", 0L);
      assertThat(m).as("every master serves part of the snapshot").isPositive();
      mgets += m;
      evalshas += after.getOrDefault("evalsha", 0L) - before.get(n).getOrDefault("evalsha", 0L);
    }
    // one MGET per distinct slot of the score keys, one for the listener's counters (one slot)
    assertThat(mgets).isEqualTo(scoreSlots.size() + 1L);
    assertThat(evalshas).as("no pacing call on the request path").isZero();
  }
}
