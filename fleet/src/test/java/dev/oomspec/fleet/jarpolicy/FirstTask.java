package dev.oomspec.fleet.jarpolicy;

import dev.oomspec.reference.policy.Cgroup;
import dev.oomspec.reference.policy.Kfuncs;
import dev.oomspec.reference.policy.OomControl;
import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.TaskStruct;

/**
 * A user's policy for the fleet tests: kills the first process the task iterator gives. The tests pack this class and
 * its provider into a jar ({@code --policy-jar}); the fleet job's own class path does not have them, so a run that
 * names {@code first-task} shows the jar reached the tasks.
 */
public final class FirstTask implements OomPolicy {
  @Override
  public String name() {
    return "first_task";
  }

  @Override
  public int handleOutOfMemory(OomControl oc, Cgroup cg, Kfuncs bpf) {
    TaskStruct first = null;
    bpf.bpfRcuReadLock();
    for (TaskStruct t : bpf.forEachTask(null, 0)) {
      first = bpf.bpfTaskAcquire(t);
      break;
    }
    bpf.bpfRcuReadUnlock();
    if (first == null) {
      return 0;
    }
    int r = bpf.bpfOomKillProcess(oc, first, "first-task");
    bpf.bpfTaskRelease(first);
    return r == 0 ? 1 : 0;
  }
}
