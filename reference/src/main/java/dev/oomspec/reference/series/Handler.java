package dev.oomspec.reference.series;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControlView;

/**
 * A handle_out_of_memory program in revision-neutral form, for callers that drive every revision the same way (the
 * conformance adapter). A policy written for one revision implements that revision's own {@code BpfOomOps} instead.
 */
@FunctionalInterface
public interface Handler {
    int handleOutOfMemory(OomControlView oc, Context ctx);

    /** What the program receives besides oc, and the kfuncs it may call. */
    interface Context {
        /** The cgroup the ops is attached to (v2: ctx->cgroup_id, v3: st_link->cgroup, post: cgrp), null = none/system. */
        Memcg attachedTo();
        /** Calls a kfunc as this struct_ops program would (its verifier verdict first). */
        Outcome kfunc(String kfunc, KfuncArgs args);
    }
}
