package io.scoregateway.loadtest.grpc;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.ManagedChannel;
import io.scoregateway.grpc.v1.ScoreRequest;
import io.scoregateway.grpc.v1.ScoreResponse;
import io.scoregateway.grpc.v1.ScoreServiceGrpc;
import java.io.IOException;
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
 * built before the clock starts (512 of them, like the wrk script). Prints the wrk script's {@code
 * BENCH requests=... duration_us=... errors=... p50_us=... p99_us=...} line.
 */
final class GrpcLoad {
  private final List<ManagedChannel> channels;
  private final ScoreRequest[] requests;
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
    this.inFlight = inFlight;
    this.deadlineMs = deadlineMs;
    Random random = new Random(42);
    Candidates pick = new Candidates(tracks, skewed);
    requests = new ScoreRequest[512];
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
      requests[b] = r.build();
    }
  }

  /**
   * Runs for {@code seconds} and returns the BENCH line; with a {@code cpuPid} (the gateway's) it
   * adds {@code cpu_us}, the CPU time that process used during exactly the timed window.
   */
  String run(double seconds, ProcessCpu cpu) throws InterruptedException, IOException {
    long cpuBefore = cpu == null ? 0 : cpu.micros();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong errors = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(channels.size() * inFlight);
    long start = System.nanoTime();
    int n = 0;
    for (ManagedChannel ch : channels) {
      ScoreServiceGrpc.ScoreServiceFutureStub stub = ScoreServiceGrpc.newFutureStub(ch);
      for (int i = 0; i < inFlight; i++) {
        Loop loop = new Loop(stub, n++, end, errors, done);
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

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
  }

  /** One outstanding call at a time, the next sent from the previous one's callback. */
  private final class Loop {
    private final ScoreServiceGrpc.ScoreServiceFutureStub stub;
    private final long end;
    private final AtomicLong errors;
    private final CountDownLatch done;
    private int i;
    // samples[0] is the count, latencies in µs after it; grown as needed
    long[] samples = new long[1 << 16];

    Loop(
        ScoreServiceGrpc.ScoreServiceFutureStub stub,
        int offset,
        long end,
        AtomicLong errors,
        CountDownLatch done) {
      this.stub = stub;
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
      ScoreRequest r = requests[i++ % requests.length];
      Futures.addCallback(
          stub.withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS).score(r),
          new FutureCallback<ScoreResponse>() {
            @Override
            public void onSuccess(ScoreResponse result) {
              record((System.nanoTime() - sent) / 1_000);
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
}
