package io.scoregateway.store;

import static io.scoregateway.store.ScriptRedis.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.codec.CampaignCodec;
import io.scoregateway.model.Campaign;
import io.scoregateway.redis.RedisCall;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** campaign_put.lua against a real Redis: enrollment, the one-open-campaign-per-track rule. */
class CampaignPutScriptIT {
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

  static String config(String id) {
    Response v = r.send(RedisCall.on(Command.HGET, Keys.CAMPAIGNS).arg(id));
    return v == null ? null : v.toString();
  }

  static void assertSuccess(Response reply, long version) {
    assertThat(reply.get(0).toInteger()).isEqualTo(1);
    assertThat(reply.get(1).toLong()).isEqualTo(version);
  }

  @Test
  void createsConfigEnrollmentAndEndAndBumpsTheVersion() {
    Campaign a = campaign("cA", OPEN_END, "t1", "t2");
    assertSuccess(r.put(a, NOW_MS), 1);
    assertThat(new JsonObject(config("cA"))).isEqualTo(CampaignCodec.toJson(a));
    assertThat(CampaignCodec.parse("cA", new JsonObject(config("cA")))).isEqualTo(a);
    assertThat(r.hgetall(Keys.ENROLLMENT)).isEqualTo(Map.of("t1", "cA", "t2", "cA"));
    assertThat(r.hgetall(Keys.CAMPAIGN_ENDS))
        .isEqualTo(Map.of("cA", Long.toString(OPEN_END.toEpochMilli())));
    assertSuccess(r.put(campaign("cB", OPEN_END, "t3"), NOW_MS), 2);
    assertThat(r.version()).isEqualTo(2);
  }

  @Test
  void aTrackOfAnotherOpenCampaignIsAConflictThatChangesNothing() {
    r.put(campaign("cA", OPEN_END, "t1", "t2"), NOW_MS);
    r.put(campaign("cB", OPEN_END, "t9"), NOW_MS);
    String before = config("cB");

    Response reply = r.put(campaign("cB", OPEN_END, "t3", "t2", "t9"), NOW_MS);
    assertThat(reply.size()).isEqualTo(3);
    assertThat(reply.get(0).toInteger()).isZero();
    assertThat(reply.get(1).toString()).isEqualTo("cA");
    assertThat(reply.get(2).toString()).isEqualTo("t2");

    assertThat(config("cB")).isEqualTo(before);
    assertThat(r.hgetall(Keys.ENROLLMENT)).isEqualTo(Map.of("t1", "cA", "t2", "cA", "t9", "cB"));
    assertThat(r.version()).isEqualTo(2);

    Response fresh = r.put(campaign("cC", OPEN_END, "t1"), NOW_MS);
    assertThat(fresh.get(0).toInteger()).isZero();
    assertThat(config("cC")).isNull();
    assertThat(r.hgetall(Keys.CAMPAIGN_ENDS)).doesNotContainKey("cC");
  }

  @Test
  void aTrackOfAnEndedCampaignMayBeTaken() {
    r.put(campaign("cOld", NOW.minusSeconds(3600), "t1", "t2"), NOW_MS - 86_400_000);
    assertSuccess(r.put(campaign("cNew", OPEN_END, "t1"), NOW_MS), 2);
    assertThat(r.hgetall(Keys.ENROLLMENT)).containsEntry("t1", "cNew").containsEntry("t2", "cOld");
  }

  @Test
  void aCampaignEndingExactlyNowHasEnded() {
    // consistent with Campaign.isEnded: now >= end
    r.put(campaign("cEdge", NOW, "t1"), NOW_MS - 1000);
    assertSuccess(r.put(campaign("cNew", OPEN_END, "t1"), NOW_MS), 2);
    r.put(campaign("cLate", NOW.plusMillis(1), "t5"), NOW_MS - 1000);
    assertThat(r.put(campaign("cNew2", OPEN_END, "t5"), NOW_MS).get(0).toInteger()).isZero();
  }

  @Test
  void replacingACampaignReleasesTheTracksItNoLongerLists() {
    r.put(campaign("cA", OPEN_END, "t1", "t2", "t3"), NOW_MS);
    Instant later = OPEN_END.plusSeconds(86_400);
    Campaign replaced = campaign("cA", later, "t2", "t4");
    assertSuccess(r.put(replaced, NOW_MS), 2);
    assertThat(r.hgetall(Keys.ENROLLMENT)).isEqualTo(Map.of("t2", "cA", "t4", "cA"));
    assertThat(r.hgetall(Keys.CAMPAIGN_ENDS))
        .isEqualTo(Map.of("cA", Long.toString(later.toEpochMilli())));
    assertThat(new JsonObject(config("cA"))).isEqualTo(CampaignCodec.toJson(replaced));
    // a released track is free for another campaign
    assertSuccess(r.put(campaign("cB", OPEN_END, "t1"), NOW_MS), 3);
  }

  @Test
  void replacingDoesNotReleaseTracksNowOwnedByAnotherCampaign() {
    r.put(campaign("cOld", NOW.minusSeconds(60), "t1", "t2"), NOW_MS - 86_400_000);
    r.put(campaign("cNew", OPEN_END, "t1"), NOW_MS);
    // cOld's stored config still lists t1, but it no longer owns it
    assertSuccess(r.put(campaign("cOld", NOW.minusSeconds(60), "t2"), NOW_MS), 3);
    assertThat(r.hgetall(Keys.ENROLLMENT)).isEqualTo(Map.of("t1", "cNew", "t2", "cOld"));
  }
}
