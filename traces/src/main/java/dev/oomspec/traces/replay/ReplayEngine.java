package dev.oomspec.traces.replay;

import dev.oomspec.reference.OomModel;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.profile.KernelProfile;
import dev.oomspec.reference.profile.KernelProfiles;
import dev.oomspec.reference.profile.KernelVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts one recorded OOM event through the reference model and says whether the model picks the kernel's
 * victim, and why.
 *
 * <p>The state is rebuilt in a canonical world: the table's rows become processes in printed order (the
 * kernel prints the table in scan order: mm/oom_kill.c dump_tasks() walks the same list as select_bad_process()), all in one memcg whose memory and
 * memory+swap limits equal the totalpages being tried (so {@code mem_cgroup_get_max()} returns exactly that
 * value), or, for a global OOM, a one-node machine whose RAM equals it. Then {@code out_of_memory()} runs
 * under the chosen kernel profile(s). Unknown inputs are tried at their extremes; the event is decided only
 * when every combination selects the same task.
 */
public final class ReplayEngine {
  private static final Map<KernelVersion, KernelProfile> PROFILES = new ConcurrentHashMap<>();

  private final String kernelOverride;
  private final boolean modelReport;

  /** @param kernelOverride a version to replay every event with ({@code --kernel}), or null */
  public ReplayEngine(String kernelOverride) {
    this(kernelOverride, true);
  }

  /**
   * @param kernelOverride a version to replay every event with ({@code --kernel}), or null
   * @param modelReport    keep the report lines the model prints (its task dump included); false for output that
   *                       does not show them (JSON, CSV, text): the model's scores and choice are then taken
   *                       without its report ({@link ModelSelection}), which changes what it prints, never what
   *                       it selects
   */
  public ReplayEngine(String kernelOverride, boolean modelReport) {
    this.kernelOverride = kernelOverride;
    this.modelReport = modelReport;
  }

  public ReplayResult replay(ReplayInput in) {
    ProfileChoice profiles = ProfileChoice.choose(in, kernelOverride);
    String profile = profiles.description();
    if (in.tasks().isEmpty()) {
      if (in.noKillableProcess() && in.tableComplete()) {
        return result(in, Verdict.AGREE, "the kernel found no killable process and the table is empty",
            profile, null, "not needed", null, List.of(), List.of());
      }
      return result(in, Verdict.UNDECIDABLE, "no task table in the report", profile, null, "not needed", null,
          List.of(), List.of());
    }
    TotalPagesRange tp = TotalPagesRange.estimate(in);
    boolean adjUniform = in.tasks().stream().map(ReplayInput.TaskRow::oomScoreAdj).distinct().count() <= 1;

    Map<String, Run> runs = new LinkedHashMap<>();
    for (KernelVersion v : profiles.versions()) {
      runs.put(v + " @" + tp.lo(), run(in, v, tp.lo(), modelReport));
      if (!tp.exact() && !adjUniform) runs.put(v + " @" + tp.hi(), run(in, v, tp.hi(), modelReport));
    }
    Run primary = runs.values().iterator().next();
    if (primary.error != null) {
      return result(in, Verdict.UNDECIDABLE, primary.error, profile, tp.lo(), tp.note(), null, List.of(), List.of());
    }
    String tpNote = tp.note() + (tp.exact() ? " (exact)"
        : adjUniform ? "; every row has the same oom_score_adj, so totalpages cannot change the outcome"
        : "; tried both ends");
    ReplayInput.KernelChoice model = primary.victim;
    for (Map.Entry<String, Run> e : runs.entrySet()) {
      if (!Objects.equals(pidOf(e.getValue().victim), pidOf(model))) {
        String reason = "the outcome depends on what the report does not print: " + describe(runs);
        return result(in, Verdict.UNDECIDABLE, reason, profile, tp.lo(), tpNote, null, primary.scored, primary.report);
      }
    }
    ReplayInput.KernelChoice kernel = in.kernelChoice();
    if (kernel == null) {
      if (in.noKillableProcess()) {
        Verdict v = model == null ? Verdict.AGREE : Verdict.DISAGREE;
        String why = model == null ? "neither the kernel nor the model found a killable process"
            : "the kernel found no killable process but the model selects " + label(model);
        return result(in, v, why, profile, tp.lo(), tpNote, model, primary.scored, primary.report);
      }
      return result(in, Verdict.UNDECIDABLE, "the report does not say which process the kernel killed",
          profile, tp.lo(), tpNote, model, primary.scored, primary.report);
    }
    boolean inTable = in.tasks().stream().anyMatch(r -> r.pid() == kernel.pid() || r.tgid() == kernel.pid());
    if (!inTable) {
      return result(in, Verdict.UNDECIDABLE, "the kernel's victim " + label(kernel)
          + " is not in the printed task table (table cut, filtered or from another report)",
          profile, tp.lo(), tpNote, model, primary.scored, primary.report);
    }
    if (model != null && matches(in, model.pid(), kernel.pid())) {
      String why = "the model selects " + label(model) + " like the kernel"
          + (in.tableComplete() ? "" : " (on an incomplete table)");
      return result(in, Verdict.AGREE, why, profile, tp.lo(), tpNote, model, primary.scored, primary.report);
    }
    if (!in.tableComplete()) {
      return result(in, Verdict.UNDECIDABLE, "the task table is incomplete; on the rows printed the model selects "
          + (model == null ? "nobody" : label(model)), profile, tp.lo(), tpNote, model, primary.scored, primary.report);
    }
    String why = "the kernel killed " + label(kernel) + " but the model selects "
        + (model == null ? "nobody" : label(model)) + scoreOf(primary.scored, kernel.pid(), model);
    return result(in, Verdict.DISAGREE, why, profile, tp.lo(), tpNote, model, primary.scored, primary.report);
  }

