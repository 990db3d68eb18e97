package io.scoregateway.gateway.scorefile;

import io.scoregateway.gateway.scorefile.ScoreRowParser.BadRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.Parsed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rows of a directory's part files, one file open at a time, in name order. A part is opened
 * (and its columns checked) only when the one before it is done, so a bad part stops the load
 * there; bad rows are located by part file and row.
 */
final class PartFileSource implements ScoreSource {
  private final Path dir;
  private final PartFiles parts;
  private final ScoreColumns columns;
  private int index = -1;
  private ScoreSource current;
  private long bytesBefore;

  PartFileSource(Path dir, PartFiles parts, ScoreColumns columns) {
    this.dir = dir;
    this.parts = parts;
    this.columns = columns;
  }

  @Override
  public Parsed next() throws IOException {
    while (true) {
      if (current != null) {
        Parsed p = current.next();
        if (p != null) {
          return p;
        }
        bytesBefore += Files.size(parts.files().get(index));
        current.close();
        current = null;
      }
      if (index + 1 >= parts.files().size()) {
        return null;
      }
      index++;
      Path part = parts.files().get(index);
      try {
        current = ScoreSources.openFile(part, parts.format(), columns);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(part.getFileName() + ": " + e.getMessage(), e);
      } catch (IOException e) {
        throw new IOException(part.getFileName() + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public ScoreFormat format() {
    return parts.format();
  }

  /** The directory's name with a slash, as a path to it ends. */
  @Override
  public String name() {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return (name == null ? dir.toString() : name.toString()) + "/";
  }

  @Override
  public long bytesRead() {
    return bytesBefore + (current == null ? 0 : current.bytesRead());
  }

  @Override
  public long totalBytes() {
    return parts.totalBytes();
  }

  @Override
  public String locate(BadRow bad) {
    String where = current == null ? "line " + bad.line() : current.locate(bad);
    return parts.files().get(index).getFileName() + " " + where;
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
    }
  }
}
