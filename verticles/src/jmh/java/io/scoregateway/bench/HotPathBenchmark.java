package io.scoregateway.bench;

import io.scoregateway.allocate.SlotAllocator;
import io.scoregateway.http.ScoreRequestParser;
import io.scoregateway.http.ScoreResponseWriter;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pacing.AdmissionHash;
import io.scoregateway.pipeline.HopTimings;
import io.scoregateway.pipeline.ScoreExchange;
import io.scoregateway.store.Keys;
import io.scoregateway.store.ScoreEntry;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-request CPU work of a score request, piece by piece, for a batch of {@code batch}
 * candidates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {
  @Param({"100", "1000"})
  int batch;

  byte[] body;
  ScoreRequestParser parser;
  ScoreExchange answered;
  List<String> tracks;
  boolean[] promoted;
  double[] scores;
  String encodedEntry;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(7);
    tracks = new ArrayList<>();
    StringBuilder sb =
        new StringBuilder(
            "{\"user\":\"u-123\",\"surface\":\"autoplay\",\"market\":\"SE\",\"segment\":\"s3\",\"candidates\":[");
    for (int i = 0; i < batch; i++) {
      String t = "t" + r.nextInt(1_000_000);
      tracks.add(t);
      sb.append(i == 0 ? "" : ",").append('"').append(t).append('"');
    }
    body = sb.append("],\"max_promoted\":5}").toString().getBytes(StandardCharsets.UTF_8);
    parser = new ScoreRequestParser(1000);
    promoted = new boolean[batch];
    scores = new double[batch];
    answered = ExchangeFixture.answered(parser.parse(body));
    for (int i = 0; i < batch; i++) {
      promoted[i] = i % 4 == 0;
      scores[i] = r.nextDouble();
    }
    encodedEntry = "default=0.4821;s3=0.1234;s6=0.7781;";
  }

  @Benchmark
  public ScoreRequest parseRequest() {
    return parser.parse(body);
  }

  @Benchmark
  public Buffer writeJsonAnswer() {
    return ScoreResponseWriter.json(answered);
  }

  @Benchmark
  public boolean[] allocateSlots() {
    return SlotAllocator.losers(tracks, promoted, scores, 5);
  }

  @Benchmark
  public void buildScoreKeys(Blackhole bh) {
    for (String t : tracks) {
      bh.consume(Keys.score("demo-42-1000000", t));
    }
  }

  @Benchmark
  public void decodeScoreEntries(Blackhole bh) {
    for (int i = 0; i < batch; i++) {
      bh.consume(ScoreEntry.decode(encodedEntry).scoreFor("s3"));
    }
  }

  @Benchmark
  public void admissionHashes(Blackhole bh) {
    for (int i = 0; i < batch; i++) {
      bh.consume(AdmissionHash.unit("u-123", "c" + (i % 50), 29_384_112L));
    }
  }

  /** A closed exchange (every candidate answered), as the writer receives it. */
  static final class ExchangeFixture {
    static ScoreExchange answered(ScoreRequest req) {
      ScoreExchange ex = new ScoreExchange(req, new HopTimings(System.nanoTime()));
      ex.close();
      return ex;
    }
  }
}
