package dev.oomspec.reference.policy;

import dev.oomspec.reference.mm.Memcg;

/**
 * What the world a policy runs in really knows. A world built by hand knows everything ({@link #EVERYTHING}); a world
 * rebuilt from a recorded OOM report knows only what the report printed, and fills the rest with stand-ins (every task
 * in the OOM's memcg, no other process, zero counters). When a policy reads a stand-in, the handler stops and the
 * run is undecidable with the reason this interface gives — never a guess.
 */
public interface Facts {
    /** What a policy may read that a report may not carry. */
    enum Fact {
        /** the cgroups below {@code memcg} and which tasks each holds (css iteration, css_task iteration, nr_descendants, a task's cgroup). */
        CGROUP_TREE,
        /** every process of the machine in creation order (the task iterator). */
        PROCESS_LIST,
        /** {@code memcg}'s usage (memory.current). */
        USAGE,
        /** {@code memcg}'s NR_FILE_PAGES page state. */
        FILE_PAGES,
        /** any other page-state item, memory.events and vm events of {@code memcg}. */
        OTHER_STATS,
        /** {@code memcg}'s memory.oom.group. */
        OOM_GROUP
    }

    /** Null when {@code fact} about {@code memcg} (null for facts about the whole machine) is known, else why not. */
    String unknown(Fact fact, Memcg memcg);

    /** A world built by hand: everything in it is what it is. */
    Facts EVERYTHING = (fact, memcg) -> null;
}
