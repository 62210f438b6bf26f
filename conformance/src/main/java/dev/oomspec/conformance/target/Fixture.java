package dev.oomspec.conformance.target;

import dev.oomspec.reference.OomModel;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomKill;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.series.AttachRequest;
import dev.oomspec.reference.series.SeriesModel;
import dev.oomspec.spec.model.Given;
import dev.oomspec.spec.model.Revision;
import dev.oomspec.spec.model.TaskKind;
import dev.oomspec.spec.model.TaskState;
import java.util.ArrayList;
import java.util.List;

/**
 * One fresh model per call, built from the clause's {@code given} in the spec's default world: kernel 6.18, cgroup
 * v2, memcg {@code /oom_test} (memory.max 10000 pages, no swap) holding the process {@code victim(200)}, which is also
 * {@code current}; the clause's task is pid 300. The platform row, when given, names the architecture and Kconfig
 * the model takes MAX_PAGE_ORDER from.
 */
final class Fixture {
  static final int VICTIM_PID = 200, TARGET_PID = 300;

  final OomModel model;
  final World w;
  final SeriesModel series;
  final Memcg oomTest;
  final Task victim;
  final List<String> notes = new ArrayList<>();

  Fixture(Revision revision, boolean proposed, Given g) {
    OomModel.Builder b = OomModel.builder().kernel("6.18.0").hierarchy(Memcg.Hierarchy.V2)
        .series(Revisions.series(revision, proposed));
    if (g.platform() != null) {
      String kernel = Platforms.kernel(g.platform());
      b.kernel(kernel).arch(g.platform().arch(), g.platform().kconfig());
      notes.add("platform " + g.platform().row() + ": kernel " + kernel + ", arch " + g.platform().arch() + ", Kconfig "
          + g.platform().kconfigSymbols() + " → the model's MAX_PAGE_ORDER "
          + "(largest valid order) " );
    }
    model = b.build();
    w = model.world().setTotalSwapPages(0);
    series = model.series();
    if (g.platform() != null) notes.set(notes.size() - 1, notes.get(notes.size() - 1) + series.boot().maxPageOrder());
    oomTest = w.memcontrol().createPath("/oom_test").setMemoryMax(10000).setSwapMax(0);
    victim = w.newProcess(VICTIM_PID, "victim", 0, new Mm(5000, 5000, 0, 0, 0, 0));
    w.attach(victim, oomTest);
    w.setCurrent(victim);
    if (Boolean.FALSE.equals(g.capSysResource())) {
      series.setCapSysResource(false);
      notes.add("the registering task lacks CAP_SYS_RESOURCE");
    }
    if (g.memcgCharge() != null) {
      memcg(g.memcgCharge().path()).setMemoryUsage(g.memcgCharge().pages(), 0);
      notes.add("memcg " + g.memcgCharge().path() + ": page_counter_read(&memcg->memory) = " + g.memcgCharge().pages() + " pages");
      if (g.memcgCharge().events() != null) {
        for (var ev : g.memcgCharge().events().entrySet()) {
          Memcg.Event e = Calls.memcgEvent(ev.getKey());
          if (e == null) throw new IllegalArgumentException("memory event " + ev.getKey() + " is not kept by the model");
          for (long i = 0; i < ev.getValue(); i++) w.memcontrol().memcgMemoryEvent(memcg(g.memcgCharge().path()), e);
        }
        notes.add("memcg " + g.memcgCharge().path() + ": memory.events " + g.memcgCharge().events());
      }
      if (g.memcgCharge().filePages() != null) {
        memcg(g.memcgCharge().path()).setFilePages(g.memcgCharge().filePages());
        notes.add("memcg " + g.memcgCharge().path() + ": NR_FILE_PAGES = " + g.memcgCharge().filePages() + " pages");
      }
    }
  }

  /** "NULL" → null, "root" and "/" → root, else the path (created when missing). */
  Memcg memcg(String path) {
    if (path == null || path.equals("NULL")) return null;
    if (path.equals("root") || path.equals("/")) return w.rootMemcg();
    return w.memcontrol().createPath(path);
  }

  /** The clause's task (pid 300; init is pid 1, a kthread pid 2; an in-vfork child has its parent as pid 301). */
  Task target(TaskState ts) {
    TaskKind kind = ts == null || ts.kind() == null ? TaskKind.USER : ts.kind();
    Mm mm = new Mm(1000, 1000, 0, 0, 0, 0);
    Memcg home = ts != null && Boolean.FALSE.equals(ts.inOomMemcg()) ? memcg("/other") : oomTest;
    Task t;
    switch (kind) {
      case INIT -> t = w.newInit(mm);
      case KTHREAD -> t = w.newKthread(2, "kthreadd");
      default -> {
        if (ts != null && Boolean.TRUE.equals(ts.inVfork())) {
          Task parent = w.newProcess(TARGET_PID + 1, "parent", 0, mm);
          w.attach(parent, home);
          t = w.newVforkChild(TARGET_PID, "child", parent);
        } else {
          t = w.newProcess(TARGET_PID, "target", 0, mm);
          w.attach(t, home);
        }
      }
    }
    if (ts == null) return t;
    if (ts.oomScoreAdj() != null) t.setOomScoreAdj(ts.oomScoreAdj());
    if (Boolean.TRUE.equals(ts.mmfOomSkip())) {
      if (t.mm() != null) t.mm().setOomSkip(true);
      else notes.add("mmfOomSkip ignored: the task has no mm");
    }
    if (Boolean.TRUE.equals(ts.oomVictim())) t.markAsPreviousVictim();
    if (Boolean.TRUE.equals(ts.beingFreed())) t.setTryGetFails(true);
    return t;
  }

  /** "system" means the system-wide attachment: v1's list and v2's slot take no cgroup; v3/post use the root cgroup. */
  AttachRequest.Fd slot(String at) {
    if (at.equals("system") || at.equals("hook")) {
      return switch (series.revision()) {
        case V3, POST -> new AttachRequest.Valid(w.rootMemcg());
        default -> new AttachRequest.None();
      };
    }
    return new AttachRequest.Valid(memcg(at));
  }

  /** The first process of the OOM domain the OOM killer could kill (the spec's "first killable task"). */
  Task firstKillable(Memcg domain) {
    List<Task> pool = new ArrayList<>();
    if (domain == null) pool.addAll(w.processes());
    else for (Memcg m : dev.oomspec.reference.mm.Memcontrol.preOrder(domain))
      for (Task t : m.tasks()) if (t.threadGroupLeader()) pool.add(t);
    for (Task t : pool) if (!t.sigkillPending() && !OomKill.oomUnkillableTask(t) && t.mm() != null) return t;
    return null;
  }

  boolean anyKilled() { return w.tasks().stream().anyMatch(Task::sigkillPending); }

  List<String> log() { return w.kmsg().lines(); }
}
