package io.scoregateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.scoregateway.codec.Ids;
import io.scoregateway.codec.InvalidInput;
import io.scoregateway.grpc.v1.ScoreRequest;
import io.scoregateway.store.Fingerprint;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The wire-bytes reader against the generated parser: for messages built by the generated builders
 * (merged messages, unknown fields of every wire type, ids valid and not, non-ASCII text), cut at
 * every length, and random bytes, it reads the same fields where the parser succeeds, and where the
 * parser refuses the bytes it never lets a request through.
 */
class ScoreRequestDecoderTest {
  static final String[] IDS = {"u-1", "t1", "a.b:c_d-9", "", "bad id", "é", "t/1", "x".repeat(129)};

  static String id(Random r) {
    return r.nextInt(4) == 0 ? IDS[r.nextInt(IDS.length)] : "t" + r.nextInt(1_000_000);
  }

  static ScoreRequest.Builder random(Random r) {
    ScoreRequest.Builder b = ScoreRequest.newBuilder();
    if (r.nextInt(5) > 0) {
      b.setUser(id(r));
    }
    if (r.nextInt(5) > 0) {
      b.setSurface(id(r));
    }
    if (r.nextInt(5) > 0) {
      b.setMarket(r.nextBoolean() ? "SE" : id(r));
    }
    if (r.nextBoolean()) {
      b.setSegment(id(r));
    }
    int n = r.nextInt(4) == 0 ? 0 : r.nextInt(40);
    for (int i = 0; i < n; i++) {
      b.addCandidates(r.nextInt(10) == 0 ? id(r) : "t" + r.nextInt(1_000_000));
    }
    if (r.nextBoolean()) {
      b.setMaxPromoted(r.nextInt(3) == 0 ? -r.nextInt(5) - 1 : r.nextInt(100));
    }
    b.setExplain(r.nextBoolean());
    if (r.nextInt(4) == 0) {
      UnknownFieldSet.Field.Builder f = UnknownFieldSet.Field.newBuilder();
      switch (r.nextInt(5)) {
        case 0 -> f.addVarint(r.nextLong());
        case 1 -> f.addFixed32(r.nextInt());
        case 2 -> f.addFixed64(r.nextLong());
        case 3 -> f.addLengthDelimited(ByteString.copyFromUtf8("x".repeat(r.nextInt(300))));
        default ->
            f.addGroup(
                UnknownFieldSet.newBuilder()
                    .addField(3, UnknownFieldSet.Field.newBuilder().addVarint(7).build())
                    .build());
      }
      b.setUnknownFields(
          UnknownFieldSet.newBuilder().addField(8 + r.nextInt(100), f.build()).build());
    }
    return b;
  }

  /** Asserts the reader's fields are the parser's, for bytes the parser accepts. */
  static void sameAsParser(ScoreRequest p, ScoreRequestDecoder.Fields f) {
    assertThat(f).isNotNull();
    assertThat(f.user()).isEqualTo(p.getUser());
    assertThat(f.surface()).isEqualTo(p.getSurface());
    assertThat(f.market()).isEqualTo(p.getMarket());
    assertThat(f.segment()).isEqualTo(p.getSegment());
    assertThat(f.candidates()).isEqualTo(p.getCandidatesList());
    assertThat(f.hasMaxPromoted()).isEqualTo(p.hasMaxPromoted());
    assertThat(f.maxPromoted()).isEqualTo(p.hasMaxPromoted() ? p.getMaxPromoted() : -1);
    assertThat(f.explain()).isEqualTo(p.getExplain());
    int unknown =
        p.getUnknownFields().asMap().isEmpty()
            ? 0
            : p.getUnknownFields().asMap().keySet().iterator().next();
    assertThat(f.unknownField()).isEqualTo(unknown);
    int invalid = -1;
    for (int i = 0; i < p.getCandidatesCount() && invalid < 0; i++) {
      invalid = Ids.valid(p.getCandidates(i)) ? -1 : i;
    }
    assertThat(f.invalidCandidate()).isEqualTo(invalid);
    // each valid id's fingerprint is the one its string has
    Fingerprint.Known known = (Fingerprint.Known) f.candidates();
    for (int i = 0; i < p.getCandidatesCount(); i++) {
      if (Ids.valid(p.getCandidates(i))) {
        assertThat(known.fingerprint(i)).isEqualTo(Fingerprint.ofId(p.getCandidates(i)));
      }
    }
  }

  /** Either the same fields as the parser, or (bytes it refuses) no request at all. */
  static void check(byte[] bytes) {
    ScoreRequestDecoder.Fields f = ScoreRequestDecoder.decode(bytes, 0, bytes.length);
    ScoreRequest p;
    try {
      p = ScoreRequest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      // refused as malformed, or read but refused by validation (invalid UTF-8 is no valid id)
      if (f != null) {
        assertThatThrownBy(() -> ScoreRequests.read(f, 1000)).isInstanceOf(InvalidInput.class);
      }
      return;
    }
    assertThat(f).as("refused what the parser reads: " + Arrays.toString(bytes)).isNotNull();
    sameAsParser(p, f);
  }

  @Test
  void readsWhatTheGeneratedParserReads() throws Exception {
    Random r = new Random(7);
    for (int round = 0; round < 3_000; round++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // several messages one after another are one message: their fields merged
      int parts = r.nextInt(5) == 0 ? 2 + r.nextInt(2) : 1;
      for (int i = 0; i < parts; i++) {
        random(r).build().writeTo(out);
      }
      byte[] bytes = out.toByteArray();
      ScoreRequest p = ScoreRequest.parseFrom(bytes);
      sameAsParser(p, ScoreRequestDecoder.decode(bytes, 0, bytes.length));
      // cut short anywhere
      check(Arrays.copyOf(bytes, r.nextInt(bytes.length + 1)));
    }
  }

  @Test
  void randomBytesAreNeverARequestTheParserRefuses() {
    Random r = new Random(11);
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[r.nextInt(40)];
      r.nextBytes(bytes);
      check(bytes);
    }
  }

  @Test
  void readsAtAnOffsetAndRefusesBrokenFraming() {
    byte[] msg =
        ScoreRequest.newBuilder()
            .setUser("u-1")
            .setSurface("home")
            .setMarket("SE")
            .addCandidates("t1")
            .addCandidates("bad id")
            .build()
            .toByteArray();
    byte[] padded = new byte[msg.length + 6];
    System.arraycopy(msg, 0, padded, 3, msg.length);
    ScoreRequestDecoder.Fields f = ScoreRequestDecoder.decode(padded, 3, msg.length);
    assertThat(f.user()).isEqualTo("u-1");
    assertThat(f.candidates()).containsExactly("t1", "bad id");
    assertThat(f.invalidCandidate()).isEqualTo(1);
    // a length past the end, an unterminated varint, an end-group with no group, wire type 7
    assertThat(ScoreRequestDecoder.decode(new byte[] {0x2a, 0x05, 't'}, 0, 3)).isNull();
    assertThat(ScoreRequestDecoder.decode(new byte[] {0x30, (byte) 0x80}, 0, 2)).isNull();
    assertThat(ScoreRequestDecoder.decode(new byte[] {0x0c}, 0, 1)).isNull();
    assertThat(ScoreRequestDecoder.decode(new byte[] {(byte) 0xff, 0x01, 0x02}, 0, 3)).isNull();
  }
}
