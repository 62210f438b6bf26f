package dev.oomspec.conformance.target;

import dev.oomspec.reference.bpf.AttachTarget;
import dev.oomspec.reference.bpf.BpfKfuncs;
import dev.oomspec.reference.bpf.BpfOom;
import dev.oomspec.reference.bpf.BpfOomHandler;
import dev.oomspec.reference.bpf.BpfOomRevision;
import dev.oomspec.reference.bpf.BpfPsi;
import dev.oomspec.reference.bpf.FilterVerdict;
import dev.oomspec.reference.bpf.Handlers;
import dev.oomspec.reference.bpf.KfuncFilter;
import dev.oomspec.reference.bpf.ProgType;
import dev.oomspec.reference.bpf.SeriesRevision;
import dev.oomspec.reference.memcg.Memcg;
import dev.oomspec.reference.memcg.Memcontrol;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomKill;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.spec.Spec;
import dev.oomspec.spec.model.AttachApi;
import dev.oomspec.spec.model.AttachCall;
import dev.oomspec.spec.model.CgroupFd;
import dev.oomspec.spec.model.DispatchCall;
import dev.oomspec.spec.model.FilterCall;
import dev.oomspec.spec.model.Given;
import dev.oomspec.spec.model.Handler;
import dev.oomspec.spec.model.Kfunc;
import dev.oomspec.spec.model.KfuncArgs;
import dev.oomspec.spec.model.KfuncCall;
import dev.oomspec.spec.model.KfuncInfo;
import dev.oomspec.spec.model.LockState;
import dev.oomspec.spec.model.ReportCall;
import dev.oomspec.spec.model.Revision;
import dev.oomspec.spec.model.TaskKind;
import dev.oomspec.spec.model.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference model ({@code reference/}) at one revision of the series, as a {@link Target}. The model's
 * behaviour is the data {@link BpfOomRevision}; this class only translates the spec vocabulary into model calls
 * on a fresh {@link World} per call and reads the result back. Mutants are built by passing an edited
 * {@link BpfOomRevision} to {@link #mutant}.
 *
 * <p>The default world: kernel 6.18 profile, cgroup v2, memcg {@code /oom_test} (memory.max 10000 pages, no swap)
 * holding the eligible process {@code victim(200)}, which is also {@code current}; MAX_PAGE_ORDER 10.
 */
public final class ReferenceTarget implements Target {
  /** Pid of the default eligible task; the clause's {@code given.task} is pid 300 (its vfork parent 301). */
  static final int VICTIM_PID = 200, TARGET_PID = 300;

  private final String id;
  private final Revision revision;
  private final BpfOomRevision model;
  private final Spec spec;
  private final String description;

  private ReferenceTarget(String id, Revision revision, BpfOomRevision model, Spec spec, String description) {
    this.id = id;
    this.revision = revision;
    this.model = model;
    this.spec = spec;
    this.description = description;
  }

  /** The reference model at {@code r}, with or without the review's proposals. */
  public static ReferenceTarget of(Spec spec, Revision r, boolean proposed) {
    BpfOomRevision m = BpfOomRevision.of(series(r), proposed);
    String id = r.displayName() + (proposed ? "-proposed" : "");
    return new ReferenceTarget(id, r, m, spec,
        "reference model, " + r.displayName() + (proposed ? " with the review's proposals P-01..P-05" : ""));
  }

  /** A mutant: the revision {@code r} with edited behaviour data. */
  public static ReferenceTarget mutant(Spec spec, String id, Revision r, BpfOomRevision model, String description) {
    return new ReferenceTarget(id, r, model, spec, description);
  }

  /** RFC, v1, v2, v3, post, and the review's proposals on the two revisions they were made for: v3-proposed, post-proposed. */
  public static List<Target> all(Spec spec) {
    List<Target> out = new ArrayList<>();
    for (Revision r : Revision.values()) out.add(of(spec, r, false));
    out.add(of(spec, Revision.V3, true));
    out.add(of(spec, Revision.POST, true));
    return out;
  }

  public static SeriesRevision series(Revision r) {
    return switch (r) {
      case RFC -> SeriesRevision.RFC;
      case V1 -> SeriesRevision.V1;
      case V2 -> SeriesRevision.V2;
      case V3 -> SeriesRevision.V3;
      case POST -> SeriesRevision.POST;
    };
  }

  @Override public String id() { return id; }
  @Override public Revision revision() { return revision; }
  @Override public boolean proposed() { return model.proposed(); }
  @Override public String description() { return description; }
  public BpfOomRevision model() { return model; }

  @Override
  public String toString() {
    return id;
  }

  // ------------------------------------------------------------------ world

  /** One fresh world per call. */
  private final class Fixture {
    final World w = World.forKernel("6.18.0", Memcg.Hierarchy.V2).setTotalSwapPages(0);
    final Memcg oomTest = w.memcontrol().createPath("/oom_test").setMemoryMax(10000).setSwapMax(0);
    final Task victim;
    final BpfOom bpf;
    final List<String> notes = new ArrayList<>();

    Fixture(Given g) {
      victim = w.newProcess(VICTIM_PID, "victim", 0, new Mm(5000, 5000, 0, 0, 0, 0));
      w.attach(victim, oomTest);
      w.setCurrent(victim);
      bpf = new BpfOom(w, model);
      if (g.platform() != null) {
        bpf.setMaxPageOrder(g.platform().largestValidOrder());
        notes.add("platform " + g.platform().row() + ": MAX_PAGE_ORDER := " + g.platform().largestValidOrder()
            + " (" + g.platform().bound() + " " + g.platform().maxOrder() + ")");
      }
    }

    /** "NULL" → null, "root" and "/" → root, else the path (created when missing). */
    Memcg memcg(String path) {
      if (path == null || path.equals("NULL")) return null;
      if (path.equals("root") || path.equals("/")) return w.rootMemcg();
      return w.memcontrol().createPath(path);
    }

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

    boolean anyKilled() {
      return w.tasks().stream().anyMatch(Task::sigkillPending);
    }

    List<String> log() {
      return w.kmsg().lines();
    }
  }

  private static final Object OTHER_TASK = new Object() {
    @Override public String toString() { return "another task"; }
  };

  // ------------------------------------------------------------------ kfunc

  @Override
  public Answer kfunc(Given g, KfuncCall call) {
    KfuncArgs args = call.argsOrNone();
    Optional<KfuncInfo> info = spec.kfunc(call.kfunc(), revision);
    if (info.isEmpty()) return Answer.notApplicable(call.kfunc() + " does not exist in " + revision);
    Set<String> present = args.present();
    for (String p : present)
      if (!info.get().params().contains(p))
        return Answer.notApplicable(revision + "'s " + info.get().signature() + " has no parameter '" + p + "'");
    for (String p : info.get().params())
      if (!present.contains(p) && !info.get().nullable().contains(p))
        return Answer.notApplicable(revision + "'s " + info.get().signature() + " needs '" + p
            + "', which the clause does not pass");
    Fixture f = new Fixture(g);
    try {
      return switch (call.kfunc()) {
        case BPF_OOM_KILL_PROCESS -> killProcess(f, g, args);
        case BPF_OUT_OF_MEMORY -> outOfMemory(f, g, args);
        case BPF_TASK_IS_OOM_VICTIM -> {
          Task t = f.target(g.task());
          boolean v = f.bpf.kfuncs().bpfTaskIsOomVictim(t);
          yield new Answer.Answered(Observed.ret(v ? 1 : 0), f.log(), f.notes);
        }
        case BPF_PSI_CREATE_TRIGGER -> psiTrigger(f, args);
        case BPF_MEM_CGROUP_PAGE_STATE -> {
          Integer idx = memcgStatIndex(args.idx());
          if (idx == null) yield Answer.notApplicable("stat index '" + args.idx() + "' is not modelled");
          long v = f.bpf.kfuncs().bpfMemCgroupPageState(f.memcg(args.memcg()), idx);
          f.notes.add(args.idx() + " := index " + idx);
          yield new Answer.Answered(Observed.ret(v), f.log(), f.notes);
        }
        default -> Answer.notApplicable(call.kfunc() + " is not modelled as a kfunc call of the reference target");
      };
    } catch (UnsupportedOperationException e) {
      return new Answer.Answered(Observed.ret(Long.MIN_VALUE), f.log(),
          List.of("the model refused the call: " + e.getMessage()));
    }
  }

  private Answer killProcess(Fixture f, Given g, KfuncArgs args) {
    Task t = f.target(g.task());
    OomControl oc = OomControl.memcg(f.oomTest, Gfp.GFP_KERNEL, 0);
    f.notes.add("oc: memcg OOM of /oom_test, the handler's own; task " + t);
    int ret = f.bpf.kfuncs().bpfOomKillProcess(oc, t, args.message());
    Observed o = new Observed((long) ret, t.sigkillPending(), oc.bpfMemoryFreed(), null, null, null, null, null,
        null, null);
    return new Answer.Answered(o, f.log(), f.notes);
  }

  private Answer outOfMemory(Fixture f, Given g, KfuncArgs args) {
    if (args.task() != null || g.task() != null) f.target(g.task());
    BpfKfuncs k = f.bpf.kfuncs();
    LockState lock = g.oomLock() == null ? LockState.FREE : g.oomLock();
    boolean fatal = Boolean.TRUE.equals(g.fatalSignalWhileWaiting());
    boolean waits = switch (model.oomSignature()) {
      case MEMCG_ORDER -> false;
      case MEMCG_ORDER_WAIT_CONSTRAINT -> Boolean.TRUE.equals(args.waitOnOomLock());
      default -> (args.flagsValue() & BpfKfuncs.BPF_OOM_FLAGS_WAIT_ON_OOM_LOCK) != 0
          && (args.flagsValue() & ~model.knobs().validFlags()) == 0;
    };
    if (waits && lock == LockState.HELD_BY_CALLER)
      return Answer.notApplicable("a waiting call from the oom_lock holder deadlocks; nothing to observe");
    boolean hatch = g.escapeHatch() != null;
    if (hatch) f.bpf.setEscapeHatch(() -> !"abort".equals(g.escapeHatch()));
    Thread releaser = null;
    Memcg memcg = f.memcg(args.memcg());
    int order = args.order() == null ? 0 : args.order();
    switch (lock) {
      case HELD_BY_OTHER -> {
        f.w.oomLock().tryLockAs(OTHER_TASK);
        f.notes.add("oom_lock held by another task");
        if (waits && !fatal) {
          if (!hatch) {
            f.notes.add("the call blocks in mutex_lock_killable(&oom_lock) for as long as the other task holds it"
                + " (the whole call): it never returns, oom_lock is not taken, out_of_memory() does not run");
            return new Answer.Answered(new Observed(null, f.anyKilled(), null, false, false, null, null, null, null,
                null), f.log(), f.notes);
          }
          Thread caller = Thread.currentThread();
          releaser = new Thread(() -> {
            while (caller.getState() != Thread.State.WAITING) Thread.onSpinWait();
            f.w.oomLock().unlockAs(OTHER_TASK);
          }, "oom_lock-releaser");
          releaser.setDaemon(true);
          f.notes.add("the other task releases oom_lock once the caller waits; escape hatch answers " + g.escapeHatch());
        }
      }
      case HELD_BY_CALLER -> {
        f.w.oomLock().tryLock();
        f.notes.add("oom_lock held by the caller (inside out_of_memory())");
      }
      default -> { }
    }
    long before = f.w.oomLock().acquisitions();
    if (fatal) {
      Thread.currentThread().interrupt();
      f.notes.add("fatal signal pending while waiting");
    }
    if (releaser != null) releaser.start();
    int ret;
    try {
      ret = switch (model.oomSignature()) {
        case MEMCG_ORDER -> k.bpfOutOfMemory(memcg, order);
        case MEMCG_ORDER_WAIT_CONSTRAINT -> k.bpfOutOfMemory(memcg, order, Boolean.TRUE.equals(args.waitOnOomLock()),
            args.constraintText());
        case MEMCG_ORDER_FLAGS_CONSTRAINT -> k.bpfOutOfMemory(memcg, order, args.flagsValue(), args.constraintText());
        case MEMCG_ORDER_FLAGS -> k.bpfOutOfMemory(memcg, order, args.flagsValue());
      };
    } finally {
      Thread.interrupted(); // the signal does not outlive the call
      if (releaser != null) {
        try {
          releaser.join(5000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    boolean taken = f.w.oomLock().acquisitions() > before;
    boolean invoked = k.lastDeclaredOomControl() != null;
    Observed o = new Observed((long) ret, f.anyKilled(), null, taken, invoked, null, null, null, null, null);
    return new Answer.Answered(o, f.log(), f.notes);
  }

  private Answer psiTrigger(Fixture f, KfuncArgs args) {
    Integer resource = psiResource(args.resource());
    if (resource == null) return Answer.notApplicable("PSI resource '" + args.resource() + "' is not modelled");
    long cgroupId;
    if (args.cgroupId() == null || args.cgroupId().matches("\\d+")) {
      cgroupId = args.cgroupId() == null ? 0 : Long.parseLong(args.cgroupId());
    } else {
      cgroupId = f.memcg(args.cgroupId()).cgroupId();
    }
    int ret = f.bpf.kfuncs().bpfPsiCreateTrigger(cgroupId, resource,
        args.thresholdUs() == null ? 0 : args.thresholdUs(), args.windowUs() == null ? 0 : args.windowUs());
    f.notes.add("resource " + args.resource() + " := 0x" + Integer.toHexString(resource));
    return new Answer.Answered(Observed.ret(ret), f.log(), f.notes);
  }

  /** enum psi_res (PSI_IO, PSI_MEM, PSI_CPU, PSI_IRQ, NR_PSI_RESOURCES) and BPF_PSI_FULL, '|'-combined. */
  static Integer psiResource(String text) {
    if (text == null) return null;
    int v = 0;
    for (String part : text.split("\\|")) {
      switch (part.trim()) {
        case "PSI_IO" -> v |= 0;
        case "PSI_MEM" -> v |= 1;
        case "PSI_CPU" -> v |= 2;
        case "PSI_IRQ" -> v |= 3;
        case "NR_PSI_RESOURCES" -> v |= BpfKfuncs.NR_PSI_RESOURCES;
        case "BPF_PSI_FULL" -> v |= BpfKfuncs.BPF_PSI_FULL;
        default -> {
          return null;
        }
      }
    }
    return v;
  }

  /** NR_FILE_PAGES is the model's one stat; MEMCG_NR_STAT is the first index past the enum. */
  static Integer memcgStatIndex(String idx) {
    if (idx == null) return null;
    return switch (idx) {
      case "NR_FILE_PAGES" -> BpfKfuncs.NR_FILE_PAGES;
      case "MEMCG_NR_STAT" -> 1 << 16;
      default -> idx.matches("\\d+") ? Integer.valueOf(idx) : null;
    };
  }

  // ------------------------------------------------------------------ filter

  @Override
  public Answer filter(FilterCall call) {
    List<String> notes = new ArrayList<>();
    if (spec.kfunc(call.kfunc(), revision).isEmpty())
      return Answer.notApplicable(call.kfunc() + " does not exist in " + revision);
    if (call.progType().equals("UNSPEC")) {
      notes.add("BPF_PROG_LOAD rejects BPF_PROG_TYPE_UNSPEC before any kfunc lookup (answered by the target's"
          + " syscall layer, not by the OOM model)");
      return new Answer.Answered(Observed.verdict("not-loadable"), List.of(), notes);
    }
    if (call.progType().equals("EXT")) {
      notes.add("BPF_PROG_TYPE_EXT is verified as its target program's type (answered by the target's syscall"
          + " layer, not by the OOM model)");
      return new Answer.Answered(Observed.verdict("inherits-target"), List.of(), notes);
    }
    ProgType type = progType(call.progType());
    AttachTarget at = attachTarget(type, call.attachTarget());
    dev.oomspec.reference.bpf.Kfunc kf = kfunc(call.kfunc(), revision);
    notes.add("model question: " + type + " / " + at + " / " + kf + ", sleepable site " + call.sleepableSite());
    FilterVerdict v = KfuncFilter.verdict(model, type, at, kf, call.sleepableSite(), true);
    String spelled = switch (v) {
      case ALLOWED -> "allowed";
      case EACCES_FILTER -> "EACCES";
      case NOT_VISIBLE -> "not-visible";
      case VERIFIER_SLEEPABLE -> "verifier-sleepable";
    };
    return new Answer.Answered(Observed.verdict(spelled), List.of(), notes);
  }

  static ProgType progType(String t) {
    return switch (t) {
      case "STRUCT_OPS" -> ProgType.STRUCT_OPS;
      case "TRACING" -> ProgType.TRACING;
      case "TRACEPOINT" -> ProgType.TRACEPOINT;
      case "RAW_TRACEPOINT" -> ProgType.RAW_TRACEPOINT;
      case "PERF_EVENT" -> ProgType.PERF_EVENT;
      case "LSM" -> ProgType.LSM;
      case "KPROBE" -> ProgType.KPROBE;
      case "SYSCALL" -> ProgType.SYSCALL;
      default -> ProgType.OTHER;
    };
  }

  static AttachTarget attachTarget(ProgType type, String target) {
    if (type == ProgType.STRUCT_OPS) {
      return switch (target) {
        case "bpf_oom_ops" -> AttachTarget.BPF_OOM_OPS;
        case "bpf_psi_ops" -> AttachTarget.BPF_PSI_OPS;
        default -> AttachTarget.OTHER_STRUCT_OPS;
      };
    }
    if (type == ProgType.TRACING)
      return target.equals("tp_btf/psi_avgs_work") ? AttachTarget.TP_BTF_PSI_AVGS_WORK : AttachTarget.OTHER_TRACING;
    return AttachTarget.NONE;
  }

  static dev.oomspec.reference.bpf.Kfunc kfunc(Kfunc k, Revision r) {
    return switch (k) {
      case BPF_OOM_KILL_PROCESS -> dev.oomspec.reference.bpf.Kfunc.BPF_OOM_KILL_PROCESS;
      case BPF_OUT_OF_MEMORY -> dev.oomspec.reference.bpf.Kfunc.BPF_OUT_OF_MEMORY;
      case BPF_TASK_IS_OOM_VICTIM -> dev.oomspec.reference.bpf.Kfunc.BPF_TASK_IS_OOM_VICTIM;
      case BPF_PSI_CREATE_TRIGGER -> dev.oomspec.reference.bpf.Kfunc.BPF_PSI_CREATE_TRIGGER;
      case BPF_MEM_CGROUP_FLUSH_STATS -> r == Revision.RFC
          ? dev.oomspec.reference.bpf.Kfunc.MEMCG_KFUNC : dev.oomspec.reference.bpf.Kfunc.MEMCG_SLEEPABLE_KFUNC;
      case BPF_GET_MEM_CGROUP, BPF_PUT_MEM_CGROUP, BPF_GET_ROOT_MEM_CGROUP, BPF_MEM_CGROUP_EVENTS,
          BPF_MEM_CGROUP_VM_EVENTS, BPF_MEM_CGROUP_MEMORY_EVENTS, BPF_MEM_CGROUP_USAGE, BPF_MEM_CGROUP_PAGE_STATE ->
          dev.oomspec.reference.bpf.Kfunc.MEMCG_KFUNC;
      case TCP_SLOW_START -> dev.oomspec.reference.bpf.Kfunc.OTHER_STRUCT_OPS_KFUNC;
    };
  }

  // ------------------------------------------------------------------ attach

  @Override
  public Answer attach(Given g, AttachCall call) {
    if ("bpf_psi_ops".equals(call.ops())) return attachPsi(call);
    if (!"bpf_oom_ops".equals(call.ops()))
      return Answer.notApplicable("the reference model has no " + call.ops() + " registration");
    Fixture f = new Fixture(g);
    boolean hasHandler = call.members() == null || call.members().contains("handle_out_of_memory");
    BpfOomHandler h = hasHandler ? Handlers.returns("attached_policy", 0) : null;
    if (!hasHandler) f.notes.add("struct_ops map without handle_out_of_memory");
    // occupy, then mark dying (a dying cgroup cannot be attached to)
    if (g.occupiedSlots() != null) {
      for (String slot : g.occupiedSlots()) {
        Memcg at = slot.equals("system") ? null : f.memcg(slot);
        int r = f.bpf.attach(Handlers.returns("occupant", 0), at);
        f.notes.add("slot " + slot + " occupied (attach returned " + r + ")");
      }
    }
    if (g.dyingCgroups() != null) for (String d : g.dyingCgroups()) f.memcg(d).setDying(true);
    CgroupFd fd = call.cgroupFd() == null ? CgroupFd.NONE : call.cgroupFd();
    Memcg cg = fd == CgroupFd.VALID ? f.memcg(call.cgroup() == null ? "/" : call.cgroup()) : null;
    BpfOom.Attach req;
    switch (model.attach()) {
      case FMOD_RET -> {
        return Answer.notApplicable("RFC has no struct_ops: the handler is an fmod_ret program");
      }
      case GLOBAL_LIST -> {
        if (fd != CgroupFd.NONE) return Answer.notApplicable("v1 attaches system-wide only (no cgroup fd)");
        req = new BpfOom.GlobalOps(h);
      }
      case SYSTEM_AND_MEMCG_SLOTS -> {
        if (call.linkFlags() != null)
          for (String fl : call.linkFlags())
            if (!fl.equals("BPF_F_CGROUP_FD"))
              return Answer.notApplicable("v2 has no link flags (the cgroup is passed as relative_fd)");
        if (call.linkFlags() != null && !call.linkFlags().isEmpty())
          f.notes.add("BPF_F_CGROUP_FD dropped: v2 passes the cgroup as relative_fd");
        req = new BpfOom.V2Ops(h, cg, fd == CgroupFd.BAD);
      }
      case CGROUP_LINK -> {
        if (call.api() == AttachApi.MAP_UPDATE) {
          req = new BpfOom.V3LegacyReg(h);
        } else {
          int flags = 0;
          if (call.linkFlags() == null) {
            if (fd != CgroupFd.NONE) flags = BpfOom.BPF_F_CGROUP_FD;
            f.notes.add("no linkFlags in the clause: v3 passes a cgroup fd as target_fd with BPF_F_CGROUP_FD");
          } else {
            for (String fl : call.linkFlags())
              flags |= fl.equals("BPF_F_CGROUP_FD") ? BpfOom.BPF_F_CGROUP_FD : Integer.decode(fl);
          }
          req = new BpfOom.V3Link(h, flags, cg);
        }
      }
      case CGROUP_STRUCT_OPS -> {
        if (fd == CgroupFd.BAD) return Answer.notApplicable("post's attach errors are unspecified (ATT-15)");
        req = new BpfOom.CgroupOps(h, cg == null ? f.w.rootMemcg() : cg);
      }
      default -> throw new IllegalStateException();
    }
    f.notes.add("attach request: " + describe(req));
    int ret = f.bpf.attach(req);
    return new Answer.Answered(Observed.ret(ret), f.log(), f.notes);
  }

  /** bpf_psi_ops (v1, v2): registration rules only; the init program returns 0. */
  private Answer attachPsi(AttachCall call) {
    if (!model.psiStructOps()) return Answer.notApplicable(revision + " has no bpf_psi_ops");
    Set<String> members = call.members() == null ? BpfPsi.MANDATORY : Set.copyOf(call.members());
    List<String> notes = new ArrayList<>();
    notes.add("bpf_psi_ops with programs for " + new TreeSet<>(members) + "; init returns 0");
    int ret = BpfPsi.reg(model, members, () -> 0);
    return new Answer.Answered(Observed.ret(ret), List.of(), notes);
  }

  private static String describe(BpfOom.Attach req) {
    String s = req.toString();
    return s.replaceAll("handler=[^,\\]]+", "handler=…");
  }

  // ------------------------------------------------------------------ dispatch

  /** A handler of the clause: optionally kills the first killable task of the OOM domain, then returns. */
  private static BpfOomHandler handler(Handler spec, World w, String message) {
    return Handlers.of(spec.name(), (oc, ctx) -> {
      if (spec.kills()) {
        Task t = pick(oc, w);
        if (t != null) ctx.kfuncs().bpfOomKillProcess(oc, t, message);
      }
      return spec.returns();
    });
  }

  private static Task pick(OomControl oc, World w) {
    List<Task> pool = oc.memcg() == null ? w.processes() : tasksBelow(oc.memcg());
    for (Task t : pool)
      if (!t.sigkillPending() && !OomKill.oomUnkillableTask(t) && t.mm() != null) return t;
    return null;
  }

  private static List<Task> tasksBelow(Memcg m) {
    List<Task> out = new ArrayList<>();
    for (Memcg c : Memcontrol.preOrder(m)) for (Task t : c.tasks()) if (t.threadGroupLeader()) out.add(t);
    return out;
  }

  private String attachAt(Fixture f, Handler h, BpfOomHandler impl) {
    String at = h.at();
    int ret;
    if (at.equals("hook")) {
      if (model.attach() != BpfOomRevision.AttachModel.FMOD_RET)
        return revision + " has no fmod_ret hook";
      ret = f.bpf.attach(impl, null);
    } else if (at.equals("system")) {
      ret = f.bpf.attach(impl, null);
      f.notes.add(h.name() + " attached system-wide (" + model.attach() + ")");
    } else {
      if (model.attach() == BpfOomRevision.AttachModel.FMOD_RET
          || model.attach() == BpfOomRevision.AttachModel.GLOBAL_LIST)
        return revision + " has no per-cgroup attach (handler " + h.name() + " at " + at + ")";
      ret = f.bpf.attach(impl, f.memcg(at));
      f.notes.add(h.name() + " attached at " + at);
    }
    if (ret != 0) return "set-up failed: attaching " + h.name() + " at " + at + " returned " + ret;
    return null;
  }

  @Override
  public Answer dispatch(Given g, DispatchCall call) {
    Fixture f = new Fixture(g);
    boolean global = call.oom().equals("global");
    Memcg oomMemcg = global ? null : f.memcg(call.oom());
    if (oomMemcg != null && oomMemcg != f.oomTest) {
      Task t = f.w.newProcess(201, "inner", 0, new Mm(3000, 3000, 0, 0, 0, 0));
      f.w.attach(t, oomMemcg);
      f.notes.add("process inner(201) created in " + call.oom());
    }
    for (Handler h : call.handlers()) {
      String problem = attachAt(f, h, handler(h, f.w, "bpf oom test"));
      if (problem != null) return Answer.notApplicable(problem);
    }
    OomControl oc = global ? OomControl.global(Gfp.GFP_KERNEL, 0) : OomControl.memcg(oomMemcg, Gfp.GFP_KERNEL, 0);
    runOom(f, oc);
    BpfOom.Dispatch d = (BpfOom.Dispatch) oc.bpfDispatch();
    boolean kernel = oc.exit() == OomControl.Exit.KILLED || oc.exit() == OomControl.Exit.ABORTED_EXISTING_VICTIM
        || oc.exit() == OomControl.Exit.NO_KILLABLE_PROCESS;
    f.notes.add("out_of_memory() exit: " + oc.exit());
    Observed o = new Observed(null, f.anyKilled(), oc.bpfMemoryFreed(), null, null, null,
        d != null && d.handled(), d == null ? List.of() : d.names(), kernel, null);
    return new Answer.Answered(o, f.log(), f.notes);
  }

  private static void runOom(Fixture f, OomControl oc) {
    f.w.oomLock().lockKillable();
    try {
      f.w.oomKill().outOfMemory(oc);
    } finally {
      f.w.oomLock().unlock();
    }
  }

  // ------------------------------------------------------------------ report

  @Override
  public Answer report(Given g, ReportCall call) {
    Fixture f = new Fixture(g);
    switch (call.scenario()) {
      case BPF_HANDLER_KILL, KERNEL_KILL_AFTER_FALLBACK -> {
        boolean kills = call.scenario() == dev.oomspec.spec.model.ReportScenario.BPF_HANDLER_KILL;
        String name = call.handlerName() == null ? "" : call.handlerName();
        Handler h = new Handler(name, "/oom_test", kills ? 1 : 0, kills);
        BpfOomHandler impl = handler(h, f.w, call.message() == null ? "bpf oom test" : call.message());
        Memcg at = model.attach() == BpfOomRevision.AttachModel.FMOD_RET
            || model.attach() == BpfOomRevision.AttachModel.GLOBAL_LIST ? null : f.oomTest;
        int r = f.bpf.attach(impl, at);
        if (r != 0) return Answer.notApplicable("set-up failed: attach returned " + r);
        f.notes.add("handler '" + name + "' attached " + (at == null ? "system-wide" : "at /oom_test")
            + (kills ? ", kills and returns 1" : ", returns 0 without a kill"));
        runOom(f, OomControl.memcg(f.oomTest, Gfp.GFP_KERNEL, 0));
      }
      case KERNEL_KILL -> runOom(f, OomControl.memcg(f.oomTest, Gfp.GFP_KERNEL, 0));
      case BPF_OUT_OF_MEMORY -> {
        BpfKfuncs k = f.bpf.kfuncs();
        String ct = call.constraintText();
        int ret = switch (model.oomSignature()) {
          case MEMCG_ORDER -> ct == null ? k.bpfOutOfMemory(f.oomTest, 0) : Integer.MIN_VALUE;
          case MEMCG_ORDER_WAIT_CONSTRAINT -> k.bpfOutOfMemory(f.oomTest, 0, false, ct);
          case MEMCG_ORDER_FLAGS_CONSTRAINT -> k.bpfOutOfMemory(f.oomTest, 0, 0L, ct);
          case MEMCG_ORDER_FLAGS -> ct == null ? k.bpfOutOfMemory(f.oomTest, 0, 0L) : Integer.MIN_VALUE;
        };
        if (ret == Integer.MIN_VALUE)
          return Answer.notApplicable(revision + "'s bpf_out_of_memory() has no constraint_text parameter");
        f.notes.add("bpf_out_of_memory(/oom_test, 0, …" + (ct == null ? "" : ", \"" + ct + "\"") + ") = " + ret);
      }
      default -> throw new IllegalStateException(call.scenario().toString());
    }
    List<String> lines = f.log();
    return new Answer.Answered(Observed.report(lines), lines, f.notes);
  }
}
