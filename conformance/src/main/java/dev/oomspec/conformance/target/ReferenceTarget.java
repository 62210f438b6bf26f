package dev.oomspec.conformance.target;

import dev.oomspec.reference.bpf.BpfProg;
import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.bpf.Verifier;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.series.AttachRequest;
import dev.oomspec.reference.series.Handler;
import dev.oomspec.reference.series.KfuncArgs;
import dev.oomspec.reference.series.Outcome;
import dev.oomspec.reference.uapi.BpfLink;
import dev.oomspec.spec.Spec;
import dev.oomspec.spec.model.AttachApi;
import dev.oomspec.spec.model.AttachCall;
import dev.oomspec.spec.model.CgroupFd;
import dev.oomspec.spec.model.DispatchCall;
import dev.oomspec.spec.model.FilterCall;
import dev.oomspec.spec.model.Given;
import dev.oomspec.spec.model.KfuncCall;
import dev.oomspec.spec.model.ReportCall;
import dev.oomspec.spec.model.ReportScenario;
import dev.oomspec.spec.model.Revision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference model at one revision of the series, as a {@link Target}: each call builds a fresh {@link Fixture}
 * with that revision's transcription booted ({@code dev.oomspec.reference.series.<rev>.Series}), translates the
 * clause's {@code given} and {@code call} into model calls, and reports what the model's observer saw. Nothing here
 * computes an expected value: a call the revision cannot express is {@link Answer.NotApplicable} with the revision's
 * own reason.
 */
public final class ReferenceTarget implements Target {
  private final String id;
  private final Revision revision;
  private final boolean proposed;

  private ReferenceTarget(Revision revision, boolean proposed) {
    this.revision = revision;
    this.proposed = proposed;
    this.id = revision.displayName() + (proposed ? "-proposed" : "");
  }

  /** The reference model at {@code r}, with or without the review's proposals (v3 and post only). */
  public static ReferenceTarget of(Spec spec, Revision r, boolean proposed) { return new ReferenceTarget(r, proposed); }

  /** RFC, v1, v2, v3, post, and the review's proposals on the two revisions they were made for. */
  public static List<Target> all(Spec spec) {
    List<Target> out = new ArrayList<>();
    for (Revision r : Revision.values()) out.add(of(spec, r, false));
    out.add(of(spec, Revision.V3, true));
    out.add(of(spec, Revision.POST, true));
    return out;
  }

  @Override public String id() { return id; }
  @Override public Revision revision() { return revision; }
  @Override public boolean proposed() { return proposed; }
  @Override public String description() {
    return "reference model: the " + revision.displayName() + " transcription"
        + (proposed ? " with the review's proposals P-01..P-05" : "");
  }
  @Override public String toString() { return id; }

  private Fixture fixture(Given g) { return new Fixture(revision, proposed, g); }

  // ------------------------------------------------------------------ kfunc

  @Override
  public Answer kfunc(Given g, KfuncCall call) {
    Fixture f = fixture(g);
    String name = call.kfunc().spelling();
    dev.oomspec.spec.model.KfuncArgs a = call.argsOrNone();
    if (a.resource() != null && Calls.psiResource(a.resource()) == null)
      return Answer.notApplicable("PSI resource '" + a.resource() + "' is not one of enum psi_res");
    if (a.idx() != null && Calls.memcgStatIndex(a.idx()) == null)
      return Answer.notApplicable("stat item '" + a.idx() + "' is not kept by the model");
    KfuncArgs args = Calls.args(f, a, g);
    if (a.task() == null && g.task() != null) f.target(g.task());
    BpfProg caller = Calls.caller(f.series, name);
    if (caller == null)
      return Answer.notApplicable(id + ": no program type the model knows may call " + name
          + " (every candidate caller is refused by this revision's verifier/filters)");
    f.notes.add("caller: " + caller.type() + (caller.attachBtfId() == null ? "" : " " + caller.attachBtfId())
        + (caller.sleepable() ? ", sleepable" : ""));
    OomControl oc = OomControl.memcg(f.oomTest, Gfp.GFP_KERNEL, 0);
    if (name.equals("bpf_out_of_memory")) return outOfMemory(f, g, caller, args);
    Outcome out = f.series.kfunc(caller, name, args, oc);
    if (out instanceof Outcome.NotExpressible n) return Answer.notApplicable(n.reason());
    if (out instanceof Outcome.Rejected r) return Answer.notApplicable("the verifier rejects the caller: " + r.verdict());
    if (out instanceof Outcome.ReturnedMemcg m) {
      String path = m.memcg() == null ? "NULL" : m.memcg() == f.w.rootMemcg() ? "/" : m.memcg().path();
      return new Answer.Answered(new Observed(null, null, null, null, null, null, null, null, null, null, null, path),
          f.log(), f.notes);
    }
    long ret = ((Outcome.Returned) out).value();
    Task t = args.has("task") ? args.taskArg() : null;
    Observed o = name.equals("bpf_oom_kill_process")
        ? new Observed(ret, t != null && t.sigkillPending(), oc.bpfMemoryFreed(), null, null, null, null, null, null, null, null, null)
        : Observed.ret(ret);
    return new Answer.Answered(o, f.log(), f.notes);
  }

