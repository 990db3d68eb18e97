package io.scoregateway.devredis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import redis.embedded.core.ExecutableProvider;

/**
 * A throwaway {@code redis-server} process for {@code dev} and the tests: the binary on PATH when
 * there is one, else the one shipped inside the embedded-redis dependency. It binds to loopback,
 * keeps nothing on disk, and is stopped by {@link #close()} or at JVM exit.
 */
public final class LocalRedis implements AutoCloseable {
  private static final long START_TIMEOUT_MS = 10_000;

  private final Process process;
  private final int port;
  private final Path dir;
  private final String binary;
  private final List<String> extraArgs;

  private LocalRedis(Process process, int port, Path dir, String binary, List<String> extraArgs) {
    this.process = process;
    this.port = port;
    this.dir = dir;
    this.binary = binary;
    this.extraArgs = extraArgs;
  }

  /** Starts on a free port; throws (never skips) when no Redis can be started. */
  public static LocalRedis start() throws IOException {
    return start(freePort(), List.of());
  }

  /** Starts on {@code port} with extra {@code --option value} arguments. */
  public static LocalRedis start(int port, List<String> extraArgs) throws IOException {
    return start(binary(), port, extraArgs);
  }

  /** Starts the server bundled in the embedded-redis dependency, whatever is on PATH. */
  public static LocalRedis startBundled() throws IOException {
    return start(bundled(), freePort(), List.of());
  }

  private static LocalRedis start(String binary, int port, List<String> extraArgs)
      throws IOException {
    return start(binary, port, Files.createTempDirectory("score-gateway-redis-"), extraArgs);
  }

  /** A new server on the same port, directory and options: with AOF on, it recovers the data. */
  public LocalRedis restart() throws IOException {
    if (process.isAlive()) {
      close();
    }
    return start(binary, port, dir, extraArgs);
  }

  private static LocalRedis start(String binary, int port, Path dir, List<String> extraArgs)
      throws IOException {
    if (!isFree(port)) {
      // never write into somebody else's server: whoever asked for this port gets a clear refusal
      throw new PortInUse(port);
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                binary,
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString(),
                "--daemonize",
                "no",
                "--loglevel",
                "warning"));
    if (majorVersion(binary) >= 7) {
      // DEBUG (e.g. DEBUG SLEEP in fault tests) is off by default from Redis 7; local clients only
      cmd.addAll(List.of("--enable-debug-command", "local"));
    }
    cmd.addAll(extraArgs);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    LocalRedis redis = new LocalRedis(p, port, dir, binary, List.copyOf(extraArgs));
    Runtime.getRuntime().addShutdownHook(new Thread(redis::close));
    redis.awaitReady();
    return redis;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Which executable runs this server. */
  public String binaryPath() {
    return binary;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the process at once (SIGKILL), as a crash would: for failover tests. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Sends one inline command and returns the raw reply line (for tests and readiness). */
  public String command(String inline) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder sb = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        sb.append((char) c);
      }
      return sb.toString().trim();
    }
  }

  private void awaitReady() throws IOException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    IOException last = null;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        String log = Files.readString(dir.resolve("redis.log"));
        if (log.contains("Address already in use")) {
          throw new PortInUse(port);
        }
        throw new IOException("redis-server exited at start: " + log);
      }
      boolean answered = false;
      try {
        answered = "+PONG".equals(command("PING")) && isOurs();
      } catch (IOException e) {
        last = e;
      }
      if (answered) {
        return;
      }
      try {
        // start-up poll on the caller's thread (CLI main or a test), never an event loop
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new IOException("redis-server did not answer PING on port " + port, last);
  }

  /**
   * Whether the server answering on our port is our process: another server may have taken the port
   * between the free-port check and our bind, and then our process exits while the other answers
   * PING.
   */
  private boolean isOurs() throws IOException {
    String info = bulk("INFO server");
    return process.isAlive() && info.contains("process_id:" + process.pid() + "\r\n");
  }

  /** Sends one inline command whose reply is a bulk string and returns that string. */
  private String bulk(String inline) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      s.setSoTimeout(5000);
      s.getOutputStream().write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
      InputStream in = new java.io.BufferedInputStream(s.getInputStream());
      StringBuilder head = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        head.append((char) c);
      }
      if (head.length() < 2 || head.charAt(0) != '$') {
        return "";
      }
      byte[] body = in.readNBytes(Integer.parseInt(head.substring(1).trim()));
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Nothing listens on 127.0.0.1:{@code port} right now. */
  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The port asked for is held by another process (possibly another Redis). */
  public static final class PortInUse extends IOException {
    private static final long serialVersionUID = 1L;
    private final int port;

    PortInUse(int port) {
      super(
          "port "
              + port
              + " is already in use by another process; a local Redis is only started on a free port");
      this.port = port;
    }

    public int port() {
      return port;
    }
  }

  /**
   * {@code GATEWAY_DEV_REDIS_BINARY} picks the server: a path, or {@code bundled} for the one in
   * the Maven dependency; unset means PATH first, then bundled.
   */
  private static String binary() throws IOException {
    String chosen = System.getenv("GATEWAY_DEV_REDIS_BINARY");
    if (chosen != null && !chosen.isBlank() && !chosen.equals("bundled")) {
      if (!new File(chosen).canExecute()) {
        throw new IOException("GATEWAY_DEV_REDIS_BINARY=" + chosen + " is not an executable file");
      }
      return chosen;
    }
    String path = "bundled".equals(chosen) ? null : System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(Pattern.quote(File.pathSeparator), -1)) {
        File f = new File(d, "redis-server");
        if (f.canExecute()) {
          return f.getAbsolutePath();
        }
      }
    }
    return bundled();
  }

  private static String bundled() throws IOException {
    File bundled = ExecutableProvider.newJarResourceProvider().get();
    if (!bundled.canExecute() && !bundled.setExecutable(true)) {
      throw new IOException("cannot make the bundled redis-server executable: " + bundled);
    }
    return bundled.getAbsolutePath();
  }

  private static int majorVersion(String binary) throws IOException {
    Process p = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("v=(\\d+)\\.").matcher(out);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** A port nobody listens on right now. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
