package io.scoregateway.devredis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real Redis Cluster for tests: {@code masters} masters with {@code replicasPerMaster} replicas
 * each, every node a {@code redis-server} process on a free port (cluster bus on port + 10000),
 * joined by hand (CLUSTER MEET / ADDSLOTS / REPLICATE, so redis-cli is not needed). A short {@code
 * cluster-node-timeout} makes a killed master fail over in a couple of seconds, and {@code
 * cluster-require-full-coverage no} keeps the other masters serving meanwhile. Throws, never skips,
 * when the cluster cannot be built.
 */
public final class LocalCluster implements AutoCloseable {
  private static LocalCluster shared;

  private final List<LocalRedis> nodes;
  private final int masterCount;

  /** Each node's TLS port, in node order; empty for a plain cluster. */
  private final List<Integer> tlsPorts;

  private LocalCluster(List<LocalRedis> nodes, int masterCount, List<Integer> tlsPorts) {
    this.nodes = nodes;
    this.masterCount = masterCount;
    this.tlsPorts = List.copyOf(tlsPorts);
  }

  /**
   * One 3 + 3 cluster shared by the non-destructive cluster suites of this JVM (flush it before
   * use); stopped at JVM exit.
   */
  public static synchronized LocalCluster shared() throws IOException {
    if (shared == null) {
      shared = start(3, 1, 1_500);
    }
    return shared;
  }

  public static LocalCluster start(int masters, int replicasPerMaster, long nodeTimeoutMs)
      throws IOException {
    return start(masters, replicasPerMaster, nodeTimeoutMs, null);
  }

  /**
   * A cluster whose nodes and cluster bus speak TLS ({@code --tls-cluster yes}, replication too):
   * each node serves {@code certificate} of {@code certs} on a TLS port (the one the cluster
   * announces, see {@link #tlsSeedUrls()}) and keeps its plain port for this class's own calls.
   */
  public static LocalCluster startTls(
      int masters,
      int replicasPerMaster,
      long nodeTimeoutMs,
      TestCertificates certs,
      String certificate)
      throws IOException {
    return start(
        masters,
        replicasPerMaster,
        nodeTimeoutMs,
        tlsPort -> {
          List<String> args = certs.redisTlsArgs(tlsPort, certificate, true);
          args.addAll(List.of("--tls-cluster", "yes", "--tls-replication", "yes"));
          return args;
        });
  }

  private static LocalCluster start(
      int masters,
      int replicasPerMaster,
      long nodeTimeoutMs,
      java.util.function.IntFunction<List<String>> tls)
      throws IOException {
    int total = masters * (1 + replicasPerMaster);
    List<LocalRedis> nodes = new ArrayList<>();
    List<Integer> tlsPorts = new ArrayList<>();
    try {
      for (int i = 0; i < total; i++) {
        List<String> args =
            new ArrayList<>(
                List.of(
                    "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", Long.toString(nodeTimeoutMs),
                    "--cluster-require-full-coverage", "no",
                    "--cluster-replica-validity-factor", "0",
                    "--repl-diskless-sync-delay", "0"));
        if (tls != null) {
          // with tls-cluster the bus listens on the TLS port + 10000, so that pair must be free
          int tlsPort = clusterPort();
          tlsPorts.add(tlsPort);
          args.addAll(tls.apply(tlsPort));
          nodes.add(LocalRedis.start(LocalRedis.freePort(), args));
        } else {
          nodes.add(LocalRedis.start(clusterPort(), args));
        }
      }
      LocalCluster c = new LocalCluster(nodes, masters, tlsPorts);
      c.form(replicasPerMaster);
      return c;
    } catch (IOException | RuntimeException e) {
      nodes.forEach(LocalRedis::close);
      throw new IOException("cannot start a local Redis Cluster: " + e.getMessage(), e);
    }
  }

  private void form(int replicasPerMaster) throws IOException {
    LocalRedis first = nodes.get(0);
    for (LocalRedis n : nodes.subList(1, nodes.size())) {
      int meetPort = tlsPorts.isEmpty() ? first.port() : tlsPorts.get(0);
      expectOk(call(n, "CLUSTER", "MEET", "127.0.0.1", Integer.toString(meetPort)));
    }
    int per = 16384 / masterCount;
    for (int m = 0; m < masterCount; m++) {
      int from = m * per;
      int to = m == masterCount - 1 ? 16383 : from + per - 1;
      List<String> args = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
      for (int s = from; s <= to; s++) {
        args.add(Integer.toString(s));
      }
      expectOk(call(nodes.get(m), args.toArray(String[]::new)));
    }
    awaitTrue(
        "every node knows every other",
        20_000,
        () -> {
          for (LocalRedis n : nodes) {
            String all = (String) call(n, "CLUSTER", "NODES");
            if (all.lines().filter(l -> !l.isBlank()).count() < nodes.size()
                || all.contains("handshake")) {
              return false;
            }
          }
          return true;
        });
    for (int r = 0; r < masterCount * replicasPerMaster; r++) {
      LocalRedis replica = nodes.get(masterCount + r);
      String masterId = (String) call(nodes.get(r % masterCount), "CLUSTER", "MYID");
      expectOk(call(replica, "CLUSTER", "REPLICATE", masterId));
    }
    awaitHealthy(30_000);
  }

