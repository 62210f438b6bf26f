package dev.oomspec.spec.model;

/**
 * One attached OOM handler of a dispatch clause.
 *
 * @param name ops name (as printed in reports)
 * @param at cgroup path it is attached to; "system" for v2's system-wide slot and v1's global list;
 *     "hook" for the RFC fmod_ret hook
 * @param returns value returned by {@code handle_out_of_memory}
 * @param kills whether it calls {@code bpf_oom_kill_process()} successfully before returning
 */
public record Handler(String name, String at, int returns, boolean kills) {}
