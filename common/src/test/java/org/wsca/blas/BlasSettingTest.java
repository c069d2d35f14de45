package org.wsca.blas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wsca.settings.SettingsLoader;

class BlasSettingTest {
  private static BlasSetting loaded(String... overrides) {
    return SettingsLoader.load(Optional.empty(), List.of(overrides)).permutation().blas();
  }

  @Test
  void defaultsToAutoWithOneThread() {
    assertThat(loaded()).isEqualTo(BlasSetting.DEFAULT);
    assertThat(BlasSetting.DEFAULT).isEqualTo(new BlasSetting(BlasChoice.AUTO, 1));
  }

  @Test
  void readsTheChoiceAndThreads() {
    assertThat(loaded("permutation.blas=bundled", "permutation.blas-threads=2"))
        .isEqualTo(new BlasSetting(BlasChoice.BUNDLED, 2));
  }

  @Test
  void anUnknownChoiceOrZeroThreadsFailsNamingTheKey() {
    assertThatThrownBy(() -> loaded("permutation.blas=mkl"))
        .hasMessageContaining("wsca.permutation.blas")
        .hasMessageContaining("bundled");
    assertThatThrownBy(() -> loaded("permutation.blas-threads=0"))
        .hasMessageContaining("wsca.permutation.blas-threads");
  }
}
