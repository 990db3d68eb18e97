package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.config.PacingConfig;
import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.pacing.CampaignPacer;
import io.scoregateway.pacing.PacingController;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A campaign whose traffic jumps past the lease its instance holds: the lease running dry brings a
 * refresh at once, so the jump is paced for about a round trip, not until the next refresh tick.
 */
class DryLeaseIT {
  @Test
  void aTrafficJumpPastTheLeaseIsPacedForARoundTripNotARefreshPeriod() throws Exception {
    PacingConfig pacing = PacingConfig.DEFAULTS.withSlotMs(2_000).withRefreshMs(5_000);
    try (LocalRedis redis = LocalRedis.start();
        TestGateway gw = TestGateway.startRealTime(redis, 1, pacing)) {
      gw.snapshot("s1", true, "t1", "", 0.5);
      Instant now = Instant.now();
      JsonObject asap =
          TestGateway.campaign("t1")
              .put("budget", 1_000_000_000)
              .put("start", now.minus(Duration.ofHours(1)).toString())
              .put("end", now.plus(Duration.ofHours(1)).toString());
      assertThat(gw.putCampaign("c1", asap).statusCode()).isEqualTo(200);

      // its first lease (no rate known yet) is large; a tick after a slot without demand gives it
      // back and leaves the smallest lease, sized to the rate seen: none
      CampaignPacer pacer = null;
      long until = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < until) {
        pacer = gw.engine.pacing().existing("c1");
        if (pacer != null && pacer.slot() >= 0 && pacer.lease() <= PacingController.MIN_LEASE) {
          break;
        }
        TestGateway.sleep(50);
      }
      assertThat(pacer).isNotNull();
      assertThat(pacer.lease()).as("the lease after an idle slot").isLessThanOrEqualTo(2);

      // the next tick is about 5 s away: traffic jumps to 50 requests a second for 1.2 s, each
      // with the campaign's track
      long start = System.currentTimeMillis();
      int paced = 0;
      for (int i = 0; i < 60; i++) {
        long due = start + i * 20L;
        TestGateway.sleep(Math.max(0, due - System.currentTimeMillis()));
        JsonObject r =
            gw.score(ScoresIT.request("u-" + i, "t1"))
                .bodyAsJsonObject()
                .getJsonArray("results")
                .getJsonObject(0);
        paced += "paced".equals(r.getString("reason")) ? 1 : 0;
      }
      long took = System.currentTimeMillis() - start;
      // before: all but the 2 leased were paced until the tick; now about the first 100-200 ms
      assertThat(took).as("the burst ends before the next tick, ms").isLessThan(4_000);
      assertThat(paced).as("paced answers of 60, in " + took + " ms").isLessThanOrEqualTo(20);
    }
  }
}
