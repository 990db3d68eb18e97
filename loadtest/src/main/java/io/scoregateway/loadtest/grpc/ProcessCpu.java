package io.scoregateway.loadtest.grpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU time (user + system, all threads) a local process has used, from /proc. */
final class ProcessCpu {
  private final Path stat;
  private final long clockTicksPerSecond;

  ProcessCpu(long pid, long clockTicksPerSecond) {
    this.stat = Path.of("/proc", Long.toString(pid), "stat");
    this.clockTicksPerSecond = clockTicksPerSecond;
  }

  long micros() throws IOException {
    String s = Files.readString(stat);
    // the fields after "pid (comm) ": the name may hold spaces, so count from the last ')'
    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ", -1);
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return ticks * 1_000_000 / clockTicksPerSecond;
  }
}
