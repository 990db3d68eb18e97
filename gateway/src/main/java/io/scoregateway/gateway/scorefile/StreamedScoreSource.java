package io.scoregateway.gateway.scorefile;

import java.io.InputStream;

/**
 * What the readers of one byte stream share: the format, the name shown in progress, and progress
 * in bytes counted off the stream as the reader consumes it.
 */
abstract class StreamedScoreSource implements ScoreSource {
  private final ScoreFormat format;
  private final String name;
  private final long totalBytes;

  /** The stream the reader reads from, counting what it consumes. */
  final CountingInputStream counted;

  /**
   * @param totalBytes the stream's length, -1 when unknown
   */
  StreamedScoreSource(ScoreFormat format, String name, long totalBytes, InputStream in) {
    this.format = format;
    this.name = name;
    this.totalBytes = totalBytes;
    this.counted = new CountingInputStream(in);
  }

  @Override
  public final ScoreFormat format() {
    return format;
  }

  @Override
  public final String name() {
    return name;
  }

  /** Bytes consumed from the stream so far (read ahead by at most the reader's buffer). */
  @Override
  public final long bytesRead() {
    return counted.count();
  }

  @Override
  public final long totalBytes() {
    return totalBytes;
  }
}
