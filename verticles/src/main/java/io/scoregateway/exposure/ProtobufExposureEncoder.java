package io.scoregateway.exposure;

import io.scoregateway.codec.WireWriter;
import io.scoregateway.exposure.v2.CampaignTerms;
import io.scoregateway.exposure.v2.ExposureBatch;
import io.scoregateway.exposure.v2.ExposureRecord;
import io.scoregateway.exposure.v2.RequestExposures;
import io.scoregateway.grpc.WireEnums;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pipeline.DecisionInputs;
import io.scoregateway.pipeline.HoldoutScope;
import io.scoregateway.pipeline.ScoreExchange;
import java.util.Arrays;

/**
 * Writes answered exchanges' exposure records as one {@code scoregateway.exposure.v2.ExposureBatch}
 * message: each exchange one {@code RequestExposures}, its shared fields once and one {@code
 * ExposureRecord} per enrolled decision. Written straight to wire bytes in one pass ({@link
 * WireWriter}: each message's length is written when it closes, ids copied as their ASCII bytes),
 * with no message object per record; the bytes parse to what the generated classes would build
 * ({@code ProtobufExposureEncoderTest}).
 */
final class ProtobufExposureEncoder implements ExposureEncoding {
  /** The chunk being filled; reused from chunk to chunk. */
  private final WireWriter out = new WireWriter(64 * 1024);

  private final CampaignRefs refs = new CampaignRefs();

  /** By position of the exchange being appended: its record's campaign_ref. */
  private int[] refOf = new int[0];

  @Override
  public void append(ScoreExchange ex, String traceId, long atMs, String listener) {
    WireWriter o = out;
    ScoreRequest req = ex.request();
    DecisionInputs in = ex.inputs();
    campaignRefs(o, ex, in);
    int m = o.begin(ExposureBatch.REQUESTS_FIELD_NUMBER);
    String requestId = ex.requestId() != null ? ex.requestId() : ExposureEncoding.generatedId();
    int32(o, RequestExposures.SCHEMA_VERSION_FIELD_NUMBER, SCHEMA_VERSION);
    if (atMs != 0) {
      o.int64(RequestExposures.TS_UNIX_MS_FIELD_NUMBER, atMs);
    }
    string(o, RequestExposures.REQUEST_ID_FIELD_NUMBER, requestId);
    string(o, RequestExposures.TRACE_ID_FIELD_NUMBER, traceId);
    string(o, RequestExposures.LISTENER_FIELD_NUMBER, listener);
    string(o, RequestExposures.SURFACE_FIELD_NUMBER, req.surface());
    string(o, RequestExposures.MARKET_FIELD_NUMBER, req.market());
    string(o, RequestExposures.SEGMENT_FIELD_NUMBER, req.segment());
    string(o, RequestExposures.SNAPSHOT_FIELD_NUMBER, ex.snapshot());
    int32(o, RequestExposures.ARM_FIELD_NUMBER, WireEnums.arm(ex.arm()));
    string(o, RequestExposures.EXPERIMENT_FIELD_NUMBER, ex.experiment());
    for (int i = 0; i < ex.size(); i++) {
      Decision d = ex.decision(i);
      if (d.campaign() != null) {
        int r = o.begin(RequestExposures.RECORDS_FIELD_NUMBER);
        record(o, req, d, in, i, refOf[i]);
        o.end(r);
      }
    }
    o.end(m);
  }

  @Override
  public int size() {
    return out.size();
  }

  @Override
  public byte[] take() {
    byte[] bytes = Arrays.copyOf(out.array(), out.size());
    out.clear();
    refs.clear();
    return bytes;
  }

  /** Each enrolled position's campaign_ref into {@link #refOf}, new terms written as they come. */
  private void campaignRefs(WireWriter o, ScoreExchange ex, DecisionInputs in) {
    if (refOf.length < ex.size()) {
      refOf = new int[Math.max(ex.size(), 2 * refOf.length)];
    }
    for (int i = 0; i < ex.size(); i++) {
      String campaign = ex.decision(i).campaign();
      if (campaign == null) {
        continue;
      }
      Campaign c = ex.campaign(i);
      double boost = c == null ? 0 : c.boost();
      double passRate = in.passRate(i);
      int ref = refs.ref(campaign, boost, passRate);
      if (ref < 0) {
        ref = -1 - ref;
        int t = o.begin(ExposureBatch.CAMPAIGNS_FIELD_NUMBER);
        o.ascii(CampaignTerms.CAMPAIGN_FIELD_NUMBER, campaign);
        nonZero(o, CampaignTerms.BOOST_FIELD_NUMBER, boost);
        known(o, CampaignTerms.PASS_RATE_FIELD_NUMBER, passRate);
        o.end(t);
      }
      refOf[i] = ref;
    }
  }

  /** Position {@code i}'s {@code ExposureRecord}; track and campaign ids are ASCII by grammar. */
  private static void record(
      WireWriter o, ScoreRequest req, Decision d, DecisionInputs in, int i, int campaignRef) {
    int32(o, ExposureRecord.POSITION_FIELD_NUMBER, i);
    o.ascii(ExposureRecord.TRACK_FIELD_NUMBER, req.candidates().get(i));
    int32(o, ExposureRecord.CAMPAIGN_REF_FIELD_NUMBER, campaignRef);
    int32(o, ExposureRecord.REASON_FIELD_NUMBER, WireEnums.reason(d.reason()));
    if (d.promoted()) {
      o.bool(ExposureRecord.PROMOTED_FIELD_NUMBER, true);
    }
    if (in.ghost(i)) {
      o.bool(ExposureRecord.GHOST_FIELD_NUMBER, true);
    }
    HoldoutScope holdout = in.holdout(i);
    if (holdout != null) {
      int32(o, ExposureRecord.HOLDOUT_FIELD_NUMBER, WireEnums.holdout(holdout));
    }
    Reason wouldBe = in.wouldBe(i);
    if (wouldBe != null) {
      int32(o, ExposureRecord.WOULD_BE_FIELD_NUMBER, WireEnums.reason(wouldBe));
    }
    known(o, ExposureRecord.BASE_SCORE_FIELD_NUMBER, in.baseScore(i));
    nonZero(o, ExposureRecord.SCORE_FIELD_NUMBER, d.score());
  }

  // proto3: a field at its default (0, empty) is left out, as the generated classes do

  /** An int32 or enum (the same varint on the wire). */
  private static void int32(WireWriter o, int field, int v) {
    if (v != 0) {
      o.int32(field, v);
    }
  }

  private static void string(WireWriter o, int field, String v) {
    if (v != null && !v.isEmpty()) {
      o.string(field, v);
    }
  }

  /** A plain double: 0 (and NaN, which the JSON record writes as null) left out. */
  private static void nonZero(WireWriter o, int field, double v) {
    if (v != 0) {
      known(o, field, v);
    }
  }

  /** An {@code optional double}: present whenever known (0 included), absent for NaN. */
  private static void known(WireWriter o, int field, double v) {
    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
      o.dbl(field, v);
    }
  }
}
