package io.scoregateway.gateway.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The gateway as a user runs it: a separate JVM on this test's classpath, stdout and stderr kept
 * apart in files, no inherited OTEL_* settings unless a test passes them.
 */
public final class GatewayProcess implements AutoCloseable {
  private final Process process;
  private final Path stdout;
  private final Path stderr;
  private final long startedNanos = System.nanoTime();

  private GatewayProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static GatewayProcess start(Map<String, String> env, String... args) throws IOException {
    // the application's own logback.xml, not the test classpath's logback-test.xml
    List<String> cmd =
        new ArrayList<>(
            List.of(
                javaBinary(),
                "-Dlogback.configurationFile=logback.xml",
                "-cp",
                System.getProperty("java.class.path"),
                "io.scoregateway.gateway.Main"));
    cmd.addAll(List.of(args));
    return start(cmd, env);
  }

  /** Runs {@code cmd} (e.g. the gateway under {@code script} for a terminal) the same way. */
  public static GatewayProcess start(List<String> cmd, Map<String, String> env) throws IOException {
    Path dir = Files.createTempDirectory("gateway-process-");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectError(dir.resolve("stderr").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("OTEL_") || k.startsWith("GATEWAY_"));
    pb.environment().putAll(env);
    return new GatewayProcess(pb.start(), dir.resolve("stdout"), dir.resolve("stderr"));
  }

  public static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The exit code, or null when the process is still running after {@code ms}. */
  public Integer exitWithin(long ms) throws InterruptedException {
    long left = ms - (System.nanoTime() - startedNanos) / 1_000_000;
    return process.waitFor(Math.max(0, left), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
  }

  /** Waits up to {@code ms} for a stdout line matching {@code p}; true when one appeared. */
  public boolean awaitStdout(Predicate<String> p, long ms) throws Exception {
    long deadline = System.currentTimeMillis() + ms;
    while (System.currentTimeMillis() < deadline) {
      if (stdoutLines().stream().anyMatch(p)) {
        return true;
      }
      if (!process.isAlive()) {
        return stdoutLines().stream().anyMatch(p);
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** SIGTERM, then how long the process took to exit (ms), or -1 when it did not within 10 s. */
  public long stopMillis() throws InterruptedException {
    long t0 = System.nanoTime();
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    boolean done = process.waitFor(10, TimeUnit.SECONDS);
    return done ? (System.nanoTime() - t0) / 1_000_000 : -1;
  }

  public List<String> stdoutLines() throws IOException {
    return lines(stdout);
  }

  public List<String> stderrLines() throws IOException {
    return lines(stderr);
  }

  /** Everything the process wrote, for assertion messages and leak checks. */
  public String output() throws IOException {
    return Files.readString(stdout, StandardCharsets.UTF_8)
        + Files.readString(stderr, StandardCharsets.UTF_8);
  }

  private static List<String> lines(Path p) throws IOException {
    List<String> out = new ArrayList<>();
    for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      if (!l.isBlank()) {
        out.add(l);
      }
    }
    return out;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
