package io.scoregateway.exposure;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.scoregateway.exposure.v1.ExposureRecord;
import io.scoregateway.exposure.v1.RequestExposures;
import io.scoregateway.grpc.WireEnums;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pipeline.DecisionInputs;
import io.scoregateway.pipeline.HoldoutScope;
import io.scoregateway.pipeline.ScoreExchange;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the exposure records of one answered exchange as one {@code
 * scoregateway.exposure.v1.RequestExposures} message: the request's shared fields once, one {@code
 * ExposureRecord} per enrolled decision. Written straight to wire bytes (sizes first, then the
 * fields), with no message object per record; the bytes parse to what the generated classes would
 * build ({@code ProtobufExposureEncoderTest}). Runs on the writer's thread, never an event loop.
 */
final class ProtobufExposureEncoder implements ExposureEncoding {
  /**
   * Most bytes one record takes: its ids are at most 128 ASCII characters, the rest numbers and
   * flags.
   */
  static final int MAX_RECORD = 512;

  private final ListenerKeys keys;

  /** The message being written, and one record before it goes in with its length; reused. */
  private byte[] message = new byte[64 * 1024];

  private final byte[] record = new byte[MAX_RECORD];

  ProtobufExposureEncoder(ListenerKeys keys) {
    this.keys = keys;
  }

  @Override
  public void encode(Exposure e, ExposureBatch out) {
    ScoreExchange ex = e.exchange();
    int bound = 2 * MAX_RECORD + ex.size() * (MAX_RECORD + 4);
    if (message.length < bound) {
      message = new byte[Math.max(bound, message.length * 2)];
    }
    String listener = keys.of(ex.request().user());
    try {
      int length = write(e, listener, out);
      if (length > 0) {
        out.lines.raw(message, 0, length);
        out.endMessage(listener);
      }
    } catch (IOException err) {
      throw new UncheckedIOException(err);
    }
  }

  /** Writes the message into {@link #message}; answers its length (0: nothing enrolled). */
  private int write(Exposure e, String listener, ExposureBatch out) throws IOException {
    ScoreExchange ex = e.exchange();
    ScoreRequest req = ex.request();
    DecisionInputs in = ex.inputs();
    CodedOutputStream o = CodedOutputStream.newInstance(message);
    boolean any = false;
    for (int i = 0; i < ex.size(); i++) {
      Decision d = ex.decision(i);
      if (d.campaign() == null) {
        continue;
      }
      if (!any) {
        any = true;
        String requestId = ex.requestId() != null ? ex.requestId() : ExposureEncoding.generatedId();
        common(o, e, req, listener, requestId);
      }
      CodedOutputStream r = CodedOutputStream.newInstance(record);
      record(r, ex, req, d, in, i);
      int n = r.getTotalBytesWritten();
      o.writeTag(RequestExposures.RECORDS_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      o.writeUInt32NoTag(n);
      o.writeRawBytes(record, 0, n);
      out.endRecord();
    }
    return o.getTotalBytesWritten();
  }

  /** The request's shared fields. */
  private static void common(
      CodedOutputStream o, Exposure e, ScoreRequest req, String listener, String requestId)
      throws IOException {
    ScoreExchange ex = e.exchange();
    int32(o, RequestExposures.SCHEMA_VERSION_FIELD_NUMBER, SCHEMA_VERSION);
    if (e.atMs() != 0) {
      o.writeInt64(RequestExposures.TS_UNIX_MS_FIELD_NUMBER, e.atMs());
    }
    string(o, RequestExposures.REQUEST_ID_FIELD_NUMBER, requestId);
    string(o, RequestExposures.TRACE_ID_FIELD_NUMBER, e.traceId());
    string(o, RequestExposures.LISTENER_FIELD_NUMBER, listener);
    string(o, RequestExposures.SURFACE_FIELD_NUMBER, req.surface());
    string(o, RequestExposures.MARKET_FIELD_NUMBER, req.market());
    string(o, RequestExposures.SEGMENT_FIELD_NUMBER, req.segment());
    string(o, RequestExposures.SNAPSHOT_FIELD_NUMBER, ex.snapshot());
    int32(o, RequestExposures.ARM_FIELD_NUMBER, WireEnums.arm(ex.arm()));
    string(o, RequestExposures.EXPERIMENT_FIELD_NUMBER, ex.experiment());
  }

  /** Position {@code i}'s {@code ExposureRecord}. */
  private static void record(
      CodedOutputStream o, ScoreExchange ex, ScoreRequest req, Decision d, DecisionInputs in, int i)
      throws IOException {
    int32(o, ExposureRecord.POSITION_FIELD_NUMBER, i);
    string(o, ExposureRecord.TRACK_FIELD_NUMBER, req.candidates().get(i));
    string(o, ExposureRecord.CAMPAIGN_FIELD_NUMBER, d.campaign());
    int32(o, ExposureRecord.REASON_FIELD_NUMBER, WireEnums.reason(d.reason()));
    if (d.promoted()) {
      o.writeBool(ExposureRecord.PROMOTED_FIELD_NUMBER, true);
    }
    if (in.ghost(i)) {
      o.writeBool(ExposureRecord.GHOST_FIELD_NUMBER, true);
    }
    HoldoutScope holdout = in.holdout(i);
    if (holdout != null) {
      o.writeEnum(ExposureRecord.HOLDOUT_FIELD_NUMBER, WireEnums.holdout(holdout));
    }
    Reason wouldBe = in.wouldBe(i);
    if (wouldBe != null) {
      o.writeEnum(ExposureRecord.WOULD_BE_FIELD_NUMBER, WireEnums.reason(wouldBe));
    }
    known(o, ExposureRecord.BASE_SCORE_FIELD_NUMBER, in.baseScore(i));
    Campaign c = ex.campaign(i);
    nonZero(o, ExposureRecord.BOOST_FIELD_NUMBER, c == null ? 0 : c.boost());
    nonZero(o, ExposureRecord.SCORE_FIELD_NUMBER, d.score());
    known(o, ExposureRecord.PASS_RATE_FIELD_NUMBER, in.passRate(i));
  }

  // proto3: a field at its default (0, empty) is left out, as the generated classes do

  /** An int32 or enum (the same varint on the wire). */
  private static void int32(CodedOutputStream o, int field, int v) throws IOException {
    if (v != 0) {
      o.writeInt32(field, v);
    }
  }

  private static void string(CodedOutputStream o, int field, String v) throws IOException {
    if (v != null && !v.isEmpty()) {
      o.writeString(field, v);
    }
  }

  /** A plain double: 0 (and NaN, which the JSON record writes as null) left out. */
  private static void nonZero(CodedOutputStream o, int field, double v) throws IOException {
    if (v != 0) {
      known(o, field, v);
    }
  }

  /** An {@code optional double}: present whenever known (0 included), absent for NaN. */
  private static void known(CodedOutputStream o, int field, double v) throws IOException {
    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
      o.writeDouble(field, v);
    }
  }
}
