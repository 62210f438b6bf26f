package dev.oomspec.traces.replay;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.OomModel;
import dev.oomspec.reference.mm.OomKill;
import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.profile.KernelProfile;
import dev.oomspec.reference.profile.KernelVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code out_of_memory()} chooses for a replayed task table, without the report it prints (for output that
 * does not show it: JSON, CSV, text). Every row's score is the reference model's own {@code oom_badness()}
 * ({@link OomKill#oomBadness}, {@link OomKill#oomUnkillableTask}) on a task the model's {@link World} made from
 * the row, with the totalpages the model's {@code constrained_alloc()} would use ({@code mem_cgroup_get_max()}
 * of a memcg with the tried limit, or RAM + swap); the rows are scanned in table order, as the canonical world
 * of {@link ReplayEngine} scans them, and each is chosen or not by the model's own {@code oom_evaluate_task()}
 * rule ({@link OomKill#choose}).
 *
 * <p>The full run ({@link World} with {@code outOfMemory()}) is what the rest of the model is checked against;
 * this path must choose the same task with the same scores for every table — {@code ModelSelectionTest} runs
 * both on every replayed report of the corpus and on generated tables.
 *
 * <p>One world per thread and kernel version, reused: a row's task is created, scored and removed.
 */
final class ModelSelection {

  private ModelSelection() {}

  /** One thread's worlds, by kernel version: each with the memcg a memcg OOM's limit is set on. */
  private static final ThreadLocal<Map<KernelVersion, Scratch>> SCRATCH = ThreadLocal.withInitial(HashMap::new);

  private record Scratch(World world, Memcg memcg) {}

  private static Scratch scratch(KernelVersion v, KernelProfile profile) {
    return SCRATCH.get().computeIfAbsent(v, k -> {
      World w = OomModel.builder().profile(profile).hierarchy(Memcg.Hierarchy.V1).build().world();
      return new Scratch(w, w.memcontrol().createPath("/replay"));
    });
  }

  /**
   * The pid of the first row (in table order) whose pid an earlier row has, or null: the sorted pids say whether
   * there is one without a boxed set per table; only then is the first one looked for.
   */
  static Integer repeatedPid(List<ReplayInput.TaskRow> rows) {
    int[] sorted = new int[rows.size()];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = rows.get(i).pid();
    }
    Arrays.sort(sorted);
    boolean any = false;
    for (int i = 1; i < sorted.length && !any; i++) {
      any = sorted[i] == sorted[i - 1];
    }
    if (!any) {
      return null;
    }
    Set<Integer> pids = new HashSet<>();
    for (ReplayInput.TaskRow r : rows) {
      if (!pids.add(r.pid())) {
        return r.pid();
      }
    }
    return null;
  }

  static ReplayEngine.Run run(ReplayInput in, KernelVersion v, KernelProfile profile, long totalpages) {
    Scratch s = scratch(v, profile);
    World w = s.world();
    long tp;
    if (in.memcg() != null) {
      s.memcg().setMemoryMax(totalpages).setMemswMax(totalpages);
      long max = w.memcontrol().memCgroupGetMax(s.memcg());
      tp = max == 0 ? 1 : max; // constrained_alloc()
    } else {
      w.setTotalRamPages(totalpages).setTotalSwapPages(0);
      tp = w.totalRamPages() + w.totalSwapPages();
    }
    Integer twice = repeatedPid(in.tasks());
    if (twice != null) { // World.newProcess refuses a pid twice
      return new ReplayEngine.Run(null, List.of(), List.of(), "the task table cannot be rebuilt: pid in use: " + twice);
    }
    List<ScoredCandidate> scored = new ArrayList<>(in.tasks().size());
    ReplayInput.TaskRow chosen = null;
    Task chosenTask = null;
    long chosenPoints = 0;
    for (ReplayInput.TaskRow r : in.tasks()) {
      Task t = w.newProcess(r.pid(), r.name(), r.uid(), ReplayEngine.mmOf(r, v));
      t.setOomScoreAdj(ReplayEngine.clampAdj(r.oomScoreAdj()));
      t.setCapSysAdmin(r.uid() == 0); // ≤4.16 root bonus: uid 0 stands in for CAP_SYS_ADMIN (not printed)
      boolean unkillable = OomKill.oomUnkillableTask(t);
      long points = unkillable ? 0 : w.oomKill().oomBadness(t, tp);
      w.exitProcess(t);
      if (unkillable) {
        scored.add(new ScoredCandidate(r.pid(), r.name(), r.oomScoreAdj(), null, "unkillable"));
        continue;
      }
      int choice = OomKill.choose(profile, points, chosenTask, chosenPoints); // oom_evaluate_task()'s choice
      if (choice < 0) {
        scored.add(new ScoredCandidate(r.pid(), r.name(), r.oomScoreAdj(), null, "ineligible"));
        continue;
      }
      scored.add(new ScoredCandidate(r.pid(), r.name(), r.oomScoreAdj(), points, OomRecorder.Candidate.ELIGIBLE));
      if (choice > 0) {
        chosen = r;
        chosenTask = t;
        chosenPoints = points;
      }
    }
    scored.sort(ReplayEngine.BY_POINTS);
    ReplayInput.KernelChoice model = chosen == null ? null
        : new ReplayInput.KernelChoice(chosen.pid(), chosen.name(), null, "model");
    return new ReplayEngine.Run(model, scored, List.of(), null);
  }
}
