package io.scoregateway.exposure;

import io.vertx.core.Future;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends JSON lines to a file. A chunk's lines are already the file's bytes: they go out through
 * one direct buffer the sink owns, up to {@link #CHUNK} bytes a write call (a heap array written to
 * a channel whole would take a temporary direct buffer as large as it, on every worker thread that
 * ever wrote one). Its blocking writes run on the exposure writer's worker thread, never on an
 * event loop.
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
  public Future<Written> write(List<ExposureChunk> chunks) {
    int written = 0;
    try {
      for (ExposureChunk c : chunks) {
        byte[] bytes = c.bytes();
        for (int from = 0; from < bytes.length; ) {
          int n = Math.min(chunk.remaining(), bytes.length - from);
          chunk.put(bytes, from, n);
          from += n;
          if (!chunk.hasRemaining()) {
            flush();
          }
        }
        written += c.records();
      }
      flush();
      return Future.succeededFuture(new Written(written, null));
    } catch (IOException e) {
      chunk.clear();
      return Future.succeededFuture(new Written(0, "writing the file failed: " + e.getMessage()));
    }
  }

  private void flush() throws IOException {
    chunk.flip();
    while (chunk.hasRemaining()) {
      out.write(chunk);
    }
    chunk.clear();
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
