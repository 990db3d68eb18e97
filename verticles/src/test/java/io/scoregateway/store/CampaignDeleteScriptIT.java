package io.scoregateway.store;

import static io.scoregateway.store.ScriptRedis.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * campaign_delete.lua against a real Redis: removes a campaign and releases only its own tracks.
 */
class CampaignDeleteScriptIT {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final long NOW_MS = NOW.toEpochMilli();
  static final Instant OPEN_END = Instant.parse("2026-12-01T00:00:00Z");
  static ScriptRedis r;

  @BeforeAll
  static void setUp() throws Exception {
    r = ScriptRedis.start();
  }

  @AfterAll
  static void tearDown() {
    r.close();
  }

  @BeforeEach
  void flush() {
    r.flush();
  }

  @Test
  void removesConfigEndAndTracksAndBumpsTheVersion() {
    r.put(campaign("cA", OPEN_END, "t1", "t2"), NOW_MS);
    r.put(campaign("cB", OPEN_END, "t3"), NOW_MS);
    assertThat(r.delete("cA")).isEqualTo(1);
    assertThat(r.hgetall(Keys.CAMPAIGNS)).containsOnlyKeys("cB");
    assertThat(r.hgetall(Keys.CAMPAIGN_ENDS)).containsOnlyKeys("cB");
    assertThat(r.hgetall(Keys.ENROLLMENT)).isEqualTo(Map.of("t3", "cB"));
    assertThat(r.version()).isEqualTo(3);
    // the released tracks may be taken at once
    assertThat(r.put(campaign("cC", OPEN_END, "t1", "t2"), NOW_MS).get(0).toInteger()).isEqualTo(1);
  }

  @Test
  void releasesOnlyTheTracksItStillOwns() {
    r.put(campaign("cOld", NOW.minusSeconds(60), "t1", "t2"), NOW_MS - 86_400_000);
    r.put(campaign("cNew", OPEN_END, "t1"), NOW_MS);
    assertThat(r.delete("cOld")).isEqualTo(1);
    assertThat(r.hgetall(Keys.ENROLLMENT)).isEqualTo(Map.of("t1", "cNew"));
    assertThat(r.hgetall(Keys.CAMPAIGNS)).containsOnlyKeys("cNew");
    assertThat(r.hgetall(Keys.CAMPAIGN_ENDS)).containsOnlyKeys("cNew");
  }

  @Test
  void anUnknownCampaignIsZeroAndChangesNothing() {
    r.put(campaign("cA", OPEN_END, "t1"), NOW_MS);
    assertThat(r.delete("cMissing")).isZero();
    assertThat(r.version()).isEqualTo(1);
    assertThat(r.hgetall(Keys.ENROLLMENT)).isEqualTo(Map.of("t1", "cA"));
    assertThat(r.hgetall(Keys.CAMPAIGNS)).containsOnlyKeys("cA");
  }

  @Test
  void deletingTwiceAnswersZeroTheSecondTime() {
    r.put(campaign("cA", OPEN_END, "t1"), NOW_MS);
    assertThat(r.delete("cA")).isEqualTo(1);
    assertThat(r.delete("cA")).isZero();
    assertThat(r.version()).isEqualTo(2);
    assertThat(r.hgetall(Keys.ENROLLMENT)).isEmpty();
  }
}
