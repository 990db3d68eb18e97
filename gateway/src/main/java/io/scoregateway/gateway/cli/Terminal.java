package io.scoregateway.gateway.cli;

/** Whether the process talks to a person at a terminal (colours, redrawn progress bars). */
public final class Terminal {
  private Terminal() {}

  /**
   * True when standard input and output are a terminal. On the Java 17 runtime the gateway targets,
   * {@code System.console()} is null exactly when they are not.
   */
  @SuppressWarnings("SystemConsoleNull")
  public static boolean attached() {
    return System.console() != null;
  }
}
