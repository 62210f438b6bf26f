package dev.oomspec.reports;

import java.util.List;
import java.util.Objects;

/**
 * One BPF OOM policy replayed on one event ({@code oomspec replay --policy}).
 *
 * @param name            the policy as named on the command line
 * @param program         its {@code struct bpf_oom_ops} name; null when it never ran
 * @param revision        the series revision it ran on ({@code v3}, {@code post})
 * @param verdict         {@code same}, {@code different}, {@code refused}, {@code declined}, {@code not-loaded},
 *                        {@code error} or {@code undecidable}
 * @param reason          why, for people
 * @param victims         what the policy's kills took, in order
 * @param kernelKillerRan whether the kernel's own killer ran after the policy
 * @param kernelKilled    what the kernel's killer took after the policy
 * @param freedKb         memory held by everything killed in the run (policy and kernel killer), kB; null if unknown
 * @param kernelFreedKb   memory held by what the kernel really killed (from the report), kB; null if unknown
 * @param calls           the policy's kfunc calls in order
 */
public record PolicyView(String name, String program, String revision, String verdict, String reason,
                         List<Victim> victims, boolean kernelKillerRan, List<Victim> kernelKilled, Long freedKb,
                         Long kernelFreedKb, List<Call> calls) {
    public PolicyView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        victims = List.copyOf(victims);
        kernelKilled = List.copyOf(kernelKilled);
        calls = List.copyOf(calls);
    }

    /** A killed process and the memory it held: (rss + swap) × page size + page tables, kB. */
    public record Victim(int pid, String comm, long memoryKb) {
        public Victim {
            Objects.requireNonNull(comm, "comm");
        }

        public String label() { return comm + " (" + pid + ")"; }
    }

    /** One kfunc call: the handler instance's cgroup, the kfunc, its arguments and its result, as text. */
    public record Call(String attachedAt, String kfunc, String args, String ret) {}

    /** The errnos bpf_oom_kill_process() returned, in order. */
    public List<String> errnos() {
        return calls.stream().filter(c -> c.kfunc().equals("bpf_oom_kill_process") && c.ret().startsWith("-E"))
                .map(Call::ret).toList();
    }
}
