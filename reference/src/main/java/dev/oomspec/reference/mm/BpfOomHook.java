package dev.oomspec.reference.mm;

/**
 * The series' edits to mm/oom_kill.c, called from the kernel side: {@code bpf_handle_oom()} at its call site in
 * out_of_memory() and the report/constraint changes. Without the series (or !CONFIG_BPF_SYSCALL) there is no hook and
 * every call below takes the mainline path. Implemented by each revision's {@code OomKillBpf}.
 */
public interface BpfOomHook {
    /** bpf_handle_oom(oc): true when a BPF handler freed memory and claimed so. */
    boolean bpfHandleOom(OomControl oc);

    /** dump_header()'s first printk record; v1/v2 append {@code "\noom_policy=%s"}. */
    default String dumpHeaderFirstRecord(OomControl oc, String mainline) { return mainline; }

    /** A line dump_header() prints after the first record (v3/post "oom bpf handler: %s"), or null. */
    default String dumpHeaderHandlerLine(OomControl oc) { return null; }

    /** constrained_alloc()'s series prologue (v1 07/v2 14: CONSTRAINT_BPF returns at once), null = mainline. */
    default Constraint constrainedAllocPrologue(OomControl oc) { return null; }

    /** oom_constraint_text(oc) (v1 07/v2 14 turn the array into a function); {@code mainline} otherwise. */
    default String oomConstraintText(OomControl oc, String mainline) { return mainline; }
}
