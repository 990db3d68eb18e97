package io.scoregateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonBytesTest {
  private static String number(double v) {
    JsonBytes b = new JsonBytes(16).number(v);
    return new String(b.array(), 0, b.length(), StandardCharsets.US_ASCII);
  }

  @Test
  void shortDecimalsAreWrittenDigitByDigit() {
    assertThat(number(0.4821)).isEqualTo("0.4821");
    assertThat(number(-0.5)).isEqualTo("-0.5");
    assertThat(number(1.25)).isEqualTo("1.25");
    assertThat(number(0.00001)).isEqualTo("0.00001");
    assertThat(number(123456.000001)).isEqualTo("123456.000001");
    assertThat(number(3)).isEqualTo("3");
    assertThat(number(-42)).isEqualTo("-42");
  }

  @Test
  void anythingElseAsDoubleToString() {
    assertThat(number(0.4 * 1.5)).isEqualTo("0.6000000000000001");
    assertThat(number(1e20)).isEqualTo("1.0E20");
    assertThat(number(1.0 / 3)).isEqualTo(Double.toString(1.0 / 3));
    assertThat(number(1e-7)).isEqualTo("1.0E-7");
  }

  /** Whatever the value, the text parses back to exactly it. */
  @Test
  void everyNumberReadsBackExactly() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      double v =
          switch (i % 4) {
            case 0 -> rnd.nextDouble();
            case 1 -> Math.round(rnd.nextDouble() * 1e6) / 1e6; // six decimals at most
            case 2 -> (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-8, 16));
            default -> Math.round(rnd.nextDouble() * 1e4) / 1e4 * rnd.nextInt(1, 5);
          };
      assertThat(Double.parseDouble(number(v))).as("%s", v).isEqualTo(v);
    }
  }
}
