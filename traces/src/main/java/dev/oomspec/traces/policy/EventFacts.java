package dev.oomspec.traces.policy;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.policy.Facts;
import dev.oomspec.traces.event.MemcgInfo;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.replay.ReplayInput;
import java.util.Map;

/**
 * What a recorded OOM event says about the machine beyond its task table, as {@link Facts} for the policy loader:
 * everything else in the rebuilt world is a stand-in that a policy may not read.
 *
 * <ul>
 *   <li>The cgroup tree below the OOMing memcg and which cgroup holds each process: known when the OOMing memcg is
 *       provably a leaf holding every process of the table — a ≤5.2 memcg report lists a "Memory cgroup stats for"
 *       line for every cgroup below it (for_each_mem_cgroup_tree()) and lists none, or a capture's JSON names the
 *       cgroup and every process of the table is one of its workers.</li>
 *   <li>Every process in creation order: a system-wide OOM's complete table (dump_tasks() walks for_each_process(),
 *       init_task.tasks, creation order; it leaves out init, kernel threads and tasks without an mm).</li>
 *   <li>The OOMing memcg's usage ("memory: usage"), NR_FILE_PAGES (v1 {@code cache}/{@code total_cache}, v2
 *       {@code file}) and memory.oom.group (known once the tree is: set exactly when the report's kill was a group
 *       kill).</li>
 * </ul>
 */
public final class EventFacts implements Facts {
    final boolean memcgOom;
    /** The OOMing memcg's path in the rebuilt world ("/replay" when the report names none or the root). */
    final String oomPath;
    final String treeUnknown, processListUnknown;
    final Long usagePages, filePages;
    final Boolean oomGroup;

    private EventFacts(boolean memcgOom, String oomPath, String treeUnknown, String processListUnknown, Long usagePages,
                       Long filePages, Boolean oomGroup) {
        this.memcgOom = memcgOom; this.oomPath = oomPath; this.treeUnknown = treeUnknown;
        this.processListUnknown = processListUnknown; this.usagePages = usagePages; this.filePages = filePages;
        this.oomGroup = oomGroup;
    }

    static EventFacts of(OomEvent e, ReplayInput in, CaptureSidecar sidecar) {
        long pageKb = in.pageSizeKb() == null ? 4 : in.pageSizeKb();
        boolean memcgOom = in.memcg() != null;
        String printed = in.memcg() == null ? null : in.memcg().oomMemcg();
        String oomPath = printed == null || printed.equals("/") ? "/replay" : printed;
        String tree;
        MemcgInfo info = e.memcg();
        if (!memcgOom) {
            tree = "a system-wide OOM report does not say which cgroup each process is in";
        } else if (sidecar != null && printed != null && printed.equals(sidecar.cgroupPath())
                && in.tasks().stream().allMatch(r -> sidecar.pids().contains(r.pid()))) {
            tree = null;
        } else if (info != null && "kB".equals(info.statsUnit()) && printed != null && printed.equals(info.statsFor())) {
            tree = info.subtree().isEmpty() ? null : "the report lists " + info.subtree().size()
                    + " cgroups below " + printed + " but not which one holds each process";
        } else if (sidecar != null) {
            tree = "the capture JSON " + sidecar.file().getFileName() + " names another cgroup or other processes";
        } else {
            tree = "the report names the OOMing memcg " + (printed == null ? "" : printed + " ")
                    + "but not the cgroups below it or which holds each process (reports before 5.3 list the cgroups "
                    + "below; a capture's JSON says where its workers ran)";
        }
        String procs = null;
        if (memcgOom) {
            procs = "a memcg OOM report lists only that memcg's processes, in the order they joined their cgroups";
        } else if (in.constraint() != null && !in.constraint().equals("CONSTRAINT_NONE")) {
            procs = "a " + in.constraint() + " OOM report lists only the processes allowed on its nodes";
        } else if (!in.tableComplete()) {
            procs = "the task table is incomplete";
        }
        Long usage = memcgOom ? in.memcg().usageKb() / pageKb : null;
        Long file = null;
        if (memcgOom && info != null && printed != null && printed.equals(info.statsFor())) {
            Map<String, Long> st = info.stats();
            Long v = st.get("file") != null ? st.get("file") : st.get("total_cache") != null ? st.get("total_cache")
                    : tree == null ? st.get("cache") : null;
            if (v != null) file = "bytes".equals(info.statsUnit()) ? v / (pageKb * 1024) : v / pageKb;
        }
        Boolean group = null;
        if (memcgOom && tree == null) group = e.notes().contains("memory.oom.group: " + printed);
        return new EventFacts(memcgOom, oomPath, tree, procs, usage, file, group);
    }

    @Override public String unknown(Fact fact, Memcg memcg) {
        boolean isOom = memcg != null && memcgOom && memcg.path().equals(oomPath);
        return switch (fact) {
            case CGROUP_TREE -> treeUnknown != null ? treeUnknown : below(memcg) ? null
                    : "the report says nothing about cgroups outside " + oomPath;
            case PROCESS_LIST -> processListUnknown;
            case USAGE -> isOom && usagePages != null ? null : "the report prints no usage for " + where(memcg);
            case FILE_PAGES -> isOom && filePages != null ? null : "the report prints no page-cache size for " + where(memcg);
            case OTHER_STATS -> "a report prints no per-cgroup reclaim counters, memory.events or vm events";
            case OOM_GROUP -> isOom && oomGroup != null ? null : "the report does not say whether " + where(memcg)
                    + " has memory.oom.group set";
        };
    }

    private boolean below(Memcg m) {
        return m != null && (m.path().equals(oomPath) || m.path().startsWith(oomPath + "/"));
    }

    private String where(Memcg m) {
        if (m == null) return "it";
        if (m.isRoot()) return "the root cgroup";
        return m.path();
    }
}
