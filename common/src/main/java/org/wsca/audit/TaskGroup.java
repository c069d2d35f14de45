package org.wsca.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.wsca.engine.LinearHead;

/**
 * One metadata task in a group of scopes (the pooled scope alone, or every site scope): each
 * scope's task is prepared, the permutations of all of them are fitted together ({@link
 * PermutationEngine#fitNullsWithObserved}: one Spark job per optimiser pass for the whole group),
 * and each is finished; preparing and finishing run on up to {@code threads} scopes at a time
 * ({@link Concurrently}). Results are in the order of the tasks given.
 */
final class TaskGroup {
  private TaskGroup() {}

  static List<TaskAudit.Result> run(List<TaskAudit> tasks, PermutationEngine engine, int threads) {
    try {
      List<Optional<TaskAudit.Result>> skipped =
          Concurrently.map(tasks, threads, TaskAudit::prepare);
      List<TaskAudit> prepared =
          IntStream.range(0, tasks.size())
              .filter(i -> skipped.get(i).isEmpty())
              .mapToObj(tasks::get)
              .toList();
      List<TaskAudit> testable = prepared.stream().filter(TaskAudit::testable).toList();
      List<TaskAudit> untestable = prepared.stream().filter(t -> !t.testable()).toList();
      List<NullFit> nulls =
          engine.fitNullsWithObserved(testable.stream().map(TaskAudit::request).toList());
      // Permutation 0's head starts MLlib's reported head: from the null's passes, or fitted alone
      // for an untestable task and for a null whose first chunk was restored (resume).
      List<TaskAudit> needStart = new ArrayList<>(untestable);
      for (int t = 0; t < testable.size(); t++) {
        if (nulls.get(t).observed().isEmpty()) {
          needStart.add(testable.get(t));
        }
      }
      List<Optional<LinearHead>> starts =
          engine.observedHeads(needStart.stream().map(TaskAudit::request).toList());
      List<Integer> order = IntStream.range(0, tasks.size()).boxed().toList();
      return Concurrently.map(
          order,
          threads,
          i -> {
            TaskAudit task = tasks.get(i);
            int t = testable.indexOf(task);
            int s = needStart.indexOf(task);
            Optional<LinearHead> start = s >= 0 ? starts.get(s) : Optional.empty();
            try {
              if (t >= 0) {
                return task.finish(Optional.of(nulls.get(t)), start);
              }
              return s >= 0 ? task.finish(Optional.empty(), start) : skipped.get(i).get();
            } finally {
              task.close();
            }
          });
    } finally {
      tasks.forEach(TaskAudit::close);
    }
  }
}