  // ---------------------------------------------------------------------------------------------

  /** One model run. */
  record Run(ReplayInput.KernelChoice victim, List<ScoredCandidate> scored, List<String> report, String error) {}

  /** Eligible candidates first, highest points first; equal points keep the scan order. */
  static final Comparator<ScoredCandidate> BY_POINTS = Comparator.comparing((ScoredCandidate s) -> s.points() == null)
      .thenComparing(s -> s.points() == null ? 0 : -s.points());

  private static Run run(ReplayInput in, KernelVersion v, long totalpages, boolean modelReport) {
    KernelProfile profile = PROFILES.computeIfAbsent(v, KernelProfiles::forVersion);
    if (!modelReport) {
      return ModelSelection.run(in, v, profile, totalpages); // the same choice, nothing printed
    }
    World w = OomModel.builder().profile(profile).hierarchy(Memcg.Hierarchy.V1).build().world();
    w.setOomDumpTasks(modelReport);
    Memcg cg = null;
    boolean memcgOom = in.memcg() != null;
    if (memcgOom) {
      String path = in.memcg().oomMemcg() == null || in.memcg().oomMemcg().equals("/") ? "/replay" : in.memcg().oomMemcg();
      cg = w.memcontrol().createPath(path).setMemoryMax(totalpages).setMemswMax(totalpages);
    } else {
      w.setTotalRamPages(totalpages).setTotalSwapPages(0);
    }
    Map<Task, ReplayInput.TaskRow> rows = new LinkedHashMap<>();
    for (ReplayInput.TaskRow r : in.tasks()) {
      Task t;
      try {
        t = w.newProcess(r.pid(), r.name(), r.uid(), mmOf(r, v));
        t.setOomScoreAdj(clampAdj(r.oomScoreAdj()));
      } catch (IllegalArgumentException e) {
        return new Run(null, List.of(), List.of(), "the task table cannot be rebuilt: " + e.getMessage());
      }
      t.setCapSysAdmin(r.uid() == 0); // ≤4.16 root bonus: uid 0 stands in for CAP_SYS_ADMIN (not printed)
      if (cg != null) w.attach(t, cg);
      rows.put(t, r);
    }
    w.setCurrent(current(w, in, rows));
    OomControl oc = memcgOom ? OomControl.memcg(cg, Gfp.GFP_KERNEL, 0) : OomControl.global(Gfp.GFP_KERNEL, 0);
    w.oomLock().tryLock();
    try {
      w.oomKill().outOfMemory(oc);
    } finally {
      w.oomLock().unlock();
    }
    List<ScoredCandidate> scored = new ArrayList<>();
    OomRecorder.Run oom = w.recorder().run(oc);
    for (OomRecorder.Candidate c : oom.candidates()) {
      ReplayInput.TaskRow r = rows.get(c.task());
      if (r == null) continue;
      boolean eligible = OomRecorder.Candidate.ELIGIBLE.equals(c.verdict()) || OomRecorder.Candidate.ORIGIN.equals(c.verdict());
      scored.add(new ScoredCandidate(r.pid(), r.name(), r.oomScoreAdj(), eligible ? c.points() : null, c.verdict()));
    }
    scored.sort(BY_POINTS);
    Task victim = oom.victim();
    ReplayInput.KernelChoice model = victim == null ? null
        : new ReplayInput.KernelChoice(rows.get(victim).pid(), rows.get(victim).name(), null, "model");
    return new Run(model, scored, w.kmsg().lines(), null);
  }

