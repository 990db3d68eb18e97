package io.scoregateway.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CampaignRefsTest {
  final CampaignRefs refs = new CampaignRefs();

  @Test
  void theSameTermsKeepTheirIndexAndNewOnesTakeTheNext() {
    assertThat(refs.ref("c1", 1.5, 0.25)).isEqualTo(-1); // new: index 0
    assertThat(refs.ref("c2", 1.0, 0.5)).isEqualTo(-2); // new: index 1
    assertThat(refs.ref("c1", 1.5, 0.25)).isZero();
    assertThat(refs.ref("c2", 1.0, 0.5)).isEqualTo(1);
  }

  @Test
  void aChangedPassRateOrBoostIsNewTermsOfTheSameCampaign() {
    refs.ref("c1", 1.5, 0.25);
    assertThat(refs.ref("c1", 1.5, 0.3)).isEqualTo(-2);
    assertThat(refs.ref("c1", 2.0, 0.25)).isEqualTo(-3);
    assertThat(refs.ref("c1", 1.5, Double.NaN)).isEqualTo(-4);
    // every variant is found again, the unknown pass rate (NaN) included
    assertThat(refs.ref("c1", 1.5, 0.25)).isZero();
    assertThat(refs.ref("c1", 1.5, 0.3)).isEqualTo(1);
    assertThat(refs.ref("c1", 2.0, 0.25)).isEqualTo(2);
    assertThat(refs.ref("c1", 1.5, Double.NaN)).isEqualTo(3);
  }

  @Test
  void clearStartsOverFromIndexZero() {
    refs.ref("c1", 1.5, 0.25);
    refs.ref("c2", 1.0, 0.5);
    refs.clear();
    assertThat(refs.ref("c2", 1.0, 0.5)).isEqualTo(-1);
    assertThat(refs.ref("c1", 1.5, 0.25)).isEqualTo(-2);
  }
}
