package io.scoregateway.gateway.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code load-scores}: bulk-load a CSV or NDJSON snapshot file. */
@Command(name = "load-scores", mixinStandardHelpOptions = true,
    description = "Bulk-load a snapshot file (CSV track,segment,score with header, or NDJSON).")
public final class LoadScoresCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--file", required = true, description = "CSV or NDJSON file")
  Path file;

  @Option(names = "--snapshot", required = true, description = "snapshot id to create")
  String snapshot;

  @Option(names = "--activate", description = "activate the snapshot after a complete load")
  boolean activate;

  @Override
  public Integer call() {
    System.err.println("load-scores: not available in this build");
    return 1;
  }
}