  /**
   * {@code current}: the trigger's own row when the table has it, else a stand-in kernel thread (unkillable, no
   * mm, so it is never a candidate and never "already exiting") carrying the trigger's name for the header.
   */
  private static Task current(World w, ReplayInput in, Map<Task, ReplayInput.TaskRow> rows) {
    ReplayInput.Trigger t = in.trigger();
    if (t != null && t.pid() != null) {
      for (Map.Entry<Task, ReplayInput.TaskRow> e : rows.entrySet()) if (e.getValue().pid() == t.pid()) return e.getKey();
    }
    int pid = t != null && t.pid() != null ? t.pid() : Integer.MAX_VALUE;
    while (w.task(pid) != null) pid--;
    return w.newKthread(pid, t == null || t.comm() == null ? "?" : t.comm());
  }

  /** The row's mm: rss split when printed (else all anon), page tables in bytes (≤4.14: (nr_ptes+nr_pmds) pages). */
  static Mm mmOf(ReplayInput.TaskRow r, KernelVersion v) {
    long anon = r.rssAnon() != null ? r.rssAnon() : r.rss();
    long file = r.rssFile() != null ? r.rssFile() : 0;
    long shmem = r.rssShmem() != null ? r.rssShmem() : 0;
    if (r.rssAnon() != null && anon + file + shmem != r.rss()) anon = r.rss() - file - shmem; // keep rss exact
    long pgBytes;
    if (r.pgtablesBytes() != null) pgBytes = r.pgtablesBytes();
    else pgBytes = ((r.nrPtes() == null ? 0 : r.nrPtes()) + (r.nrPmds() == null ? 0 : r.nrPmds())) * 4096L;
    return new Mm(r.totalVm(), anon, file, shmem, r.swapents(), pgBytes);
  }

  /** Legacy oom_adj values written as oom_score_adj stay in range; -17 (OOM_DISABLE) is printed as such by old kernels. */
  static int clampAdj(int adj) {
    return Math.max(-1000, Math.min(1000, adj));
  }

  private static boolean matches(ReplayInput in, int modelPid, int kernelPid) {
    if (modelPid == kernelPid) return true;
    for (ReplayInput.TaskRow r : in.tasks()) {
      if (r.pid() == modelPid && r.tgid() == kernelPid) return true; // summary pid= is the leader
    }
    return false;
  }

  private static Integer pidOf(ReplayInput.KernelChoice c) {
    return c == null ? null : c.pid();
  }

  private static String label(ReplayInput.KernelChoice c) {
    return c.comm() + " (" + c.pid() + ")";
  }

  private static String scoreOf(List<ScoredCandidate> scored, int kernelPid, ReplayInput.KernelChoice model) {
    ScoredCandidate k = scored.stream().filter(s -> s.pid() == kernelPid).findFirst().orElse(null);
    ScoredCandidate m = model == null ? null : scored.stream().filter(s -> s.pid() == model.pid()).findFirst().orElse(null);
    if (k == null || m == null) return "";
    return ": model points " + (k.points() == null ? k.verdict() : k.points()) + " vs " + m.points();
  }

  private static String describe(Map<String, Run> runs) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Run> e : runs.entrySet()) {
      if (b.length() > 0) b.append("; ");
      ReplayInput.KernelChoice v = e.getValue().victim;
      b.append("kernel ").append(e.getKey().replace(" @", " with totalpages ")).append(" → ")
          .append(v == null ? "nobody" : label(v));
    }
    return b.toString();
  }

  private static ReplayResult result(ReplayInput in, Verdict v, String reason, String profile, Long tp,
      String tpNote, ReplayInput.KernelChoice model, List<ScoredCandidate> scored, List<String> report) {
    return new ReplayResult(in, v, reason, profile, tp, tpNote, model, scored, report);
  }
}
