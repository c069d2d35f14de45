package org.wsca.study;

import org.wsca.demo.DemoData;

/**
 * The data a scenario is audited on: a demo variant (the probe is the clinical head), a validation
 * data set with k images per patient and a supplied clinical head whose use of each metadata column
 * is known exactly ({@link org.wsca.demo.ValidationData}), or ReLU-shaped embeddings with the probe
 * ({@link ReluData}).
 */
public enum StudyData {
  BALANCED(DemoData.Variant.BALANCED, 0),
  BIASED(DemoData.Variant.BIASED, 0),
  PATIENTS_4(null, 4),
  PATIENTS_8(null, 8),
  RELU(null, 1);

  private final DemoData.Variant variant;
  private final int imagesPerPatient;

  StudyData(DemoData.Variant variant, int imagesPerPatient) {
    this.variant = variant;
    this.imagesPerPatient = imagesPerPatient;
  }

  public static StudyData of(DemoData.Variant variant) {
    return variant == DemoData.Variant.BALANCED ? BALANCED : BIASED;
  }

  /** The demo variant; only for {@link #isDemo()} data. */
  public DemoData.Variant variant() {
    return variant;
  }

  public boolean isDemo() {
    return variant != null;
  }

  /** Images per patient of validation data (0 for the demo, which has 2). */
  public int imagesPerPatient() {
    return imagesPerPatient;
  }

  /** ReLU-shaped embeddings ({@link ReluData}), audited with the probe. */
  public boolean isRelu() {
    return this == RELU;
  }

  /** Validation data with a supplied head ({@link org.wsca.demo.ValidationData}). */
  public boolean isValidation() {
    return !isDemo() && !isRelu();
  }

  /** The primary label's column. */
  public String labelColumn() {
    return isDemo() ? "plane" : "label";
  }

  /** "balanced", "biased", "patients-4", "patients-8", "relu": folder and run-id names. */
  public String slug() {
    return name().toLowerCase().replace('_', '-');
  }
}
