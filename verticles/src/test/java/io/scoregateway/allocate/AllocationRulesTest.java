package io.scoregateway.allocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AllocationRulesTest {
  @Test
  void emptyMeansBalancedEverywhereWithoutGuardrails() {
    AllocationRules r = AllocationRules.parse("");
    assertThat(r.forSurface("autoplay")).isEqualTo(SurfaceRules.DEFAULTS);
    assertThat(SurfaceRules.DEFAULTS.policy()).isEqualTo(AllocationPolicy.BALANCED);
    assertThat(SurfaceRules.DEFAULTS.held(1_000_000, 1_000_000)).isFalse();
    assertThat(SurfaceRules.DEFAULTS.limitsLabels()).isFalse();
  }

  @Test
  void namedSurfacesStartFromTheStarRulesAndOverrideWhatTheyList() {
    AllocationRules r =
        AllocationRules.parse(
            " autoplay: floor=0.2, per_label=1 ; *: max_skip_rate=0.6, min_plays=40;"
                + "radio:policy=relevance,hold_share=0.5 ");
    SurfaceRules autoplay = r.forSurface("autoplay");
    assertThat(autoplay)
        .isEqualTo(new SurfaceRules(AllocationPolicy.BALANCED, 0.2, 1, 0.6, 40, 0.25));
    assertThat(r.forSurface("radio"))
        .isEqualTo(new SurfaceRules(AllocationPolicy.RELEVANCE, 0, 0, 0.6, 40, 0.5));
    assertThat(r.forSurface("home"))
        .isEqualTo(new SurfaceRules(AllocationPolicy.BALANCED, 0, 0, 0.6, 40, 0.25));
    assertThat(r.named().keySet()).containsExactly("autoplay", "radio", "*");
  }

  @Test
  void theHoldNeedsTheSampleAndARateAboveTheThreshold() {
    SurfaceRules s = new SurfaceRules(AllocationPolicy.BALANCED, 0, 0, 0.5, 20, 0.25);
    assertThat(s.held(19, 19)).as("too few plays").isFalse();
    assertThat(s.held(20, 10)).as("exactly at the threshold").isFalse();
    assertThat(s.held(20, 11)).isTrue();
  }

  @Test
  void errorsNameTheSurfaceAndTheSetting() {
    assertThatThrownBy(() -> AllocationRules.parse("radio: flor=0.2"))
        .hasMessage(
            "radio: unknown setting 'flor' (known: policy, floor, per_label, max_skip_rate,"
                + " min_plays, hold_share)");
    assertThatThrownBy(() -> AllocationRules.parse("radio: policy=greedy"))
        .hasMessage("radio: policy must be balanced or relevance, got 'greedy'");
    assertThatThrownBy(() -> AllocationRules.parse("*: max_skip_rate=1.5"))
        .hasMessage("*: max_skip_rate must be a number in [0, 1], got '1.5'");
    assertThatThrownBy(() -> AllocationRules.parse("home: per_label=two"))
        .hasMessage("home: per_label must be a whole number, got 'two'");
    assertThatThrownBy(() -> AllocationRules.parse("home: min_plays=0"))
        .hasMessage("home: min_plays must be between 1 and 1000000000, got 0");
    assertThatThrownBy(() -> AllocationRules.parse("floor=0.2"))
        .hasMessage("'floor=0.2': expected surface: key=value, ...");
    assertThatThrownBy(() -> AllocationRules.parse("a b: floor=1"))
        .hasMessage("'a b': not a surface id (or *)");
    assertThatThrownBy(() -> AllocationRules.parse("home: floor=1; home: per_label=1"))
        .hasMessage("home: listed twice");
  }
}
