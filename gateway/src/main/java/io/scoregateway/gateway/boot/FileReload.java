package io.scoregateway.gateway.boot;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads a set of files every period and applies them when their contents changed (a rotated
 * Kubernetes Secret, a replaced certificate). Contents, not timestamps, decide: a Secret update
 * swaps a symlink and keeps old times. What fails to apply is logged once and the files stay in use
 * as they were; the same contents are not tried again, but the next change is. Files are read on a
 * worker thread, never on an event loop.
 */
final class FileReload {
  private static final Logger LOG = LoggerFactory.getLogger(FileReload.class);

  /** Checks and installs new contents (on a worker thread); throws to refuse them. */
  interface Apply {
    Future<?> apply(List<byte[]> contents) throws Exception;
  }

  private final Vertx vertx;
  private final String what;
  private final List<Path> files;
  private final Apply apply;
  private List<byte[]> seen;
  private boolean busy;

  private FileReload(
      Vertx vertx, String what, List<Path> files, Apply apply, List<byte[]> current) {
    this.vertx = vertx;
    this.what = what;
    this.files = files;
    this.apply = apply;
    this.seen = current;
  }

  /** Starts watching {@code files}, whose contents in use now are {@code current}. */
  static void every(
      Vertx vertx,
      long periodMs,
      String what,
      List<Path> files,
      List<byte[]> current,
      Apply apply) {
    FileReload r = new FileReload(vertx, what, files, apply, current);
    vertx.setPeriodic(periodMs, periodMs, id -> r.check());
  }

  /** Reads the files now (the contents the first apply starts from). */
  static List<byte[]> read(List<Path> files) throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (Path f : files) {
      out.add(Files.readAllBytes(f));
    }
    return out;
  }

  private void check() {
    if (busy) {
      return;
    }
    busy = true;
    // reading and checking on a worker thread; the install itself completes on the event loops,
    // so it is composed, not waited for
    vertx
        .<Future<?>>executeBlocking(
            () -> {
              List<byte[]> now;
              try {
                now = read(files);
              } catch (IOException e) {
                return null; // mid-rotation or removed: keep what is in use and look again next
                // period
              }
              if (same(now, seen)) {
                return null;
              }
              seen = now;
              return apply.apply(now);
            },
            false)
        .compose(
            installed ->
                installed == null
                    ? Future.<Void>succeededFuture()
                    : installed
                        .<Void>mapEmpty()
                        .onSuccess(v -> LOG.info("reloaded {} from {}", what, files)))
        .onFailure(
            err ->
                LOG.warn(
                    "{}: new contents of {} refused, still serving the previous ones: {}",
                    what,
                    files,
                    err.getMessage()))
        .onComplete(ar -> busy = false);
  }

  private static boolean same(List<byte[]> a, List<byte[]> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
