package dev.oomspec.reference.policy;

import java.util.List;

/**
 * One call of the policy's handle_out_of_memory by {@code bpf_handle_oom()}.
 *
 * @param attachedAt the path of the cgroup this instance is attached to
 * @param ret        what the kernel saw returned (0 when the call halted)
 * @param calls      the kfunc calls in order
 * @param halt       why it stopped early, or null
 */
public record HandlerRun(String attachedAt, int ret, List<KfuncCall> calls, Halt halt) {
    public HandlerRun {
        calls = List.copyOf(calls);
    }
}
