package io.scoregateway.exposure;

import io.vertx.core.Future;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends JSON lines to a file, one write per batch. Its blocking writes run on the exposure
 * writer's worker thread, never on an event loop.
 */
final class FileExposureSink implements ExposureSink {
  private final OutputStream out;

  private FileExposureSink(OutputStream out) {
    this.out = out;
  }

  static FileExposureSink open(Path file) throws IOException {
    return new FileExposureSink(
        Files.newOutputStream(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
  }

  @Override
  public Future<Written> write(ExposureBatch batch) {
    try {
      // the batch's lines are already the file's bytes, newlines included: one write
      out.write(batch.lines.array(), 0, batch.lines.length());
      out.flush();
      return Future.succeededFuture(new Written(batch.count(), null));
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
