package dev.oomspec.traces.policy;

import java.util.List;

/**
 * One policy run on one recorded OOM.
 *
 * @param name            the policy as named on the command line (e.g. {@code largest-rss})
 * @param program         its {@code struct bpf_oom_ops} name (printed as "oom bpf handler: …")
 * @param revision        {@code v3} or {@code post}
 * @param verdict         see {@link PolicyVerdict}
 * @param reason          why, for people
 * @param victims         the processes the policy's kills took (oom.group members included), in kill order
 * @param kernelKillerRan whether the kernel's own killer ran after the policy (select_bad_process())
 * @param kernelKilled    what the kernel's killer took after the policy (empty when it found an existing victim)
 * @param freedKb         the memory every process killed in this run held (policy and kernel killer)
 * @param kernelFreedKb   the memory the processes the kernel really killed held (from the report), null if unknown
 * @param calls           the policy's kfunc calls in order, over all its handler calls
 */
public record PolicyOutcome(String name, String program, String revision, PolicyVerdict verdict, String reason,
                            List<Victim> victims, boolean kernelKillerRan, List<Victim> kernelKilled, Long freedKb,
                            Long kernelFreedKb, List<Call> calls) {
    public PolicyOutcome {
        victims = List.copyOf(victims);
        kernelKilled = List.copyOf(kernelKilled);
        calls = List.copyOf(calls);
    }

    /** A killed process and what it held: (rss + swap entries) × page size + page tables, kB. */
    public record Victim(int pid, String comm, long memoryKb) {}

    /** One kfunc call: where the handler instance was attached, the kfunc, its arguments and result as text. */
    public record Call(String attachedAt, String kfunc, String args, String ret) {}

    /** The kill errnos (e.g. {@code -EINVAL}) among the calls, in order. */
    public List<String> errnos() {
        return calls.stream().filter(c -> c.kfunc().equals("bpf_oom_kill_process") && c.ret().startsWith("-E"))
                .map(Call::ret).toList();
    }
}
