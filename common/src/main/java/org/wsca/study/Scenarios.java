package org.wsca.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wsca.demo.DemoData;
import org.wsca.demo.ValidationData;
import org.wsca.errors.WscaException;

/**
 * The study's scenarios: issue 3's two null designs, a shortcut and a clinical factor (WSC p, the
 * default set), and issue 12's validation of the verdicts ({@link #validation()}, selected with
 * {@code --scenarios validation}).
 */
public final class Scenarios {
  public static final double ALPHA = 0.05;
  public static final double POWER = 0.80;

  /** The documented minimum effect: a shift the verdict must catch with power >= POWER. */
  public static final double MINIMUM_EFFECT_SD = 0.5;

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
            StudyData.BIASED,
            "scanner",
            "categorical",
            "confounder",
            SITE_LABEL,
            Target.none(),
            Measure.WSC_P),
        clinical(SITE));
  }

  /**
   * Issue 12's validation table, read from the verdicts of whole audits: per-image and per-patient
   * noise (4 and 8 images per patient), encoded columns the supplied head ignores (balanced and
   * label-associated), the weak-shortcut grid, one scanner per site, and the biased demo's induced
   * shortcut. All validation columns of one data set are tested in one audit.
   */
  public static List<Scenario> validation() {
    List<Scenario> out = new ArrayList<>();
    for (StudyData data : List.of(StudyData.PATIENTS_4, StudyData.PATIENTS_8)) {
      int k = data.imagesPerPatient();
      out.add(
          verdict(
              "not-encoded-image-k" + k,
              "per-image noise, " + k + " images per patient; head ignores it",
              data,
              ValidationData.NOISE_IMAGE,
              Target.atMost(ALPHA)));
      out.add(
          verdict(
              "not-encoded-patient-k" + k,
              "per-patient noise, " + k + " images per patient; head ignores it",
              data,
              ValidationData.NOISE_PATIENT,
              Target.atMost(ALPHA)));
    }
    out.add(
        verdict(
            "encoded-ignored-balanced",
            "per-patient, encoded, independent of the label; head exactly ignores it",
            StudyData.PATIENTS_4,
            ValidationData.ENCODED_BALANCED,
            Target.atMost(ALPHA)));
    out.add(
        verdict(
            "encoded-ignored-label",
            "per-patient, encoded, P(b | pos) = 0.8; head exactly ignores it",
            StudyData.PATIENTS_4,
            ValidationData.ENCODED_LABEL,
            Target.atMost(ALPHA)));
    for (double shift : ValidationData.SHIFTS) {
      // The documented minimum effect (docs/method.md section 11) carries the power target; the
      // rule's threshold on the estimate (verdict.min-shift-sd, default 0.3) is
      // a separate setting.
      out.add(
          verdict(
              "shift-" + shift,
              "per-patient, encoded; the head's logit shifts by " + shift + " sd within cells",
              StudyData.PATIENTS_4,
              ValidationData.gridColumn(shift),
              shift == MINIMUM_EFFECT_SD ? Target.atLeast(POWER) : Target.none()));
    }
    out.add(
        new Scenario(
            "one-scanner-per-site",
            "scanner is a function of the site",
            StudyData.PATIENTS_4,
            ValidationData.SCANNER_SITE,
            "categorical",
            "confounder",
            SITE,
            Target.atLeast(1.0),
            Measure.NOT_TESTED));
    out.add(
        verdict(
            "induced-shortcut",
            "biased demo, task scanner, the probe as clinical head",
            StudyData.BIASED,
            "scanner",
            Target.atLeast(POWER)));
    return List.copyOf(out);
  }

  /**
   * Embeddings shaped like a real network's ReLU layer ({@link ReluData}: dead and near-dead units,
   * unequal scales, heavy tails, rank below d), audited with the probe as the clinical head at the
   * default head settings: a binary task independent of everything must not be called used (and its
   * heads must converge, else the verdict is NOT_TESTED and counts against it), and the scanner,
   * which mostly follows the site, is reported without a target (the probe's true use of it is not
   * known analytically). Selected with {@code --scenarios relu}.
   */
  public static List<Scenario> relu() {
    return List.of(
        new Scenario(
            "relu-not-encoded",
            "ReLU embeddings, binary noise task independent of everything; probe head",
            StudyData.RELU,
            ReluData.NOISE,
            "binary",
            "confounder",
            SITE,
            Target.atMost(ALPHA),
            Measure.USE_CLAIMED),
        new Scenario(
            "relu-scanner",
            "ReLU embeddings, scanner mostly following the site; probe head (reported)",
            StudyData.RELU,
            "scanner",
            "categorical",
            "confounder",
            SITE,
            Target.none(),
            Measure.USE_CLAIMED));
  }

  /** Every scenario the study knows: the default set, the validation and the ReLU scenarios. */
  public static List<Scenario> known() {
    List<Scenario> out = new ArrayList<>(all());
    out.addAll(validation());
    out.addAll(relu());
    return List.copyOf(out);
  }

  private static Scenario verdict(
      String key, String description, StudyData data, String column, Target target) {
    return new Scenario(
        key,
        description,
        data,
        column,
        "categorical",
        "confounder",
        SITE,
        target,
        Measure.USE_CLAIMED);
  }

  /** (i): a 3-class label drawn independently of the embedding, the plane and the site. */
  public static Scenario notEncoded(DemoData.Variant variant, List<String> strata) {
    return new Scenario(
        "not-encoded",
        "random 3-class label, independent of everything",
        StudyData.of(variant),
        CalibrationStudy.NOISE_COLUMN,
        "categorical",
        "confounder",
        strata,
        Target.atMost(ALPHA),
        Measure.WSC_P);
  }

  /** (ii): the scanner is strongly encoded but independent of the plane (balanced cells). */
  public static Scenario encodedNotUsed(List<String> strata) {
    return new Scenario(
        "encoded-not-used",
        "balanced data, task scanner (encoded, independent" + " of the plane)",
        StudyData.BALANCED,
        "scanner",
        "categorical",
        "confounder",
        strata,
        Target.atMost(ALPHA),
        Measure.WSC_P);
  }

  /** (iii): each plane is drawn mostly from one scanner, so the plane probe uses the scanner. */
  public static Scenario shortcut(List<String> strata) {
    return new Scenario(
        "shortcut",
        "biased data, task scanner (plane confounded with scanner)",
        StudyData.BIASED,
        "scanner",
        "categorical",
        "confounder",
        strata,
        Target.atLeast(POWER),
        Measure.WSC_P);
  }

  /** (iv): gestational age drives the plane; a clinical continuous task in 4 quantile bins. */
  public static Scenario clinical(List<String> strata) {
    return new Scenario(
        "clinical",
        "balanced data, task gestational_age (clinical, drives the" + " plane)",
        StudyData.BALANCED,
        "gestational_age",
        "continuous",
        "clinical",
        strata,
        Target.atLeast(POWER),
        Measure.WSC_P);
  }

  /**
   * The scenarios named in {@code selection}: a key (all its strata options) or key@strata, e.g.
   * {@code not-encoded, shortcut@site}, {@code validation} for {@link #validation()} or {@code
   * relu} for {@link #relu()}. An empty selection means {@link #all()}.
   */
  public static List<Scenario> select(List<String> selection) {
    if (selection.isEmpty()) {
      return all();
    }
    Set<Scenario> chosen = new LinkedHashSet<>();
    for (String raw : selection) {
      String name = raw.trim();
      if (name.equals("validation")) {
        chosen.addAll(validation());
        continue;
      }
      if (name.equals("relu")) {
        chosen.addAll(relu());
        continue;
      }
      List<Scenario> matches = new ArrayList<>();
      for (Scenario s : known()) {
        if (s.key().equals(name) || s.id().equals(name)) {
          matches.add(s);
        }
      }
      if (matches.isEmpty()) {
        throw WscaException.badSettings(
            "Unknown scenario '"
                + name
                + "'; use one of "
                + known().stream().map(Scenario::id).toList()
                + ", a key without @strata, validation or relu");
      }
      chosen.addAll(matches);
    }
    return List.copyOf(chosen);
  }
}
