package org.wsca.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wsca.engine.LinearHead;

/**
 * One metadata task in a group of scopes (the pooled scope alone, or every site scope): each
 * scope's task is prepared, the permutations of all of them are fitted together ({@link
 * PermutationEngine#fitNullsWithObserved}: one Spark job per optimiser pass for the whole group),
 * and each is finished. Results are in the order of the tasks given.
 */
final class TaskGroup {
  private TaskGroup() {}

  static List<TaskAudit.Result> run(List<TaskAudit> tasks, PermutationEngine engine) {
    List<TaskAudit.Result> results = new ArrayList<>();
    List<TaskAudit> prepared = new ArrayList<>();
    try {
      for (TaskAudit task : tasks) {
        Optional<TaskAudit.Result> skipped = task.prepare();
        results.add(skipped.orElse(null));
        if (skipped.isEmpty()) {
          prepared.add(task);
        }
      }
      List<TaskAudit> testable = prepared.stream().filter(TaskAudit::testable).toList();
      List<TaskAudit> untestable = prepared.stream().filter(t -> !t.testable()).toList();
      List<NullFit> nulls =
          engine.fitNullsWithObserved(testable.stream().map(TaskAudit::request).toList());
      List<Optional<LinearHead>> starts =
          engine.observedHeads(untestable.stream().map(TaskAudit::request).toList());
      for (int i = 0; i < tasks.size(); i++) {
        TaskAudit task = tasks.get(i);
        int t = testable.indexOf(task);
        int u = untestable.indexOf(task);
        if (t >= 0) {
          results.set(i, task.finish(Optional.of(nulls.get(t)), Optional.empty()));
        } else if (u >= 0) {
          results.set(i, task.finish(Optional.empty(), starts.get(u)));
        }
        task.close();
      }
      return results;
    } finally {
      prepared.forEach(TaskAudit::close);
    }
  }
}