  private static final Object OTHER_TASK = new Object() {
    @Override public String toString() { return "another task"; }
  };

  /**
   * bpf_out_of_memory() with oom_lock as {@code given} says. The call runs on a thread of its own; when it stays
   * blocked on oom_lock that nobody will release, the observation is "did not return" (the thread is then ended with a
   * fatal signal and that result discarded).
   */
  private Answer outOfMemory(Fixture f, Given g, BpfProg caller, KfuncArgs args) {
    var lock = g.oomLock() == null ? dev.oomspec.spec.model.LockState.FREE : g.oomLock();
    boolean fatal = Boolean.TRUE.equals(g.fatalSignalWhileWaiting());
    if (g.escapeHatch() != null) {
      if (f.series instanceof dev.oomspec.reference.series.v3proposed.Series s) s.setEscapeHatch(() -> !"abort".equals(g.escapeHatch()));
      else if (f.series instanceof dev.oomspec.reference.series.postproposed.Series s) s.setEscapeHatch(() -> !"abort".equals(g.escapeHatch()));
      else f.notes.add("escape hatch '" + g.escapeHatch() + "': " + id + " has no such callback");
    }
    if (lock == dev.oomspec.spec.model.LockState.HELD_BY_OTHER) {
      f.w.oomLock().tryLockAs(OTHER_TASK);
      f.notes.add("oom_lock held by another task" + (g.escapeHatch() != null ? ", released once the caller waits" : " for the whole call"));
    }
    boolean heldByCaller = lock == dev.oomspec.spec.model.LockState.HELD_BY_CALLER;
    if (heldByCaller) f.notes.add("oom_lock held by the caller (inside out_of_memory())");
    if (fatal) f.notes.add("a fatal signal is pending while it waits");
    long acquisitionsBefore = f.w.oomLock().acquisitions() + (heldByCaller ? 1 : 0);
    int runsBefore = f.model.recorder().runs().size();
    long[] ret = {Long.MIN_VALUE};
    boolean[] heldAfter = {false};
    Throwable[] crash = {null};
    OomControl oc = OomControl.memcg(f.oomTest, Gfp.GFP_KERNEL, 0);
    Thread worker = new Thread(() -> {
      if (heldByCaller) f.w.oomLock().tryLock();
      if (fatal) Thread.currentThread().interrupt();
      Outcome out = f.series.kfunc(caller, "bpf_out_of_memory", args, oc);
      heldAfter[0] = f.w.oomLock().isLocked(); // before the caller's own out_of_memory() lets go of it
      if (heldByCaller && f.w.oomLock().isHeldByCurrentThread()) f.w.oomLock().unlock();
      ret[0] = out instanceof Outcome.Returned r ? r.value() : Long.MAX_VALUE;
      if (out instanceof Outcome.NotExpressible n) f.notes.add("n/a: " + n.reason());
    }, "bpf_out_of_memory-caller");
    worker.setUncaughtExceptionHandler((t, e) -> crash[0] = e);
    worker.setDaemon(true);
    worker.start();
    boolean released = lock != dev.oomspec.spec.model.LockState.HELD_BY_OTHER || g.escapeHatch() == null;
    boolean blocked = false;
    int waitingSeen = 0;
    while (worker.isAlive()) {
      try {
        worker.join(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (worker.getState() == Thread.State.WAITING) {
        if (!released) {
          f.w.oomLock().unlockAs(OTHER_TASK);
          released = true;
          waitingSeen = 0;
          continue;
        }
        if (++waitingSeen >= 20) { blocked = true; break; }
      } else {
        waitingSeen = 0;
      }
    }
    if (blocked) {
      worker.interrupt(); // end the model thread; its result is not the observation
      try {
        worker.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      f.notes.add("the call stayed blocked in mutex_lock_killable(&oom_lock) with no one to release it: no return");
      return new Answer.Answered(new Observed(null, f.anyKilled(), null, false, false, null, null, null, null, null, null, null),
          f.log(), f.notes);
    }
    if (crash[0] != null) throw new IllegalStateException("the model failed inside bpf_out_of_memory()", crash[0]);
    if (ret[0] == Long.MAX_VALUE)
      return Answer.notApplicable(f.notes.get(f.notes.size() - 1).substring("n/a: ".length()));
    boolean taken = f.w.oomLock().acquisitions() > acquisitionsBefore;
    boolean invoked = f.model.recorder().runs().size() > runsBefore;
    if (!heldAfter[0]) f.notes.add("oom_lock free once the call returned");
    return new Answer.Answered(new Observed(ret[0], f.anyKilled(), null, taken, invoked, null, null, null, null, null,
        heldAfter[0], null),
        f.log(), f.notes);
  }

  // ------------------------------------------------------------------ filter

  @Override
  public Answer filter(FilterCall call) {
    Fixture f = fixture(Given.EMPTY);
    Btf btf = f.series.boot().btf();
    BpfProg prog = Calls.filterProg(call.progType(), call.attachTarget(), call.sleepableSite());
    Verifier.KfuncVerdict v = Verifier.checkKfuncCall(btf, prog, call.kfunc().spelling());
    List<String> notes = List.of("program: " + prog.type() + (prog.attachBtfId() == null ? "" : " " + prog.attachBtfId())
        + (prog.stOps() == null ? "" : " (st_ops " + prog.stOps() + ")") + ", call site "
        + (call.sleepableSite() ? "sleepable" : "not sleepable") + "; kfunc hook "
        + btf.bpfProgTypeToKfuncHook(prog.resolveProgType()) + " (" + btf.tree() + ")" + "; verifier: " + v);
    return new Answer.Answered(Observed.verdict(Calls.spell(v)), List.of(), notes);
  }

  // ------------------------------------------------------------------ attach

  @Override
  public Answer attach(Given g, AttachCall call) {
    Fixture f = fixture(g);
    if ("bpf_psi_ops".equals(call.ops())) {
      Set<String> members = Set.copyOf(call.members() == null ? f.series.psiOpsMembers() : call.members());
      int init = call.initReturns() == null ? 0 : call.initReturns();
      Outcome out = f.series.attachPsi(members, () -> init);
      if (out instanceof Outcome.NotExpressible n) return Answer.notApplicable(n.reason());
      f.notes.add("bpf_psi_ops with programs for " + members + "; init returns " + init);
      return new Answer.Answered(Observed.ret(((Outcome.Returned) out).value()), f.log(), f.notes);
    }
    if (!"bpf_oom_ops".equals(call.ops())) return Answer.notApplicable("the model has no " + call.ops());
    if (f.series.handlerProg().type() != dev.oomspec.reference.uapi.BpfProgType.STRUCT_OPS)
      return Answer.notApplicable(id + " has no struct bpf_oom_ops: its OOM handler is a "
          + f.series.handlerProg().type() + " program on " + f.series.handlerProg().attachBtfId());
    if (g.occupiedSlots() != null) {
      for (String slot : g.occupiedSlots()) {
        Outcome r = f.series.attachOom(new AttachRequest(true, null, f.slot(slot), Set.of("handle_out_of_memory")),
            "occupant", (oc, ctx) -> 0);
        if (!(r instanceof Outcome.Returned ret) || ret.value() != 0)
          return Answer.notApplicable("set-up failed: occupying " + slot + " gave " + r);
        f.notes.add("slot " + slot + " occupied first");
      }
    }
    if (g.releasedLink() != null) {
      Answer na = attachReleased(f, g.releasedLink(), (oc, ctx) -> 0);
      if (na != null) return na;
      na = release(f);
      if (na != null) return na;
    }
    if (g.dyingCgroups() != null) for (String d : g.dyingCgroups()) f.memcg(d).setDying(true);
    CgroupFd fd = call.cgroupFd() == null ? CgroupFd.NONE : call.cgroupFd();
    AttachRequest.Fd rfd = switch (fd) {
      case NONE -> new AttachRequest.None();
      case VALID -> new AttachRequest.Valid(f.memcg(call.cgroup() == null ? "/" : call.cgroup()));
      case BAD -> new AttachRequest.Bad();
    };
    Integer flags = null;
    if (call.linkFlags() != null) {
      int v = 0;
      for (String fl : call.linkFlags()) v |= fl.equals("BPF_F_CGROUP_FD") ? BpfLink.BPF_F_CGROUP_FD : Integer.decode(fl);
      flags = v;
      if (revision == Revision.V2 && v == BpfLink.BPF_F_CGROUP_FD) {
        flags = null; // v2 names the cgroup by relative_fd: the flag that says "this fd is a cgroup" has no v2 spelling
        f.notes.add("BPF_F_CGROUP_FD dropped: v2 passes the cgroup as relative_fd");
      }
    }
    Set<String> members = call.members() == null
        ? Set.of("handle_out_of_memory", "handle_cgroup_offline") : new LinkedHashSet<>(call.members());
    AttachRequest req = new AttachRequest(call.api() != AttachApi.MAP_UPDATE, flags, rfd, members);
    f.notes.add("attach request: " + (req.viaLink() ? "BPF_LINK_CREATE" : "map update without a link")
        + ", flags " + (flags == null ? "(the revision's own)" : "0x" + Integer.toHexString(flags)) + ", fd " + fd
        + ", members " + members);
    Outcome out = f.series.attachOom(req, "attached_policy", (oc, ctx) -> 0);
    if (out instanceof Outcome.NotExpressible n) return Answer.notApplicable(n.reason());
    return new Answer.Answered(Observed.ret(((Outcome.Returned) out).value()), f.log(), f.notes);
  }

  private static final String RELEASED = "released_policy";

  /** given.releasedLink, first half: a bpf_oom_ops named released_policy attached through a link at {@code at}. */
  private static Answer attachReleased(Fixture f, String at, Handler h) {
    Outcome r = f.series.attachOom(new AttachRequest(true, null, f.slot(at), Set.of("handle_out_of_memory")), RELEASED, h);
    if (r instanceof Outcome.NotExpressible n) return Answer.notApplicable("set-up: " + n.reason());
    if (!(r instanceof Outcome.Returned ret) || ret.value() != 0)
      return Answer.notApplicable("set-up failed: attaching " + RELEASED + " at " + at + " gave " + r);
    f.notes.add(RELEASED + " attached at " + at + " through a link");
    return null;
  }

  /** given.releasedLink, second half: that link's last fd closed. */
  private static Answer release(Fixture f) {
    Outcome r = f.series.releaseOomLink(RELEASED);
    if (r instanceof Outcome.NotExpressible n) return Answer.notApplicable(n.reason());
    f.notes.add("the link of " + RELEASED + " released");
    return null;
  }

  // ------------------------------------------------------------------ dispatch

  /** A handler of the clause: optionally kills the first killable task of the OOM domain, then returns. */
  private static Handler handler(Fixture f, dev.oomspec.spec.model.Handler h, String message) {
    return (oc, ctx) -> {
      if (h.kills()) {
        Task t = f.firstKillable(oc.memcg());
        if (t != null) ctx.kfunc("bpf_oom_kill_process", new KfuncArgs().task(t).message(message));
      }
      return h.returns();
    };
  }

  @Override
  public Answer dispatch(Given g, DispatchCall call) {
    Fixture f = fixture(g);
    boolean global = call.oom().equals("global");
    Memcg oomMemcg = global ? null : f.memcg(call.oom());
    if (oomMemcg != null && oomMemcg != f.oomTest) {
      Task t = f.w.newProcess(201, "inner", 0, new Mm(3000, 3000, 0, 0, 0, 0));
      f.w.attach(t, oomMemcg);
      f.notes.add("process inner(201) created in " + call.oom());
    }
    boolean hook = f.series.handlerProg().type() != dev.oomspec.reference.uapi.BpfProgType.STRUCT_OPS;
    if (g.releasedLink() != null) {
      if (hook) return Answer.notApplicable(id + "'s OOM handler is a hook program, not a bpf_oom_ops with a link");
      Answer na = attachReleased(f, g.releasedLink(),
          handler(f, new dev.oomspec.spec.model.Handler(RELEASED, g.releasedLink(), 1, true), "bpf oom test"));
      if (na != null) return na;
    }
    for (dev.oomspec.spec.model.Handler h : call.handlers()) {
      if (h.at().equals("hook") != hook)
        return Answer.notApplicable(h.name() + " at " + h.at() + ": " + id + "'s OOM handler is "
            + (hook ? "an fmod_ret program on its hook" : "a struct bpf_oom_ops, not a hook program"));
      Outcome r = f.series.attachOom(new AttachRequest(true, null, f.slot(h.at()), Set.of("handle_out_of_memory")),
          h.name(), handler(f, h, "bpf oom test"));
      if (r instanceof Outcome.NotExpressible n) return Answer.notApplicable(h.name() + " at " + h.at() + ": " + n.reason());
      long ret = ((Outcome.Returned) r).value();
      if (ret != 0) return Answer.notApplicable("set-up failed: attaching " + h.name() + " at " + h.at() + " returned " + ret);
      f.notes.add(h.name() + " attached at " + h.at());
    }
    if (g.releasedLink() != null) {
      Answer na = release(f);
      if (na != null) return na;
    }
    OomControl oc = global ? OomControl.global(Gfp.GFP_KERNEL, 0) : OomControl.memcg(oomMemcg, Gfp.GFP_KERNEL, 0);
    OomRecorder.Run run = f.model.outOfMemory(oc);
    f.notes.add("out_of_memory() exit: " + run.exit());
    Observed o = new Observed(null, f.anyKilled(), oc.bpfMemoryFreed(), null, null, null,
        Boolean.TRUE.equals(run.bpfHandled()), run.handlerNames(), run.kernelKillerRan(), null, null, null);
    return new Answer.Answered(o, f.log(), f.notes);
  }

  // ------------------------------------------------------------------ report

  @Override
  public Answer report(Given g, ReportCall call) {
    Fixture f = fixture(g);
    switch (call.scenario()) {
      case BPF_HANDLER_KILL, KERNEL_KILL_AFTER_FALLBACK -> {
        boolean kills = call.scenario() == ReportScenario.BPF_HANDLER_KILL;
        String name = call.handlerName() == null ? "" : call.handlerName();
        var h = new dev.oomspec.spec.model.Handler(name, "/oom_test", kills ? 1 : 0, kills);
        AttachRequest.Fd at = switch (f.series.revision()) {
          case RFC, V1 -> new AttachRequest.None();
          default -> new AttachRequest.Valid(f.oomTest);
        };
        Outcome r = f.series.attachOom(new AttachRequest(true, null, at, Set.of("handle_out_of_memory")), name,
            handler(f, h, call.message() == null ? "bpf oom test" : call.message()));
        if (!(r instanceof Outcome.Returned ret) || ret.value() != 0)
          return Answer.notApplicable("set-up failed: attach gave " + r);
        f.notes.add("handler '" + name + "' attached " + (at instanceof AttachRequest.None ? "system-wide" : "at /oom_test")
            + (kills ? ", kills and returns 1" : ", returns 0 without a kill"));
        f.model.outOfMemory(OomControl.memcg(f.oomTest, Gfp.GFP_KERNEL, 0));
      }
      case KERNEL_KILL -> f.model.outOfMemory(OomControl.memcg(f.oomTest, Gfp.GFP_KERNEL, 0));
      case BPF_OUT_OF_MEMORY -> {
        KfuncArgs a = new KfuncArgs().memcg(f.oomTest).order(0);
        switch (f.series.revision()) {
          case V1 -> a.waitOnOomLock(false);
          case V2, V3, POST -> a.flags(0);
          default -> { }
        }
        if (call.constraintText() != null) a.constraintText(call.constraintText());
        BpfProg caller = Calls.caller(f.series, "bpf_out_of_memory");
        if (caller == null) return Answer.notApplicable(id + ": no program may call bpf_out_of_memory");
        Outcome out = f.series.kfunc(caller, "bpf_out_of_memory", a, OomControl.memcg(f.oomTest, Gfp.GFP_KERNEL, 0));
        if (out instanceof Outcome.NotExpressible n) return Answer.notApplicable(n.reason());
        f.notes.add("bpf_out_of_memory(/oom_test, 0, …" + (call.constraintText() == null ? "" : ", \"" + call.constraintText() + "\"")
            + ") from " + caller.type() + " = " + out);
      }
      default -> throw new IllegalStateException(call.scenario().toString());
    }
    List<String> lines = f.log();
    return new Answer.Answered(Observed.report(lines), lines, f.notes);
  }
}
