package io.scoregateway.exposure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded hand-off between the event loops' {@link ExposureRecorder}s and the exposure writer.
 * A record counts against the bound from the moment it is offered until its sink has written or
 * lost it, so a slow or dead sink fills the buffer and then new records are dropped (counted),
 * never queued without end and never waited for. The first loss and the recovery after it are
 * logged once each.
 */
public final class ExposureBuffer {
  private static final Logger LOG = LoggerFactory.getLogger(ExposureBuffer.class);

  private final long capacity;
  private final ConcurrentLinkedQueue<ExposureChunk> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong held = new AtomicLong();
  private final AtomicBoolean losing = new AtomicBoolean();
  private final AtomicLong lostMeanwhile = new AtomicLong();
  private final Counter written;
  private final Counter dropped;
  private final Counter failed;

  /** The sink's partitions, as the writer last learned them; chunks are made for these. */
  private volatile int partitions = 1;

  public ExposureBuffer(long capacity, MeterRegistry registry) {
    this.capacity = capacity;
    this.written = records(registry, "written");
    this.dropped = records(registry, "dropped");
    this.failed = records(registry, "failed");
    Gauge.builder("gateway.exposure.buffered", held, AtomicLong::get)
        .description("Exposure records waiting for, or in flight to, the sink")
        .baseUnit("records")
        .register(registry);
    Gauge.builder("gateway.exposure.partitions", this, ExposureBuffer::partitions)
        .description(
            "The partitions exposure chunks are made for: the topic's once learned, else 1")
        .register(registry);
  }

  private static Counter records(MeterRegistry r, String outcome) {
    return Counter.builder("gateway.exposure.records")
        .description(
            "Exposure records by outcome: written by the sink, dropped (buffer full), failed (the"
                + " sink gave up on them)")
        .tags("outcome", outcome)
        .register(r);
  }

  /**
   * Takes room for {@code n} records about to be encoded; false, and the records counted as
   * dropped, when the bound has none.
   */
  boolean reserve(int n) {
    if (held.addAndGet(n) > capacity) {
      held.addAndGet(-n);
      dropped.increment(n);
      lost(n, "the buffer of " + capacity + " records is full: the sink is slow or unreachable");
      return false;
    }
    return true;
  }

  /** Queues a chunk whose records were {@link #reserve reserved}. */
  void add(ExposureChunk chunk) {
    queue.add(chunk);
  }

  /** Takes what is waiting, up to about {@code maxRecords} records (at least one chunk). */
  List<ExposureChunk> drain(int maxRecords) {
    List<ExposureChunk> out = new ArrayList<>();
    int records = 0;
    ExposureChunk c;
    while (records < maxRecords && (c = queue.poll()) != null) {
      out.add(c);
      records += c.records();
    }
    return out;
  }

  int partitions() {
    return partitions;
  }

  /** What the sink says its partitions are now (at least 1). */
  void partitions(int n) {
    partitions = Math.max(1, n);
  }

  /** The sink is done with {@code ok + lost} records: {@code ok} written, {@code lost} not. */
  void settled(int ok, int lost, String cause) {
    held.addAndGet(-(ok + lost));
    written.increment(ok);
    if (lost > 0) {
      failed.increment(lost);
      lost(lost, cause);
    } else if (ok > 0 && held.get() < capacity / 2 && losing.compareAndSet(true, false)) {
      // recovered once the sink writes again and the backlog has room: not on every lucky batch
      LOG.info(
          "exposure log: records are written again; {} were lost meanwhile",
          lostMeanwhile.getAndSet(0));
    }
  }

  /** Records waiting for, or in flight to, the sink. */
  long held() {
    return held.get();
  }

  private void lost(long n, String cause) {
    lostMeanwhile.addAndGet(n);
    if (losing.compareAndSet(false, true)) {
      LOG.warn(
          "exposure log: records are being lost ({}); counted in"
              + " gateway_exposure_records_total, logged again only once they are written again",
          cause);
    }
  }
}
