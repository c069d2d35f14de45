package org.wsca.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsca.method.Head;
import org.wsca.method.Scope;

/** The rows of the heads table for fitted heads, and their direction labels and separation flag. */
final class HeadRecords {
  private static final Logger LOG = LoggerFactory.getLogger(HeadRecords.class);

  private HeadRecords() {}

  static List<String> directionLabels(List<String> classes, int directions) {
    return directions == 1 && classes.size() == 2
        ? List.of(classes.get(1) + " vs " + classes.get(0))
        : classes;
  }

  static Head head(
      Scope scope,
      String task,
      String source,
      List<String> classes,
      FittedHead fitted,
      long trainRows,
      boolean separable) {
    return new Head(
        scope.name(),
        task,
        source,
        classes,
        directionLabels(classes, fitted.directions().length),
        fitted.directions(),
        fitted.coefficients(),
        fitted.intercepts(),
        fitted.converged(),
        fitted.iterations(),
        trainRows,
        separable);
  }

  /** Separation is common (sites often are), and legitimate, but worth knowing when reading T. */
  static boolean separable(FittedHead head, String what, Scope scope, double regParam) {
    return warnIfSeparable(HeadFitter.separatesTrainingRows(head), what, scope, regParam);
  }

  /** {@code separable} as measured elsewhere (a probe's presence pass), warned about here. */
  static boolean warnIfSeparable(boolean separable, String what, Scope scope, double regParam) {
    if (separable) {
      LOG.warn(
          "The head of {} in {} classifies every training row right: the classes are"
              + " linearly separable in the embedding, and only the L2 penalty (wsca.heads.reg-param"
              + " = {}) keeps its coefficients finite. Flagged as separable = true in the heads and"
              + " tests tables; its direction is the penalised maximum-margin one.",
          what,
          scope.name(),
          regParam);
    }
    return separable;
  }
}
