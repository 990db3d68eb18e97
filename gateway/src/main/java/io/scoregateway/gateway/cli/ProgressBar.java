package io.scoregateway.gateway.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Progress of a file load on stderr: percentage of bytes read, rows, rows/s and ETA. On a terminal
 * the bar is redrawn in place with {@code \r} at most every 200 ms; otherwise (logs, CI) a plain
 * line is printed every 2 s.
 */
public final class ProgressBar {
  private static final long TTY_INTERVAL_NS = 200_000_000L;
  private static final long PLAIN_INTERVAL_NS = 2_000_000_000L;
  private static final int WIDTH = 24;

  private final PrintStream out;
  private final long totalBytes;
  private final boolean terminal;
  private final LongSupplier nanos;
  private final long startNs;
  private long lastDrawNs;
  private int drawnWidth;

  public ProgressBar(PrintStream out, long totalBytes, boolean terminal, LongSupplier nanos) {
    this.out = out;
    this.totalBytes = totalBytes;
    this.terminal = terminal;
    this.nanos = nanos;
    this.startNs = nanos.getAsLong();
    this.lastDrawNs = startNs;
  }

  /** A bar on stderr, redrawn in place when there is a console. */
  public static ProgressBar onStderr(long totalBytes) {
    return new ProgressBar(System.err, totalBytes, Terminal.attached(), System::nanoTime);
  }

  /** Redraws when the interval has passed since the last draw. */
  public void update(long bytes, long rows) {
    long now = nanos.getAsLong();
    if (now - lastDrawNs >= (terminal ? TTY_INTERVAL_NS : PLAIN_INTERVAL_NS)) {
      lastDrawNs = now;
      draw(render(bytes, rows, now - startNs));
    }
  }

  /** Prints a message line without garbling the bar (the bar is redrawn on the next update). */
  public void message(String line) {
    clear();
    out.println(line);
  }

  /** Draws the final state and ends the bar's line. */
  public void finish(long bytes, long rows) {
    long now = nanos.getAsLong();
    draw(render(bytes, rows, now - startNs));
    if (terminal) {
      out.println();
      drawnWidth = 0;
    }
  }

  /** One progress line, e.g. {@code [######......] 50.0% 500000 rows 120000 rows/s ETA 4s}. */
  String render(long bytes, long rows, long elapsedNs) {
    double secs = elapsedNs / 1e9;
    long rate = secs > 0 ? Math.round(rows / secs) : 0;
    StringBuilder sb = new StringBuilder(96);
    if (totalBytes > 0) {
      double frac = Math.min(1.0, Math.max(0.0, (double) bytes / totalBytes));
      if (terminal) {
        int filled = (int) Math.round(frac * WIDTH);
        sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
      }
      sb.append(String.format("%5.1f%%  ", frac * 100));
    }
    sb.append(rows).append(" rows  ").append(rate).append(" rows/s");
    if (totalBytes > 0 && bytes > 0 && bytes < totalBytes) {
      sb.append("  ETA ").append(duration(Math.round(secs * (totalBytes - bytes) / bytes)));
    } else if (totalBytes > 0 && bytes >= totalBytes) {
      sb.append("  ").append(duration(Math.round(secs))).append(" elapsed");
    }
    return sb.toString();
  }

  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format("%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }

  private void draw(String line) {
    if (!terminal) {
      out.println("load-scores: " + line);
      return;
    }
    int pad = Math.max(0, drawnWidth - line.length());
    out.print("\r" + line + " ".repeat(pad));
    out.flush();
    drawnWidth = line.length();
  }

  private void clear() {
    if (terminal && drawnWidth > 0) {
      out.print("\r" + " ".repeat(drawnWidth) + "\r");
      drawnWidth = 0;
    }
  }
}
