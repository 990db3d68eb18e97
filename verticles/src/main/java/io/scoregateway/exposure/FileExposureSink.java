package io.scoregateway.exposure;

import io.vertx.core.Future;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends JSON lines to a file. A batch's lines are already the file's bytes: they go out in chunks
 * through one direct buffer the sink owns (a heap array written to a channel whole would take a
 * temporary direct buffer as large as the batch, on every worker thread that ever wrote one). Its
 * blocking writes run on the exposure writer's worker thread, never on an event loop.
 */
final class FileExposureSink implements ExposureSink {
  /** Bytes handed to the file per write call. */
  static final int CHUNK = 256 * 1024;

  private final FileChannel out;
  private final ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);

  private FileExposureSink(FileChannel out) {
    this.out = out;
  }

  static FileExposureSink open(Path file) throws IOException {
    return new FileExposureSink(
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
  }

  @Override
  public Future<Written> write(ExposureBatch batch) {
    byte[] bytes = batch.lines.array();
    int length = batch.lines.length();
    try {
      for (int from = 0; from < length; from += CHUNK) {
        chunk.clear();
        chunk.put(bytes, from, Math.min(CHUNK, length - from)).flip();
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
      }
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
