package dev.oomspec.reference.series;

import dev.oomspec.reference.mm.Memcg;
import java.util.Set;

/**
 * Registering a bpf_oom_ops struct_ops map in a revision-neutral form.
 *
 * @param viaLink   BPF_LINK_CREATE (true) or the legacy map update without a link (false)
 * @param linkFlags {@code link_create.flags}, null when the caller passes none of its own
 * @param fd        the cgroup fd passed (v2 relative_fd, v3 target_fd)
 * @param members   the struct_ops members that have a program
 */
public record AttachRequest(boolean viaLink, Integer linkFlags, Fd fd, Set<String> members) {

    /** A cgroup file descriptor argument. */
    public sealed interface Fd permits None, Valid, Bad {}
    /** No fd given (v2: relative_fd 0). */
    public record None() implements Fd {}
    /** An fd of this cgroup. */
    public record Valid(Memcg cgroup) implements Fd {}
    /** An fd that is not a cgroup (cgroup_get_from_fd() fails with -EBADF). */
    public record Bad() implements Fd {}
}
