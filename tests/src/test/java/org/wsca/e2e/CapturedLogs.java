package org.wsca.e2e;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything logged through log4j2 (Spark's and WSCA's logging) while open, at the levels the test
 * configuration lets through, as text.
 */
final class CapturedLogs implements AutoCloseable {
  private final StringWriter text = new StringWriter();
  private final String name = "captured-" + System.nanoTime();
  private final WriterAppender appender;

  CapturedLogs() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    appender =
        WriterAppender.createAppender(
            PatternLayout.newBuilder().withPattern("%p %c: %m%n%throwable").build(),
            null,
            text,
            name,
            false,
            true);
    appender.start();
    config.addAppender(appender);
    config.getRootLogger().addAppender(appender, Level.ALL, null);
    context.updateLoggers();
  }

  String text() {
    return text.toString();
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    config.getRootLogger().removeAppender(name);
    context.updateLoggers();
    appender.stop();
  }
}
