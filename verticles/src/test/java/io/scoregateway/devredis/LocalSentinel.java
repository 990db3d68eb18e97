package io.scoregateway.devredis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Sentinel deployment for tests: one master, one replica and three sentinels ({@code
 * redis-server <conf> --sentinel}, quorum 2), every process on a free loopback port. Short timeouts
 * ({@code down-after-milliseconds 1000}, {@code failover-timeout 3000}) make a killed master fail
 * over in a few seconds. Each sentinel gets its own writable config file (they rewrite it). Throws,
 * never skips, when the deployment cannot be built.
 */
public final class LocalSentinel implements AutoCloseable {
  public static final String MASTER_NAME = "mymaster";
  private static final long START_TIMEOUT_MS = 10_000;

  /** The master first, then the replica; a restarted node replaces its entry. */
  private final List<LocalRedis> nodes = new ArrayList<>();

  private final List<Process> sentinels = new ArrayList<>();
  private final List<Integer> sentinelPorts = new ArrayList<>();
  private final List<Path> sentinelDirs = new ArrayList<>();

  private LocalSentinel() {}

  public static LocalSentinel start() throws IOException {
    LocalSentinel s = new LocalSentinel();
    try {
      LocalRedis master =
          LocalRedis.start(LocalRedis.freePort(), List.of("--repl-diskless-sync-delay", "0"));
      s.nodes.add(master);
      s.nodes.add(
          LocalRedis.start(
              LocalRedis.freePort(),
              List.of(
                  "--repl-diskless-sync-delay",
                  "0",
                  "--replicaof",
                  "127.0.0.1",
                  Integer.toString(master.port()))));
      s.awaitReplicaOnline(master, 15_000);
      for (int i = 0; i < 3; i++) {
        s.startSentinel(master);
      }
      s.awaitTrue(
          "every sentinel names the master and knows the replica and the other sentinels",
          20_000,
          () -> {
            for (int port : s.sentinelPorts) {
              if (s.sentinelMasterPort(port) != master.port()) {
                return false;
              }
              List<?> info = (List<?>) LocalCluster.call(port, "SENTINEL", "MASTER", MASTER_NAME);
              if (!"1".equals(field(info, "num-slaves"))
                  || !"2".equals(field(info, "num-other-sentinels"))) {
                return false;
              }
            }
            return true;
          });
      return s;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw new IOException("cannot start a local Redis Sentinel deployment: " + e.getMessage(), e);
    }
  }

  private void startSentinel(LocalRedis master) throws IOException {
    int port = LocalRedis.freePort();
    Path dir = Files.createTempDirectory("score-gateway-sentinel-");
    Path conf = dir.resolve("sentinel.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "port " + port,
            "bind 127.0.0.1",
            "dir " + dir,
            "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 2",
            "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
            "sentinel failover-timeout " + MASTER_NAME + " 3000",
            "sentinel parallel-syncs " + MASTER_NAME + " 1",
            ""));
    Process p =
        new ProcessBuilder(master.binaryPath(), conf.toString(), "--sentinel")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("sentinel.log").toFile())
            .start();
    sentinels.add(p);
    sentinelPorts.add(port);
    sentinelDirs.add(dir);
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (true) {
      if (!p.isAlive()) {
        throw new IOException(
            "sentinel exited at start: " + Files.readString(dir.resolve("sentinel.log")));
      }
      try {
        if ("PONG".equals(LocalCluster.call(port, "PING"))) {
          return;
        }
      } catch (IOException e) {
        if (System.currentTimeMillis() > deadline) {
          throw new IOException("sentinel did not answer PING on port " + port, e);
        }
      }
      sleep(20);
    }
  }

  /** Sentinel URLs, as the gateway is configured ({@code --redis}). */
  public List<String> sentinelUrls() {
    return sentinelPorts.stream().map(p -> "redis://127.0.0.1:" + p).toList();
  }

  /** The master and the replica as started (a restarted node replaces its entry). */
  public List<LocalRedis> nodes() {
    return nodes;
  }

  /** The master port one sentinel reports. */
  public int sentinelMasterPort(int sentinelPort) throws IOException {
    List<?> addr =
        (List<?>)
            LocalCluster.call(sentinelPort, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
    return addr == null ? -1 : Integer.parseInt((String) addr.get(1));
  }

  /** The node the first live sentinel names as master. */
  public LocalRedis master() throws IOException {
    int port = sentinelMasterPort(sentinelPorts.get(0));
    return nodes.stream()
        .filter(n -> n.port() == port)
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("sentinels name an unknown master on port " + port));
  }

  /** Waits until every sentinel names a master other than {@code old}; returns it. */
  public LocalRedis awaitFailover(LocalRedis old, long timeoutMs) throws IOException {
    awaitTrue(
        "the sentinels to promote a new master",
        timeoutMs,
        () -> {
          for (int port : sentinelPorts) {
            int m = sentinelMasterPort(port);
            if (m == old.port() || m < 0) {
              return false;
            }
          }
          return ((String) LocalCluster.call(master(), "INFO", "replication"))
              .contains("role:master");
        });
    return master();
  }

  /** Waits until {@code master} reports one replica, online. */
  public void awaitReplicaOnline(LocalRedis master, long timeoutMs) {
    awaitTrue(
        "a replica in sync with the master on port " + master.port(),
        timeoutMs,
        () -> {
          String repl = (String) LocalCluster.call(master, "INFO", "replication");
          return repl.contains("role:master")
              && repl.contains("connected_slaves:1")
              && repl.contains("state=online");
        });
  }

  /** Restarts a stopped node on its port and directory; the sentinels turn it into a replica. */
  public LocalRedis restart(LocalRedis node) throws IOException {
    LocalRedis again = node.restart();
    nodes.set(nodes.indexOf(node), again);
    return again;
  }

  @Override
  public void close() {
    for (Process p : sentinels) {
      p.destroy();
    }
    for (Process p : sentinels) {
      try {
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    nodes.forEach(LocalRedis::close);
  }

  /** A field of a SENTINEL MASTER reply (a flat name/value list). */
  private static String field(List<?> pairs, String name) {
    for (int i = 0; i + 1 < pairs.size(); i += 2) {
      if (name.equals(pairs.get(i))) {
        return String.valueOf(pairs.get(i + 1));
      }
    }
    return null;
  }

  private void awaitTrue(String what, long timeoutMs, LocalCluster.Check check) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    Exception last = null;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (IOException | RuntimeException e) {
        last = e;
      }
      sleep(50);
    }
    StringBuilder logs = new StringBuilder();
    for (Path d : sentinelDirs) {
      try {
        logs.append("\n--- ")
            .append(d)
            .append('\n')
            .append(Files.readString(d.resolve("sentinel.log")));
      } catch (IOException ignored) {
        // best effort
      }
    }
    throw new IllegalStateException("local sentinel: timed out waiting for " + what + logs, last);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
