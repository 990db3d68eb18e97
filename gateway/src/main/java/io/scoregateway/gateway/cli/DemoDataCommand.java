package io.scoregateway.gateway.cli;

import io.scoregateway.model.Campaign;
import io.scoregateway.store.SnapshotWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo-data}: write deterministic tracks, scores and campaigns, then activate the snapshot.
 */
@Command(
    name = "demo-data",
    mixinStandardHelpOptions = true,
    versionProvider = GatewayVersion.class,
    description =
        "Write deterministic demo data (tracks t0.., campaigns c0.., segments s0..) and activate it.")
public final class DemoDataCommand implements Callable<Integer> {
  private static final int BATCH = 2_000;
  private static final int IN_FLIGHT = 8;

  @Mixin ConfigOptions options;

  @Option(
      names = "--tracks",
      defaultValue = "100000",
      description = "tracks t0..t{N-1} (default ${DEFAULT-VALUE})")
  int tracks;

  @Option(
      names = "--campaigns",
      defaultValue = "20",
      description = "campaigns c0..c{M-1} (default ${DEFAULT-VALUE})")
  int campaigns;

  @Option(
      names = "--segments",
      defaultValue = "8",
      description = "segments s0..s{S-1} (default ${DEFAULT-VALUE})")
  int segments;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--feeders",
      paramLabel = "DIR",
      description = "also write Gatling CSV feeders (users.csv, tracks.csv) for this data into DIR")
  Path feeders;

  @Option(
      names = "--feeder-users",
      defaultValue = "10000",
      description = "listeners u-0..u-{N-1} in users.csv (default ${DEFAULT-VALUE})")
  int feederUsers;

  @Override
  public Integer call() throws InterruptedException {
    if (tracks < 1 || campaigns < 0 || segments < 0 || feederUsers < 1) {
      System.err.println(
          "demo-data: --tracks and --feeder-users must be >= 1, --campaigns and --segments >= 0");
      return 2;
    }
    PrintStream out = System.out;
    DemoData demo = new DemoData(tracks, campaigns, segments, seed);
    if (feeders != null) {
      try {
        long rows =
            FeederWriter.write(feeders, demo, tracks, segments, feederUsers, seed, Instant.now());
        out.printf(
            "feeders: %s (users.csv, tracks.csv; %d rows)%n", feeders.toAbsolutePath(), rows);
      } catch (IOException e) {
        System.err.println(
            "demo-data: --feeders: cannot write " + feeders + " (" + e.getMessage() + ")");
        return 1;
      }
    }
    long t0 = System.nanoTime();
    try (RedisSession session = new RedisSession(options.resolve().engine())) {
      String snapshot = demo.snapshotId();
      boolean exists = Await.result(session.stores.snapshots().get(snapshot)) != null;
      long rows = 0;
      if (!exists) {
        SnapshotWriter writer = new SnapshotWriter(session.link, snapshot);
        Await.result(writer.begin("demo-data"));
        rows = writeRows(demo, writer);
        Await.result(writer.complete("demo-data", rows, 0));
      }
      Await.result(session.stores.snapshots().activate(snapshot));
      long now = Instant.now().toEpochMilli();
      List<Campaign> list = demo.campaigns(Instant.now());
      for (Campaign c : list) {
        Await.result(session.stores.campaigns().put(c, now));
      }
      out.printf(
          "demo data: snapshot %s %s (%d rows), %d campaigns, active; %.1fs%n",
          snapshot,
          exists ? "already loaded" : "written",
          rows,
          list.size(),
          (System.nanoTime() - t0) / 1e9);
    }
    return 0;
  }

  private long writeRows(DemoData demo, SnapshotWriter writer) throws InterruptedException {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<SnapshotWriter.Row> batch = new ArrayList<>(BATCH + 8);
    long rows = 0;
    for (int i = 0; i < tracks && failure.get() == null; i++) {
      batch.addAll(demo.rowsOf(i));
      if (batch.size() >= BATCH || i == tracks - 1) {
        rows += batch.size();
        inFlight.acquire();
        writer
            .write(new ArrayList<>(batch))
            .onComplete(
                ar -> {
                  if (ar.failed()) {
                    failure.compareAndSet(null, ar.cause());
                  }
                  inFlight.release();
                });
        batch.clear();
      }
    }
    inFlight.acquire(IN_FLIGHT);
    if (failure.get() != null) {
      throw new IllegalStateException(
          "writing demo rows failed: " + failure.get().getMessage(), failure.get());
    }
    return rows;
  }
}
