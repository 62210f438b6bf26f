package dev.oomspec.traces.policy;

import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomTrace;
import dev.oomspec.reference.mm.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches one out_of_memory(): the kills made before {@code bpf_handle_oom()} returned are the policy's
 * ({@code bpf_oom_kill_process()}, oom.group members included), those after it the kernel's killer's.
 */
final class KillLog implements OomTrace {
    final List<Task> policyKills = new ArrayList<>(), kernelKills = new ArrayList<>();
    boolean handlersDone, kernelKillerRan;

    @Override public void killProcess(OomControl oc, Task victim, String message) {
        (handlersDone ? kernelKills : policyKills).add(victim);
    }

    @Override public void bpfHandleOom(OomControl oc, boolean handled) { handlersDone = true; }

    @Override public void selectBadProcess(OomControl oc) { handlersDone = true; kernelKillerRan = true; }
}
