package io.scoregateway.gateway.scorefile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The part files of a directory as Spark, Hive or a warehouse export writes them ({@code
 * part-00000-....snappy.parquet}, {@code scores-000000000001.avro}): every regular file whose name
 * starts with neither {@code _} nor {@code .} (markers such as {@code _SUCCESS}, checksums such as
 * {@code .part-00000.crc}), in name order, all of one format.
 *
 * @param totalBytes the parts' sizes added up
 */
public record PartFiles(List<Path> files, ScoreFormat format, long totalBytes) {
  /**
   * Lists {@code dir}. The format is {@code override} when given, else the one every part's
   * extension names.
   *
   * @throws IllegalArgumentException naming the entry that makes the directory unreadable as one
   *     snapshot: a subdirectory, a part of unknown or another format, or no part at all
   */
  public static PartFiles list(Path dir, String override) throws IOException {
    List<Path> parts = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        if (Files.isDirectory(p)) {
          throw new IllegalArgumentException(
              dir
                  + " holds a directory "
                  + name
                  + "; load-scores reads the part files of one directory, not partitioned"
                  + " subdirectories");
        }
        parts.add(p);
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(
          dir + " holds no part files (names starting with _ or . are skipped)");
    }
    parts.sort(null);
    boolean given = override != null && !override.isBlank();
    ScoreFormat format = given ? ScoreFormat.parse(override) : null;
    long total = 0;
    for (Path p : parts) {
      String name = p.getFileName().toString();
      ScoreFormat f = ScoreFormat.ofName(name);
      if (!given && f == null) {
        throw new IllegalArgumentException(
            "cannot tell the format of part file "
                + name
                + " in "
                + dir
                + " from its extension; pass --format csv|ndjson|parquet|avro");
      }
      if (format == null) {
        format = f;
      } else if (f != null && f != format) {
        throw new IllegalArgumentException(
            dir + " mixes formats: " + name + " is " + f.wire() + ", not " + format.wire());
      }
      total += Files.size(p);
    }
    return new PartFiles(List.copyOf(parts), format, total);
  }
}
