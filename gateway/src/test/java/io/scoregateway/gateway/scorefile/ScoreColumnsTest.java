package io.scoregateway.gateway.scorefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreColumnsTest {
  @Test
  void renamesOnlyWhatTheSpecNames() {
    assertThat(ScoreColumns.parse(null)).isEqualTo(ScoreColumns.DEFAULT);
    assertThat(ScoreColumns.parse("track=track_id, Score = p"))
        .isEqualTo(new ScoreColumns("track_id", "segment", "p"));
    assertThat(ScoreColumns.parse("segment=cohort").segment()).isEqualTo("cohort");
  }

  @Test
  void aPartThatIsNotARenameIsNamed() {
    assertThatThrownBy(() -> ScoreColumns.parse("track=id,user=u"))
        .hasMessageContaining("'user=u'");
    assertThatThrownBy(() -> ScoreColumns.parse("track")).hasMessageContaining("'track'");
    assertThatThrownBy(() -> ScoreColumns.parse("score=")).hasMessageContaining("'score='");
  }

  @Test
  void anExactNameWinsElseTheOneNameEqualIgnoringCase() {
    assertThat(ScoreColumns.indexOf(List.of("Score", "score"), "score")).isEqualTo(1);
    assertThat(ScoreColumns.indexOf(List.of("id", "SCORE"), "score")).isEqualTo(1);
    assertThat(ScoreColumns.indexOf(List.of("id"), "score")).isEqualTo(-1);
    assertThatThrownBy(() -> ScoreColumns.indexOf(List.of("Score", "SCORE"), "score"))
        .hasMessageContaining("both match score");
  }
}
