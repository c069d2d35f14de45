package org.wsca.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wsca.errors.WscaException;

class ConcurrentlyTest {
  @Test
  void resultsComeBackInTheInputsOrder() {
    List<Integer> out =
        Concurrently.map(
            List.of(5, 1, 4, 2, 3),
            3,
            i -> {
              sleep(10L * i);
              return i * 10;
            });
    assertThat(out).containsExactly(50, 10, 40, 20, 30);
  }

  /** Two steps that each wait for the other finish only when they run at the same time. */
  @Test
  void stepsRunAtTheSameTime() {
    CountDownLatch both = new CountDownLatch(2);
    List<Boolean> met =
        Concurrently.map(
            List.of("a", "b"),
            2,
            s -> {
              both.countDown();
              try {
                return both.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(met).containsExactly(true, true);
  }

  @Test
  void oneThreadRunsInOrderOnTheCallersThread() {
    Thread caller = Thread.currentThread();
    assertThat(Concurrently.map(List.of(1, 2), 1, i -> Thread.currentThread() == caller))
        .containsExactly(true, true);
  }

  @Test
  void aFailureIsRethrownAsItWasThrown() {
    assertThatThrownBy(
            () ->
                Concurrently.map(
                    List.of(1, 2, 3),
                    3,
                    i -> {
                      if (i == 2) {
                        throw WscaException.badSettings("site 2 failed");
                      }
                      return i;
                    }))
        .isInstanceOf(WscaException.class)
        .hasMessageContaining("site 2 failed");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
