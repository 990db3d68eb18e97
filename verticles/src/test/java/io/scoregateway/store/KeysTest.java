package io.scoregateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.redis.HashSlot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No two different tuples of ids map to one key, and every key stays under its hash tag. */
class KeysTest {
  private static final List<String> IDS =
      List.of("a", "a:b", "b", "b:c", "a:b:c", "c", ":", "a:", ":b", "1", "1:2");

  @Test
  void differentTuplesNeverShareAKey() {
    Map<String, List<Object>> seen = new HashMap<>();
    for (String x : IDS) {
      for (String y : IDS) {
        for (String z : IDS) {
          claim(seen, Keys.userEvent(x, y, z), "ue", x, y, z);
          claim(seen, Keys.frequency(x, y, z.length()), "f", x, y, z.length());
        }
        claim(seen, Keys.score(x, y), "s", x, y);
        claim(seen, Keys.campaignEvent(x, y), "ce", x, y);
      }
      claim(seen, Keys.pacing(x), "p", x);
      claim(seen, Keys.history(x), "h", x);
      claim(seen, Keys.manifest(x, x.length()), "m", x, x.length());
    }
  }

  @Test
  void theCollisionOfTheIssueIsGone() {
    assertThat(Keys.userEvent("u", "ca", "b:e1")).isNotEqualTo(Keys.userEvent("u", "ca:b", "e1"));
    assertThat(Keys.score("a", "b:c")).isNotEqualTo(Keys.score("a:b", "c"));
  }

  @Test
  void keysStayUnderTheirHashTags() {
    assertThat(HashSlot.of(Keys.userEvent("u:1", "c:2", "e:3"))).isEqualTo(HashSlot.of("u:u:1"));
    assertThat(HashSlot.of(Keys.frequency("u:1", "c:2", 7))).isEqualTo(HashSlot.of("u:u:1"));
    assertThat(HashSlot.of(Keys.campaignEvent("c:2", "e:3"))).isEqualTo(HashSlot.of("c:c:2"));
    assertThat(HashSlot.of(Keys.pacing("c:2"))).isEqualTo(HashSlot.of("c:c:2"));
    assertThat(HashSlot.of(Keys.history("c:2"))).isEqualTo(HashSlot.of("c:c:2"));
    assertThat(Keys.score("s:1", "t:1")).doesNotContain("{");
    assertThat(Keys.manifest("s:1", 3)).doesNotContain("{");
  }

  private static void claim(Map<String, List<Object>> seen, String key, Object... tuple) {
    List<Object> previous = seen.putIfAbsent(key, List.of(tuple));
    assertThat(previous).as(key).isIn(null, List.of(tuple));
  }
}
