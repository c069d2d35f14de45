package org.wsca.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class QuantileBinsTest {
  private static final QuantileBins BINS = QuantileBins.fromInnerEdges(new double[] {7, 3.5, 3.5});

  @Test
  void edgesAreSortedAndDeduplicated() {
    assertThat(BINS.innerEdges()).containsExactly(3.5, 7.0);
    assertThat(BINS.count()).isEqualTo(3);
  }

  @Test
  void valuesOnAnEdgeGoToTheLowerBin() {
    assertThat(BINS.bin(Double.NEGATIVE_INFINITY)).isZero();
    assertThat(BINS.bin(-100)).isZero();
    assertThat(BINS.bin(3.5)).isZero();
    assertThat(BINS.bin(3.5000001)).isEqualTo(1);
    assertThat(BINS.bin(7)).isEqualTo(1);
    assertThat(BINS.bin(7.1)).isEqualTo(2);
    assertThat(BINS.bin(Double.POSITIVE_INFINITY)).isEqualTo(2);
  }

  @Test
  void labelsAreReadableIntervals() {
    assertThat(BINS.label(0)).isEqualTo("(-inf, 3.5]");
    assertThat(BINS.label(1)).isEqualTo("(3.5, 7]");
    assertThat(BINS.label(2)).isEqualTo("(7, +inf)");
    assertThat(QuantileBins.fromInnerEdges(new double[] {-0.25, 1e-7}).label(1))
        .isEqualTo("(-0.25, 1.0E-7]");
    assertThatThrownBy(() -> BINS.label(3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allTiedDataGiveOneEdge() {
    // Quartile edges of data that are all 5 coincide: two bins, (-inf, 5] and (5, +inf).
    QuantileBins tied = QuantileBins.fromInnerEdges(new double[] {5, 5, 5});
    assertThat(tied.count()).isEqualTo(2);
    assertThat(tied.bin(5)).isZero();
  }

  @Test
  void noEdgesIsOneBin() {
    QuantileBins one = QuantileBins.fromInnerEdges(new double[0]);
    assertThat(one.count()).isEqualTo(1);
    assertThat(one.bin(123)).isZero();
    assertThat(one.label(0)).isEqualTo("(-inf, +inf)");
  }

  @Test
  void rejectsNaN() {
    assertThatThrownBy(() -> BINS.bin(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuantileBins.fromInnerEdges(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 1");
  }

  @Test
  void innerEdgesIsACopyAndSerializationWorks() throws Exception {
    BINS.innerEdges()[0] = 99;
    assertThat(BINS.innerEdges()[0]).isEqualTo(3.5);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(BINS);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      QuantileBins copy = (QuantileBins) in.readObject();
      assertThat(copy.innerEdges()).containsExactly(3.5, 7.0);
      assertThat(copy.bin(5)).isEqualTo(1);
    }
  }
}
