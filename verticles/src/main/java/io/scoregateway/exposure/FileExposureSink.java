package io.scoregateway.exposure;

import io.vertx.core.Future;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends JSON lines to a file, flushed after every batch. Its blocking writes run on the exposure
 * writer's worker thread, never on an event loop.
 */
final class FileExposureSink implements ExposureSink {
  private final BufferedWriter out;

  private FileExposureSink(BufferedWriter out) {
    this.out = out;
  }

  static FileExposureSink open(Path file) throws IOException {
    return new FileExposureSink(
        Files.newBufferedWriter(
            file,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND));
  }

  @Override
  public Future<Written> write(List<ExposureLine> lines) {
    try {
      for (ExposureLine l : lines) {
        out.write(l.json());
        out.write('\n');
      }
      out.flush();
      return Future.succeededFuture(new Written(lines.size(), null));
    } catch (IOException e) {
      return Future.succeededFuture(new Written(0, "writing the file failed: " + e.getMessage()));
    }
  }

  @Override
  public Future<Void> close(long timeoutMs) {
    try {
      out.close();
      return Future.succeededFuture();
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
  }
}