  /** Waits until every live node says cluster_state:ok and every live replica is in sync. */
  public void awaitHealthy(long timeoutMs) {
    awaitTrue(
        "cluster_state:ok on every node, replicas linked",
        timeoutMs,
        () -> {
          for (LocalRedis n : nodes) {
            if (!n.isAlive()) {
              continue;
            }
            if (!((String) call(n, "CLUSTER", "INFO")).contains("cluster_state:ok")) {
              return false;
            }
            String repl = (String) call(n, "INFO", "replication");
            if (repl.contains("role:slave") && !repl.contains("master_link_status:up")) {
              return false;
            }
          }
          return true;
        });
  }

  /** Seed URLs (every node), as the gateway is configured. */
  public List<String> seedUrls() {
    return nodes.stream().map(LocalRedis::url).toList();
  }

  /** rediss:// seed URLs of a TLS cluster (every node's TLS port). */
  public List<String> tlsSeedUrls() {
    return tlsPorts.stream().map(p -> "rediss://127.0.0.1:" + p).toList();
  }

  public List<LocalRedis> nodes() {
    return nodes;
  }

  /** The live nodes that currently are masters. */
  public List<LocalRedis> masters() throws IOException {
    List<LocalRedis> out = new ArrayList<>();
    for (LocalRedis n : nodes) {
      if (n.isAlive() && ((String) call(n, "INFO", "replication")).contains("role:master")) {
        out.add(n);
      }
    }
    return out;
  }

  /** The live master serving the slot of {@code key}. */
  public LocalRedis masterOf(String key) throws IOException {
    long slot = (Long) call(masters().get(0), "CLUSTER", "KEYSLOT", key);
    for (LocalRedis m : masters()) {
      if (ownsSlot(m, slot)) {
        return m;
      }
    }
    throw new IllegalStateException("no live master serves slot " + slot);
  }

  private boolean ownsSlot(LocalRedis m, long slot) throws IOException {
    String myself =
        ((String) call(m, "CLUSTER", "NODES"))
            .lines()
            .filter(l -> l.contains("myself"))
            .findFirst()
            .orElseThrow();
    String[] f = myself.split(" ", -1);
    for (int i = 8; i < f.length; i++) {
      String range = f[i];
      if (range.isEmpty() || range.startsWith("[")) {
        continue;
      }
      String[] ends = range.split("-", -1);
      long from = Long.parseLong(ends[0]);
      long to = ends.length > 1 ? Long.parseLong(ends[1]) : from;
      if (slot >= from && slot <= to) {
        return true;
      }
    }
    return false;
  }

  /**
   * Restarts a stopped node on its port and directory: it rejoins with its nodes.conf (as a
   * replica).
   */
  public LocalRedis restart(LocalRedis node) throws IOException {
    LocalRedis again = node.restart();
    nodes.set(nodes.indexOf(node), again);
    return again;
  }

  /** FLUSHALL on every live master (replicas follow). */
  public void flushAll() throws IOException {
    for (LocalRedis m : masters()) {
      call(m, "FLUSHALL");
    }
  }

  /** Calls per command on one node, from INFO commandstats. */
  public java.util.Map<String, Long> commandStats(LocalRedis node) throws IOException {
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    for (String line : ((String) call(node, "INFO", "commandstats")).split("\r?\n", -1)) {
      if (line.startsWith("cmdstat_")) {
        String name = line.substring(8, line.indexOf(':'));
        int at = line.indexOf("calls=") + 6;
        out.put(name, Long.parseLong(line.substring(at, line.indexOf(',', at))));
      }
    }
    return out;
  }

  @Override
  public void close() {
    nodes.forEach(LocalRedis::close);
  }

  /**
   * Sends one command (RESP array) and returns the reply: String for simple and bulk strings, Long
   * for integers, List for arrays, null for nil; an error reply throws.
   */
  public static Object call(LocalRedis node, String... args) throws IOException {
    return call(node.port(), args);
  }

  /** {@link #call(LocalRedis, String...)} to whatever listens on {@code port} (a sentinel, say). */
  public static Object call(int port, String... args) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      s.setSoTimeout(5000);
      StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
      for (String a : args) {
        sb.append('$')
            .append(a.getBytes(StandardCharsets.UTF_8).length)
            .append("\r\n")
            .append(a)
            .append("\r\n");
      }
      OutputStream out = s.getOutputStream();
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return read(new BufferedInputStream(s.getInputStream()));
    }
  }

  private static Object read(InputStream in) throws IOException {
    int type = in.read();
    String line = line(in);
    return switch (type) {
      case '+' -> line;
      case '-' -> throw new IOException("redis error: " + line);
      case ':' -> Long.parseLong(line);
      case '$' -> {
        int n = Integer.parseInt(line);
        if (n < 0) {
          yield null;
        }
        byte[] b = in.readNBytes(n + 2);
        yield new String(b, 0, n, StandardCharsets.UTF_8);
      }
      case '*' -> {
        int n = Integer.parseInt(line);
        if (n < 0) {
          yield null;
        }
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(read(in));
        }
        yield items;
      }
      default -> throw new IOException("unexpected reply type " + (char) type + line);
    };
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\r') {
      sb.append((char) c);
    }
    in.read();
    return sb.toString();
  }

  private static void expectOk(Object reply) {
    if (!"OK".equals(reply)) {
      throw new IllegalStateException("expected OK, got " + reply);
    }
  }

  interface Check {
    boolean ok() throws IOException;
  }

  private static void awaitTrue(String what, long timeoutMs, Check check) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    Exception last = null;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("local cluster: timed out waiting for " + what, last);
  }

  /** A port whose cluster bus port (+10000) is free too. */
  private static int clusterPort() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int p = ThreadLocalRandom.current().nextInt(20_000, 30_000);
      if (free(p) && free(p + 10_000)) {
        return p;
      }
    }
    throw new IOException("no free port pair for a cluster node");
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
