package org.wsca.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wsca.demo.DemoData;
import org.wsca.errors.WscaException;

/** The study's scenarios (issue 3): two null designs, a shortcut and a clinical factor. */
public final class Scenarios {
  public static final double ALPHA = 0.05;
  public static final double POWER = 0.80;
  static final List<String> SITE = List.of("site");
  static final List<String> SITE_LABEL = List.of("site", "label");

  private Scenarios() {}

  /** Every scenario and strata option the job runs by default. */
  public static List<Scenario> all() {
    return List.of(
        notEncoded(DemoData.Variant.BALANCED, SITE),
        notEncoded(DemoData.Variant.BALANCED, SITE_LABEL),
        encodedNotUsed(SITE),
        encodedNotUsed(SITE_LABEL),
        shortcut(SITE),
        // Reported, no target: within (site, plane) strata the plane-scanner association the
        // shortcut rides on is kept by every permutation, so this option is built to lose power.
        new Scenario(
            "shortcut",
            "biased data, task scanner; permuting within plane keeps the"
                + " confounding, so low power is expected",
            DemoData.Variant.BIASED,
            "scanner",
            "categorical",
            "confounder",
            SITE_LABEL,
            Target.none()),
        clinical(SITE));
  }

  /** (i): a 3-class label drawn independently of the embedding, the plane and the site. */
  public static Scenario notEncoded(DemoData.Variant variant, List<String> strata) {
    return new Scenario(
        "not-encoded",
        "random 3-class label, independent of everything",
        variant,
        CalibrationStudy.NOISE_COLUMN,
        "categorical",
        "confounder",
        strata,
        Target.atMost(ALPHA));
  }

  /** (ii): the scanner is strongly encoded but independent of the plane (balanced cells). */
  public static Scenario encodedNotUsed(List<String> strata) {
    return new Scenario(
        "encoded-not-used",
        "balanced data, task scanner (encoded, independent" + " of the plane)",
        DemoData.Variant.BALANCED,
        "scanner",
        "categorical",
        "confounder",
        strata,
        Target.atMost(ALPHA));
  }

  /** (iii): each plane is drawn mostly from one scanner, so the plane probe uses the scanner. */
  public static Scenario shortcut(List<String> strata) {
    return new Scenario(
        "shortcut",
        "biased data, task scanner (plane confounded with scanner)",
        DemoData.Variant.BIASED,
        "scanner",
        "categorical",
        "confounder",
        strata,
        Target.atLeast(POWER));
  }

  /** (iv): gestational age drives the plane; a clinical continuous task in 4 quantile bins. */
  public static Scenario clinical(List<String> strata) {
    return new Scenario(
        "clinical",
        "balanced data, task gestational_age (clinical, drives the" + " plane)",
        DemoData.Variant.BALANCED,
        "gestational_age",
        "continuous",
        "clinical",
        strata,
        Target.atLeast(POWER));
  }

  /**
   * The scenarios named in {@code selection}: a key (all its strata options) or key@strata, e.g.
   * {@code not-encoded, shortcut@site}. An empty selection means all.
   */
  public static List<Scenario> select(List<String> selection) {
    if (selection.isEmpty()) {
      return all();
    }
    Set<Scenario> chosen = new LinkedHashSet<>();
    for (String raw : selection) {
      String name = raw.trim();
      List<Scenario> matches = new ArrayList<>();
      for (Scenario s : all()) {
        if (s.key().equals(name) || s.id().equals(name)) {
          matches.add(s);
        }
      }
      if (matches.isEmpty()) {
        throw WscaException.badSettings(
            "Unknown scenario '"
                + name
                + "'; use one of "
                + all().stream().map(Scenario::id).toList()
                + " or a key without @strata");
      }
      chosen.addAll(matches);
    }
    return List.copyOf(chosen);
  }
}
