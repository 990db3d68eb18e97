package io.scoregateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackIndexTest {
  static Campaign campaign(String id) {
    return new Campaign(
        id,
        List.of("x"),
        null,
        null,
        Instant.EPOCH,
        Instant.EPOCH.plusSeconds(1),
        1,
        PacingMode.ASAP,
        null,
        1.0,
        CampaignStatus.ACTIVE);
  }

  @Test
  void findsEveryKeyAndNothingElse() {
    Map<String, Campaign> m = new HashMap<>();
    Campaign[] cs = {campaign("c0"), campaign("c1"), campaign("c2")};
    for (int i = 0; i < 200_000; i += 4) {
      m.put("t" + i, cs[(i / 4) % 3]);
    }
    TrackIndex index = new TrackIndex(m);
    for (int i = 0; i < 200_000; i++) {
      Campaign got = index.get("t" + i);
      assertThat(got).as("t%d", i).isSameAs(i % 4 == 0 ? cs[(i / 4) % 3] : null);
    }
    // all at once, as a request asks: in batches, with repeats and ids never enrolled
    java.util.Random r = new java.util.Random(5);
    for (int round = 0; round < 200; round++) {
      java.util.List<String> batch = new java.util.ArrayList<>();
      for (int j = r.nextInt(1_001); j > 0; j--) {
        batch.add(r.nextInt(10) == 0 ? "x" + r.nextInt(1000) : "t" + r.nextInt(200_000));
      }
      Campaign[] got = new Campaign[batch.size()];
      index.getAll(batch, got);
      for (int j = 0; j < got.length; j++) {
        assertThat(got[j]).as(batch.get(j)).isSameAs(index.get(batch.get(j)));
      }
    }
    assertThat(index.get("")).isNull();
    assertThat(index.get("t")).isNull();
  }

  @Test
  void collidingHashCodesAreToldApart() {
    // "Aa" and "BB" share String.hashCode
    TrackIndex index = new TrackIndex(Map.of("Aa", campaign("c1"), "BB", campaign("c2")));
    assertThat(index.get("Aa").id()).isEqualTo("c1");
    assertThat(index.get("BB").id()).isEqualTo("c2");
    assertThat(index.get("C#")).isNull();
  }

  @Test
  void emptyIndexAnswersNull() {
    assertThat(new TrackIndex(Map.of()).get("t1")).isNull();
  }
}
