package io.scoregateway.gateway.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * How log lines look: JSON lines for log shippers (the default), or plain text for a person at a
 * terminal ({@code dev} on a TTY). {@code GATEWAY_LOG_FORMAT=json|text} overrides the choice.
 */
public enum LogFormat {
  JSON,
  TEXT;

  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg %kvp%n";

  /** The format for this process. */
  public static LogFormat choose(String setting, boolean devCommand, boolean terminal) {
    if (setting != null && !setting.isBlank()) {
      return switch (setting.trim().toLowerCase(Locale.ROOT)) {
        case "text" -> TEXT;
        default -> JSON;
      };
    }
    return devCommand && terminal ? TEXT : JSON;
  }

  /** Replaces the console encoder of logback.xml (JSON) when text is chosen. */
  public static void apply(LogFormat format) {
    if (format == JSON || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    if (!(root.getAppender("STDOUT") instanceof ConsoleAppender<?> raw)) {
      return;
    }
    @SuppressWarnings("unchecked")
    ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> console =
        (ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>) raw;
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(ctx);
    text.setPattern(TEXT_PATTERN);
    text.start();
    console.stop();
    console.setEncoder(text);
    console.start();
  }
}
