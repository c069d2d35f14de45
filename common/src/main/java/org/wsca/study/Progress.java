package org.wsca.study;

import java.time.Duration;

/** Done-of-total with the mean time per unit so far and the time left at that pace. */
record Progress(int done, int total, long elapsedMillis) {

  long etaMillis() {
    return done == 0 ? -1 : Math.round((double) elapsedMillis / done * (total - done));
  }

  String describe() {
    String perUnit = done == 0 ? "-" : format(elapsedMillis / done);
    return String.format(
        "%d/%d data sets, %s per data set, elapsed %s, ETA %s",
        done, total, perUnit, format(elapsedMillis), done == 0 ? "unknown" : format(etaMillis()));
  }

  static String format(long millis) {
    Duration d = Duration.ofMillis(millis);
    if (d.toHours() > 0) {
      return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
    }
    if (d.toMinutes() > 0) {
      return String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
    return String.format("%.1fs", millis / 1000.0);
  }
}
