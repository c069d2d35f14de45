package org.wsca.audit;

import java.util.ArrayList;
import java.util.List;
import org.wsca.engine.BatchObjective;
import org.wsca.engine.Evaluations;

/**
 * The heads of several members (one chunk of the same task in several scopes) as one batch for
 * {@link org.wsca.engine.BatchLbfgs}: member m's head h is head m H + h of the batch. A pass
 * evaluates each member on the driver when its rows are small ({@link DriverPass}) and every other
 * member in one shared Spark job ({@link SharedPass}), so M site scopes cost one job per pass
 * instead of M. The heads stay independent optimisations: each one's iterates are those of its own
 * member's batch.
 */
final class MemberBatch implements BatchObjective {
  private final int heads;
  private final List<BatchObjective> alone;
  private final SharedPass shared;
  private final int[] sharedIndex;
  private final int sharedMembers;

  /**
   * @param heads heads per member
   * @param alone per member, its own objective, or null when it is evaluated in {@code shared}
   * @param shared the shared pass of the null entries of {@code alone}, in member order; null when
   *     there are none
   */
  MemberBatch(int heads, List<BatchObjective> alone, SharedPass shared) {
    this.heads = heads;
    this.alone = new ArrayList<>(alone);
    this.shared = shared;
    this.sharedIndex = new int[alone.size()];
    int next = 0;
    for (int m = 0; m < alone.size(); m++) {
      sharedIndex[m] = alone.get(m) == null ? next++ : -1;
    }
    this.sharedMembers = next;
  }

  @Override
  public Evaluations evaluate(int[] batchHeads, double[][] points) {
    int members = alone.size();
    List<List<Integer>> positions = new ArrayList<>();
    for (int m = 0; m < members; m++) {
      positions.add(new ArrayList<>());
    }
    for (int a = 0; a < batchHeads.length; a++) {
      positions.get(batchHeads[a] / heads).add(a);
    }
    double[] values = new double[batchHeads.length];
    double[][] gradients = new double[batchHeads.length][];
    int[][] sharedHeads = new int[sharedMembers][];
    double[][][] sharedPoints = new double[sharedMembers][][];
    for (int m = 0; m < members; m++) {
      List<Integer> at = positions.get(m);
      int[] local = new int[at.size()];
      double[][] memberPoints = new double[at.size()][];
      for (int i = 0; i < local.length; i++) {
        local[i] = batchHeads[at.get(i)] - m * heads;
        memberPoints[i] = points[at.get(i)];
      }
      if (sharedIndex[m] >= 0) {
        sharedHeads[sharedIndex[m]] = local;
        sharedPoints[sharedIndex[m]] = memberPoints;
      } else if (local.length > 0) {
        place(alone.get(m).evaluate(local, memberPoints), at, values, gradients);
      }
    }
    if (shared != null && hasAny(sharedHeads)) {
      List<Evaluations> done = shared.evaluate(sharedHeads, sharedPoints);
      for (int m = 0; m < members; m++) {
        if (sharedIndex[m] >= 0) {
          place(done.get(sharedIndex[m]), positions.get(m), values, gradients);
        }
      }
    }
    return new Evaluations(values, gradients);
  }

  private static boolean hasAny(int[][] heads) {
    for (int[] h : heads) {
      if (h.length > 0) {
        return true;
      }
    }
    return false;
  }

  private static void place(
      Evaluations evaluations, List<Integer> at, double[] values, double[][] gradients) {
    for (int i = 0; i < at.size(); i++) {
      values[at.get(i)] = evaluations.values()[i];
      gradients[at.get(i)] = evaluations.gradients()[i];
    }
  }
}
