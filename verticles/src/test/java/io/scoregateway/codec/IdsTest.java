package io.scoregateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The byte check agrees with the id grammar for every byte value. */
class IdsTest {
  @Test
  void exactlyTheGrammarsAsciiBytesAreIdBytes() {
    for (int v = -128; v < 128; v++) {
      char c = (char) v;
      boolean grammar =
          v >= 0
              && ((c >= 'a' && c <= 'z')
                  || (c >= 'A' && c <= 'Z')
                  || (c >= '0' && c <= '9')
                  || c == '.'
                  || c == '_'
                  || c == ':'
                  || c == '-');
      assertThat(Ids.idByte((byte) v)).as("byte %d", v).isEqualTo(grammar);
      assertThat(Ids.valid(new byte[] {(byte) v}, 0, 1)).as("byte %d", v).isEqualTo(grammar);
    }
  }
}
