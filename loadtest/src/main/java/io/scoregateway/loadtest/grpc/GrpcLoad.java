package io.scoregateway.loadtest.grpc;

import com.google.common.io.ByteStreams;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import io.scoregateway.grpc.v1.ScoreRequest;
import io.scoregateway.grpc.v1.ScoreResponse;
import io.scoregateway.grpc.v1.ScoreServiceGrpc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop gRPC load driver for {@code loadtest/bench}: {@code connections} channels, each
 * with {@code inFlight} unary {@code Score} calls outstanding, for {@code seconds}; requests are
 * built and encoded before the clock starts (512 of them, like the wrk script). Like wrk, which
 * reads a JSON answer's status and bytes and never parses them, the driver sends the encoded bytes
 * and reads each answer's bytes without building its messages (a 1000-result {@code ScoreResponse}
 * costs the client more CPU to parse than the gateway spends answering it, on the same two cores);
 * the first answer of each loop is parsed and must hold a result per candidate. Prints the wrk
 * script's {@code BENCH requests=... duration_us=... errors=... p50_us=... p99_us=...} line.
 */
final class GrpcLoad {
  private final List<ManagedChannel> channels;

  /**
   * {@code Score} with the messages as their bytes: sent as encoded, answers counted, not built.
   */
  private static final MethodDescriptor<byte[], Long> SCORE_BYTES =
      ScoreServiceGrpc.getScoreMethod().toBuilder(new Encoded(), new Counted()).build();

  private final byte[][] requests;
  private final int batch;
  private final int inFlight;
  private final long deadlineMs;

  GrpcLoad(
      List<ManagedChannel> channels,
      int tracks,
      int batch,
      boolean skewed,
      int inFlight,
      long deadlineMs) {
    this.channels = channels;
    this.batch = batch;
    this.inFlight = inFlight;
    this.deadlineMs = deadlineMs;
    Random random = new Random(42);
    Candidates pick = new Candidates(tracks, skewed);
    requests = new byte[512][];
    for (int b = 0; b < requests.length; b++) {
      ScoreRequest.Builder r =
          ScoreRequest.newBuilder()
              .setUser("u-" + (1 + random.nextInt(1_000_000)))
              .setSurface("autoplay")
              .setMarket("SE")
              .setSegment("s" + random.nextInt(8));
      for (int c = 0; c < batch; c++) {
        r.addCandidates(pick.next(random));
      }
      requests[b] = r.build().toByteArray();
    }
  }

  /**
   * Runs for {@code seconds} and returns the BENCH line; with a {@code cpuPid} (the gateway's) it
   * adds {@code cpu_us}, the CPU time that process used during exactly the timed window.
   */
  String run(double seconds, ProcessCpu cpu) throws InterruptedException, IOException {
    for (ManagedChannel ch : channels) {
      checkAnswer(ch); // before the clock and the CPU reading: not part of the measured load
    }
    long cpuBefore = cpu == null ? 0 : cpu.micros();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong errors = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(channels.size() * inFlight);
    long start = System.nanoTime();
    int n = 0;
    for (ManagedChannel ch : channels) {
      for (int i = 0; i < inFlight; i++) {
        Loop loop = new Loop(ch, n++, end, errors, done);
        latencies.add(loop.samples);
        loop.next();
      }
    }
    done.await();
    long durationUs = (System.nanoTime() - start) / 1_000;
    long cpuUs = cpu == null ? -1 : cpu.micros() - cpuBefore;
    long count = 0;
    for (long[] s : latencies) {
      count += s[0];
    }
    long[] all = new long[(int) count];
    int at = 0;
    for (long[] s : latencies) {
      System.arraycopy(s, 1, all, at, (int) s[0]);
      at += (int) s[0];
    }
    Arrays.sort(all);
    return String.format(
        "BENCH requests=%d duration_us=%d errors=%d p50_us=%d p99_us=%d%s",
        count + errors.get(),
        durationUs,
        errors.get(),
        percentile(all, 0.50),
        percentile(all, 0.99),
        cpuUs < 0 ? "" : " cpu_us=" + cpuUs);
  }

  /** One call through the generated stub: the gateway must answer every candidate. */
  private void checkAnswer(ManagedChannel ch) throws IOException {
    ScoreResponse answer =
        ScoreServiceGrpc.newBlockingStub(ch)
            .withDeadlineAfter(10 * deadlineMs, TimeUnit.MILLISECONDS)
            .score(ScoreRequest.parseFrom(requests[0]));
    if (answer.getResultsCount() != batch) {
      throw new IOException(
          "the gateway answered " + answer.getResultsCount() + " results to " + batch);
    }
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
  }

  /** One outstanding call at a time, the next sent from the previous one's callback. */
  private final class Loop {
    private final ManagedChannel channel;
    private final long end;
    private final AtomicLong errors;
    private final CountDownLatch done;
    private int i;
    // samples[0] is the count, latencies in µs after it; grown as needed
    long[] samples = new long[1 << 16];

    Loop(ManagedChannel channel, int offset, long end, AtomicLong errors, CountDownLatch done) {
      this.channel = channel;
      this.i = offset * 31;
      this.end = end;
      this.errors = errors;
      this.done = done;
    }

    void next() {
      if (System.nanoTime() >= end) {
        done.countDown();
        return;
      }
      long sent = System.nanoTime();
      byte[] r = requests[i++ % requests.length];
      CallOptions options =
          CallOptions.DEFAULT.withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS);
      Futures.addCallback(
          ClientCalls.futureUnaryCall(channel.newCall(SCORE_BYTES, options), r),
          new FutureCallback<Long>() {
            @Override
            public void onSuccess(Long answerBytes) {
              if (answerBytes == 0) {
                errors.incrementAndGet(); // OK with no results: a gateway bug, not an answer
              } else {
                record((System.nanoTime() - sent) / 1_000);
              }
              next();
            }

            @Override
            public void onFailure(Throwable t) {
              errors.incrementAndGet();
              next();
            }
          },
          MoreExecutors.directExecutor());
    }

    private void record(long us) {
      int n = (int) samples[0] + 1;
      if (n >= samples.length) {
        samples = Arrays.copyOf(samples, samples.length * 2);
      }
      samples[n] = us;
      samples[0] = n;
    }
  }

  /** A request sent as the bytes it was encoded to. */
  private static final class Encoded implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      throw new UnsupportedOperationException("requests are only sent");
    }
  }

  /** An answer read to its end and counted in bytes. */
  private static final class Counted implements MethodDescriptor.Marshaller<Long> {
    @Override
    public InputStream stream(Long value) {
      throw new UnsupportedOperationException("answers are only read");
    }

    @Override
    public Long parse(InputStream stream) {
      try {
        return ByteStreams.exhaust(stream);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
