package org.wsca.jobs;

import org.wsca.errors.WscaException;
import org.wsca.settings.Settings;

/**
 * JFreeChart draws the report. It is LGPL and therefore not inside the jobs jar but beside it
 * (target/lib), put on the classpath by submit/wsca-submit; a direct spark-submit without it would
 * only fail after the whole audit, when the report is drawn, so the jobs check before any work.
 */
final class ChartLibrary {
  static final String CHART_CLASS = "org.jfree.chart.JFreeChart";

  private ChartLibrary() {}

  /** Fails with exit code 2 when {@code settings} want a report and JFreeChart is missing. */
  static void requireFor(Settings settings) {
    if (settings.report().enabled() && !present()) {
      throw WscaException.badSettings(
          "The report (report.enabled = true) needs JFreeChart, which is not on the classpath:"
              + " run through submit/wsca-submit, which adds it, or pass"
              + " --jars jobs/target/lib/jfreechart-1.5.6.jar to spark-submit,"
              + " or set report.enabled = false");
    }
  }

  static boolean present() {
    try {
      Class.forName(CHART_CLASS, false, ChartLibrary.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
