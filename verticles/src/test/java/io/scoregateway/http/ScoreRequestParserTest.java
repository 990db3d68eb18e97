package io.scoregateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.codec.InvalidInput;
import io.scoregateway.model.ScoreRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScoreRequestParserTest {
  final ScoreRequestParser parser = new ScoreRequestParser(3);

  ScoreRequest parse(String json) {
    return parser.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  /** Asserts the error names {@code field}, both as its field and at the head of its message. */
  void assertNames(String json, String field) {
    assertThatThrownBy(() -> parse(json))
        .as(json)
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).startsWith(field + ": ");
            });
  }

  static final String BASE = "'user':'u-1','surface':'autoplay','market':'SE'";

  @Test
  void parsesAFullRequest() {
    ScoreRequest r =
        parse(
            "{'user':'u-1','surface':'radio','market':'US','segment':'s7',"
                + "'candidates':['t1','t2','t1'],'max_promoted':2,'explain':true}");
    assertThat(r)
        .isEqualTo(
            new ScoreRequest(
                "u-1", "radio", "US", "s7", java.util.List.of("t1", "t2", "t1"), 2, true));
    assertThat(r.limitsSlots()).isTrue();
  }

  @Test
  void optionalFieldsHaveTheirDefaults() {
    ScoreRequest r = parse("{" + BASE + ",'candidates':['t1']}");
    assertThat(r.segment()).isEqualTo("default");
    assertThat(r.maxPromoted()).isEqualTo(-1);
    assertThat(r.limitsSlots()).isFalse();
    assertThat(r.explain()).isFalse();
    assertThat(parse("{" + BASE + ",'candidates':['t1'],'max_promoted':0}").limitsSlots()).isTrue();
  }

  @Test
  void unknownFieldsAreRefusedByName() {
    assertNames("{'extra':{'user':'evil'}," + BASE + ",'candidates':['t1']}", "extra");
    assertNames("{" + BASE + ",'candidates':['t1'],'maxPromoted':1}", "maxPromoted");
    assertThatThrownBy(() -> parse("{" + BASE + ",'candidates':['t1'],'maxPromoted':1}"))
        .hasMessage("maxPromoted: unknown field (did you mean max_promoted?)");
    assertThatThrownBy(() -> parse("{" + BASE + ",'candidates':['t1'],'Explain':true}"))
        .hasMessage("Explain: unknown field (did you mean explain?)");
  }

  @Test
  void missingFieldsAreNamed() {
    assertNames("{'surface':'a','market':'SE','candidates':['t1']}", "user");
    assertNames("{'user':'u','market':'SE','candidates':['t1']}", "surface");
    assertNames("{'user':'u','surface':'a','candidates':['t1']}", "market");
    assertNames("{" + BASE + "}", "candidates");
  }

  @Test
  void badValuesAreNamed() {
    assertNames("{'user':'u 1','surface':'a','market':'SE','candidates':['t1']}", "user");
    assertNames("{'user':7,'surface':'a','market':'SE','candidates':['t1']}", "user");
    assertNames("{'user':'u','surface':'','market':'SE','candidates':['t1']}", "surface");
    assertNames("{'user':'u','surface':'a','market':'Sweden','candidates':['t1']}", "market");
    assertNames("{'user':'u','surface':'a','market':'se','candidates':['t1']}", "market");
    assertNames("{" + BASE + ",'segment':'a/b','candidates':['t1']}", "segment");
    assertNames("{" + BASE + ",'segment':null,'candidates':['t1']}", "segment");
    assertNames("{" + BASE + ",'explain':'yes','candidates':['t1']}", "explain");
  }

  @Test
  void candidateErrorsNameTheCandidate() {
    assertNames("{" + BASE + ",'candidates':['t1','t2','bad id']}", "candidates[2]");
    assertNames("{" + BASE + ",'candidates':['t1',5]}", "candidates[1]");
    assertNames("{" + BASE + ",'candidates':[null]}", "candidates[0]");
    assertNames("{" + BASE + ",'candidates':['" + "x".repeat(129) + "']}", "candidates[0]");
    assertNames("{" + BASE + ",'candidates':[]}", "candidates");
    assertNames("{" + BASE + ",'candidates':'t1'}", "candidates");
    assertNames("{" + BASE + ",'candidates':['t1','t2','t3','t4']}", "candidates");
    assertThat(parse("{" + BASE + ",'candidates':['t1','t2','t3']}").candidates()).hasSize(3);
  }

  @Test
  void maxPromotedErrorsNameIt() {
    assertNames("{" + BASE + ",'candidates':['t1'],'max_promoted':-1}", "max_promoted");
    assertNames("{" + BASE + ",'candidates':['t1'],'max_promoted':1.5}", "max_promoted");
    assertNames("{" + BASE + ",'candidates':['t1'],'max_promoted':'2'}", "max_promoted");
    assertNames("{" + BASE + ",'candidates':['t1'],'max_promoted':3000000000}", "max_promoted");
    assertNames(
        "{" + BASE + ",'candidates':['t1'],'max_promoted':99999999999999999999}", "max_promoted");
  }

  @Test
  void malformedBodiesAreNamedBody() {
    assertNames("{'user':", "body");
    assertNames("[1,2]", "body");
    assertNames("", "body");
    assertNames("{" + BASE + ",'candidates':['t1']} {}", "body");
    assertNames("{" + BASE + ",'candidates':['t1']} x", "body");
    assertNames("[".repeat(40), "body");
  }
}
