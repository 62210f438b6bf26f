package dev.oomspec.traces.policy;

import dev.oomspec.reference.OomModel;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.policy.Revision;
import dev.oomspec.reference.profile.KernelProfile;
import dev.oomspec.reference.profile.KernelProfiles;
import dev.oomspec.traces.replay.ReplayInput;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The machine of one recorded OOM, rebuilt to run a policy on: the revision booted on the kernel it was posted for
 * (7.0 rules for mm/, whatever kernel printed the report), the table's rows as processes in printed order, the OOMing
 * memcg with its printed usage and page cache and limits equal to the totalpages tried (a system-wide OOM: a machine
 * whose RAM is that), {@code current} the trigger's row when the table has it. As in the replay engine
 * (docs/replay.md "How an event is rebuilt"); what the report does not print is a stand-in guarded by
 * {@link EventFacts}.
 */
final class LabWorld {
    /** The kernel the series' revisions run on: v3 was posted against bpf-next of January 2026 (7.0 rules). */
    static final KernelProfile PROFILE = KernelProfiles.forVersion("7.0.0");

    final OomModel model;
    final OomControl oc;
    /** Each rebuilt process → its table row. */
    final Map<Task, ReplayInput.TaskRow> rows = new IdentityHashMap<>();

    private LabWorld(OomModel model, OomControl oc) { this.model = model; this.oc = oc; }

    /** Builds the world, or throws IllegalArgumentException when the table cannot be rebuilt (e.g. a pid twice). */
    static LabWorld build(ReplayInput in, EventFacts facts, Revision revision, long totalpages) {
        OomModel m = OomModel.builder().profile(PROFILE).hierarchy(Memcg.Hierarchy.V1).series(revision.boot()).build();
        World w = m.world();
        w.setOomDumpTasks(false);
        Memcg cg = null;
        if (facts.memcgOom) {
            cg = w.memcontrol().createPath(facts.oomPath).setMemoryMax(totalpages).setMemswMax(totalpages);
            if (facts.usagePages != null) cg.setMemoryUsage(Math.max(1, facts.usagePages), 0);
            if (facts.filePages != null) cg.setFilePages(facts.filePages);
            if (facts.oomGroup != null) cg.setOomGroup(facts.oomGroup);
        } else {
            w.setTotalRamPages(totalpages).setTotalSwapPages(0);
        }
        LabWorld lw = new LabWorld(m, facts.memcgOom ? OomControl.memcg(cg, Gfp.GFP_KERNEL, 0)
                : OomControl.global(Gfp.GFP_KERNEL, 0));
        Task current = null;
        for (ReplayInput.TaskRow r : in.tasks()) {
            Task t = w.newProcess(r.pid(), r.name(), r.uid(), mm(r));
            t.setOomScoreAdj(Math.max(-1000, Math.min(1000, r.oomScoreAdj())));
            if (cg != null) w.attach(t, cg);
            lw.rows.put(t, r);
            if (in.trigger() != null && in.trigger().pid() != null && in.trigger().pid() == r.pid()) current = t;
        }
        if (current == null) { // a stand-in kernel thread: no mm, never a candidate, never "exiting"
            int pid = in.trigger() != null && in.trigger().pid() != null ? in.trigger().pid() : Integer.MAX_VALUE;
            while (w.task(pid) != null) pid--;
            current = w.newKthread(pid, in.trigger() == null || in.trigger().comm() == null ? "?" : in.trigger().comm());
        }
        w.setCurrent(current);
        return lw;
    }

    /** A row's mm: the split rss when printed (else all anon), page tables in bytes (≤4.14: (nr_ptes+nr_pmds) pages). */
    static Mm mm(ReplayInput.TaskRow r) {
        long anon = r.rssAnon() != null ? r.rssAnon() : r.rss();
        long file = r.rssFile() != null ? r.rssFile() : 0;
        long shmem = r.rssShmem() != null ? r.rssShmem() : 0;
        if (r.rssAnon() != null && anon + file + shmem != r.rss()) anon = r.rss() - file - shmem;
        long pg = r.pgtablesBytes() != null ? r.pgtablesBytes()
                : ((r.nrPtes() == null ? 0 : r.nrPtes()) + (r.nrPmds() == null ? 0 : r.nrPmds())) * 4096L;
        return new Mm(r.totalVm(), anon, file, shmem, r.swapents(), pg);
    }

    /** (rss + swap entries) × page size + page tables, kB. */
    static long memoryKb(ReplayInput.TaskRow r, long pageKb) {
        long pg = r.pgtablesBytes() != null ? r.pgtablesBytes() / 1024
                : ((r.nrPtes() == null ? 0 : r.nrPtes()) + (r.nrPmds() == null ? 0 : r.nrPmds())) * pageKb;
        return (r.rss() + r.swapents()) * pageKb + pg;
    }
}
