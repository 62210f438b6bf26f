package dev.oomspec.spec.docs;

import dev.oomspec.spec.Spec;
import dev.oomspec.spec.model.AttachCall;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.ClauseKind;
import dev.oomspec.spec.model.DispatchCall;
import dev.oomspec.spec.model.Enforcer;
import dev.oomspec.spec.model.FilterRow;
import dev.oomspec.spec.model.FilterVerdict;
import dev.oomspec.spec.model.Handler;
import dev.oomspec.spec.model.Kfunc;
import dev.oomspec.spec.model.KfuncCall;
import dev.oomspec.spec.model.KfuncInfo;
import dev.oomspec.spec.model.NoneCall;
import dev.oomspec.spec.model.Platform;
import dev.oomspec.spec.model.ReportCall;
import dev.oomspec.spec.model.ReportLine;
import dev.oomspec.spec.model.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes {@code docs/constraints.md} from the spec. Output is a pure function of the spec (no dates, stable
 * ordering, LF line ends). Usage: {@code ConstraintsDocGenerator <path/to/constraints.md>}.
 */
public final class ConstraintsDocGenerator {
  /** Command documented in the header and in docs/spec-format.md. */
  public static final String REGENERATE = "./mvnw -B -q -pl spec compile org.codehaus.mojo:exec-maven-plugin:java";

  private static final Revision[] REVS = Revision.values();
  private final Spec spec;
  private final StringBuilder out = new StringBuilder();

  private ConstraintsDocGenerator(Spec spec) {
    this.spec = spec;
  }

  /** Writes docs/constraints.md (first argument) and docs/spec-counts.md next to it. */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : "docs/constraints.md");
    Files.createDirectories(target.toAbsolutePath().getParent());
    Spec spec = Spec.loadDefault();
    Files.writeString(target, render(spec), StandardCharsets.UTF_8);
    Path counts = target.toAbsolutePath().getParent().resolve("spec-counts.md");
    Files.writeString(counts, SpecCountsDocGenerator.render(spec), StandardCharsets.UTF_8);
    System.out.println("wrote " + target + " and " + counts);
  }

  /** The document for {@code spec}. */
  public static String render(Spec spec) {
    return new ConstraintsDocGenerator(spec).build();
  }

  private String build() {
    l("# What the \"mm: BPF OOM\" series enforces — generated from the spec");
    l("");
    l("<!-- GENERATED FILE, do not edit. Source: spec/src/main/resources/dev/oomspec/spec/. Regenerate: "
        + REGENERATE + " -->");
    l("");
    l("Revisions: RFC, v1, v2, v3 (bpf-next), post (post-v3 work in the author's tree). Nothing of the series is");
    l("merged except the memcg kfuncs (Linux 7.0). Every row below is a clause of the executable spec; its id");
    l("finds it in `spec/src/main/resources/dev/oomspec/spec/`. *(inferred)* marks a deduction, not a quote.");
    l("Format of the clauses: [spec-format.md](spec-format.md).");
    l("");
    counts();
    seedAnswer();
    for (Kfunc k : Kfunc.values()) {
      kfuncSection(k);
    }
    flags();
    orders();
    filterMatrix();
    simpleTable("Attach rules and their errors", ClauseKind.ATTACH, this::attachCells,
        "| clause | revisions | call | result | statement |");
    dispatch();
    simpleTable("OOM report lines", ClauseKind.REPORT, this::reportCells,
        "| clause | revisions | scenario | expected | statement |");
    proposed();
    documented();
    diff();
    return out.toString();
  }

  // ---------------------------------------------------------------- sections

  private void counts() {
    l("## Clause counts");
    l("");
    l("Clauses holding in each revision, per kind (a clause holding in several revisions counts in each).");
    l("");
    StringBuilder h = new StringBuilder("| kind |");
    StringBuilder s = new StringBuilder("|---|");
    for (Revision r : REVS) {
      h.append(' ').append(r).append(" |");
      s.append("---:|");
    }
    l(h.append(" distinct clauses |").toString());
    l(s.append("---:|").toString());
    for (ClauseKind k : ClauseKind.values()) {
      StringBuilder row = new StringBuilder("| " + k + " |");
      for (Revision r : REVS) {
        row.append(' ').append(spec.clausesFor(r).stream().filter(c -> c.kind() == k).count()).append(" |");
      }
      l(row.append(' ').append(spec.clausesOfKind(k).size()).append(" |").toString());
    }
    StringBuilder tot = new StringBuilder("| **all** |");
    for (Revision r : REVS) {
      tot.append(" **").append(spec.clausesFor(r).size()).append("** |");
    }
    l(tot.append(" **").append(spec.clauses().size()).append("** |").toString());
    l("");
  }

  private void seedAnswer() {
    l("## v3 in one place: what `bpf_oom_kill_process()` and `bpf_out_of_memory()` check");
    l("");
    l("Hao Ge on v3 08/17: *\"We need thorough documentation on what bpf_oom_kill_process() enforces on the kernel");
    l("side, so that custom BPF programs know exactly what's already handled and what additional checks they may");
    l("need to perform\"*. For v3 (and post, identical here), in kernel order — the first failing check wins:");
    l("");
    for (Kfunc k : List.of(Kfunc.BPF_OOM_KILL_PROCESS, Kfunc.BPF_OUT_OF_MEMORY)) {
      l("**`" + k + "()`** — " + spec.kfunc(k, Revision.V3).map(KfuncInfo::signature).orElse(""));
      l("");
      l("| step | check | result | clause |");
      l("|---:|---|---|---|");
      l("| 0 | at load: " + loadCheck(k) + " | load fails (EACCES) | " + (k == Kfunc.BPF_OOM_KILL_PROCESS ? "KILL-07, KILL-08" : "OOM-13, OOM-14") + " |");
      for (Step st : steps(k, Revision.V3)) {
        l("| " + st.order + " | " + esc(st.condition) + " | " + st.result + " | " + st.ids + " |");
      }
      l("");
    }
    l("Not checked by `bpf_oom_kill_process()` — **your program must check these itself**: "
        + spec.clausesFor(Revision.V3).stream()
            .filter(c -> c.enforcedBy() == Enforcer.PROGRAM && "bpf_oom_kill_process".equals(c.feature()))
            .map(c -> "`" + c.id() + "`").collect(Collectors.joining(", "))
        + " (MMF_OOM_SKIP, in_vfork(), an existing victim — use `bpf_task_is_oom_victim()`, membership of the task in "
        + "`oc->memcg`). Also: a handler counts as having handled the OOM only if it returns non-zero **and** a kill set "
        + "`bpf_memory_freed` (HND-01).");
    l("");
  }

  private static String loadCheck(Kfunc k) {
    return k == Kfunc.BPF_OOM_KILL_PROCESS
        ? "caller is a sleepable STRUCT_OPS program of `bpf_oom_ops` (filter), `oc`/`task` trusted, message constant"
        : "caller is not a `bpf_oom_ops` program and not a TRACING program other than `tp_btf/psi_avgs_work` (filter); sleepable call site";
  }

  private record Step(int order, String condition, String result, String ids) {}

  /** Checks of a kfunc in revision {@code r}, kernel order: written clauses with checkOrder + rule families. */
  private List<Step> steps(Kfunc k, Revision r) {
    List<Step> steps = new ArrayList<>();
    boolean hasFlags = spec.kfunc(k, r).map(i -> i.params().contains("flags")).orElse(false);
    if (k == Kfunc.BPF_OUT_OF_MEMORY && spec.kfunc(k, r).isPresent()) {
      if (hasFlags) {
        steps.add(new Step(1, "`flags & ~(BPF_OOM_FLAGS_LAST - 1)`: any of bits 1..63 set, alone or with bit 0",
            "`-EINVAL`, oom_lock untouched", "OOM-01, FLAG-" + r + "-*"));
      }
      steps.add(new Step(hasFlags ? 2 : 1, "`order < 0 || order > MAX_PAGE_ORDER` (per-arch value, see Order bounds)",
          "`-EINVAL`, oom_lock untouched", "OOM-02, ORDER-" + r + "-*"));
    }
    Map<String, List<Clause>> byStatement = new LinkedHashMap<>();
    spec.clausesFor(r).stream()
        .filter(c -> c.kind() == ClauseKind.RETURN_CODE && c.checkOrder() != null && c.feature().equals(k.spelling()))
        .sorted(Comparator.comparing(Clause::checkOrder).thenComparing(Clause::id))
        .forEach(c -> byStatement.computeIfAbsent(c.checkOrder() + "|" + c.expect().ret(), x -> new ArrayList<>()).add(c));
    for (List<Clause> group : byStatement.values()) {
      Clause first = group.get(0);
      String cond = group.stream().map(Clause::statement).collect(Collectors.joining(" / "));
      steps.add(new Step(first.checkOrder(), cond, "`" + first.expect().ret() + "`" + sideEffects(first),
          group.stream().map(Clause::id).collect(Collectors.joining(", "))));
    }
    steps.sort(Comparator.comparingInt(Step::order));
    return steps;
  }

  private static String sideEffects(Clause c) {
    List<String> s = new ArrayList<>();
    if (Boolean.TRUE.equals(c.expect().killed())) s.add("killed");
    if (Boolean.TRUE.equals(c.expect().bpfMemoryFreed())) s.add("bpf_memory_freed set");
    if (Boolean.FALSE.equals(c.expect().oomLockTaken()) && c.expect().ret().isError()) s.add("oom_lock not taken");
    return s.isEmpty() ? "" : " (" + String.join(", ", s) + ")";
  }

  private void kfuncSection(Kfunc k) {
    List<KfuncInfo> infos = spec.kfuncs().stream().filter(i -> i.kfunc() == k).toList();
    if (infos.isEmpty()) return;
    l("## `" + k + "`");
    l("");
    l("| revisions | signature | BTF flags | registration |");
    l("|---|---|---|---|");
    for (KfuncInfo i : infos) {
      l("| " + revs(i.revisions()) + " | `" + i.signature() + "` | " + (i.btfFlags().isEmpty() ? "—" : String.join(" \\| ", i.btfFlags()))
          + " | " + esc(i.registration()) + " |");
    }
    l("");
    List<Clause> mine = spec.clauses().stream()
        .filter(c -> c.feature().equals(k.spelling()) && c.kind() != ClauseKind.FLAG && c.kind() != ClauseKind.ORDER
            && c.kind() != ClauseKind.FILTER)
        .toList();
    boolean anyChecks = false;
    for (Revision r : REVS) {
      List<Step> st = steps(k, r);
      if (st.isEmpty()) continue;
      if (!anyChecks) {
        l("### Checks in kernel order (first failing check wins)");
        l("");
        anyChecks = true;
      }
      l("**" + r + "**");
      l("");
      l("| step | condition | result | clauses |");
      l("|---:|---|---|---|");
      for (Step s : st) {
        l("| " + s.order + " | " + esc(s.condition) + " | " + s.result + " | " + s.ids + " |");
      }
      l("");
    }
    enforcement(mine);
    returnCodes(k);
  }

  private void enforcement(List<Clause> mine) {
    if (mine.isEmpty()) return;
    l("### What the kernel enforces, and what your BPF program must check itself");
    l("");
    l("| who | clause | revisions | statement |");
    l("|---|---|---|---|");
    for (Enforcer e : List.of(Enforcer.KERNEL, Enforcer.VERIFIER, Enforcer.PROGRAM, Enforcer.NOBODY)) {
      for (Clause c : mine) {
        if (c.enforcedBy() == e && c.kind() != ClauseKind.PROPOSED) {
          l("| " + who(e) + " | " + c.id() + " | " + revs(c.revisions()) + " | " + esc(c.statement()) + inf(c) + " |");
        }
      }
    }
    l("");
  }

  private static String who(Enforcer e) {
    return switch (e) {
      case KERNEL -> "kernel (run time)";
      case VERIFIER -> "verifier (load time)";
      case PROGRAM -> "**your program**";
      case NOBODY -> "nobody (behaviour/advice)";
    };
  }

  private void returnCodes(Kfunc k) {
    Map<String, List<Clause>> byRet = new TreeMap<>();
    spec.clauses().stream()
        .filter(c -> c.call() instanceof KfuncCall kc && kc.kfunc() == k && c.expect() != null && c.expect().ret() != null)
        .forEach(c -> byRet.computeIfAbsent(c.expect().ret().toString(), x -> new ArrayList<>()).add(c));
    if (byRet.isEmpty()) return;
    l("### Return values");
    l("");
    l("| value | revisions | clauses |");
    l("|---|---|---|");
    for (Map.Entry<String, List<Clause>> e : byRet.entrySet()) {
      List<Clause> cs = e.getValue();
      List<Revision> rs = java.util.Arrays.stream(REVS).filter(r -> cs.stream().anyMatch(c -> c.holdsIn(r))).toList();
      String ids = cs.stream().filter(c -> c.source().startsWith("yaml:")).map(Clause::id).distinct()
          .collect(Collectors.joining(", "));
      long expanded = cs.stream().filter(c -> !c.source().startsWith("yaml:")).count();
      if (expanded > 0) ids += (ids.isEmpty() ? "" : ", ") + expanded + " expanded flag/order clauses";
      l("| `" + e.getKey() + "` | " + revs(rs) + " | " + ids + " |");
    }
    l("");
  }

  private void flags() {
    l("## Flags of `bpf_out_of_memory()`");
    l("");
    l("RFC has no flags parameter and v1 a `bool wait_on_oom_lock` (not applicable). v2, v3 and post take `u64 flags`");
    l("with the only valid bit `BPF_OOM_FLAGS_WAIT_ON_OOM_LOCK` (bit 0, valid mask `0x1`). Every bit is specified");
    l("alone and together with bit 0 (ids `FLAG-<rev>-none`, `FLAG-<rev>-bitNN-alone`, `FLAG-<rev>-bitNN-with-bit0`);");
    l("bits 32..63 are rejected only because `~(BPF_OOM_FLAGS_LAST - 1)` is an `int` sign-extended to u64 *(inferred)*.");
    l("");
    l("| revision | patterns | → -EINVAL | → -EBUSY (accepted, lock contended) | → -EINTR (accepted, wait, fatal signal) |");
    l("|---|---:|---:|---:|---:|");
    for (Revision r : REVS) {
      List<Clause> fs = spec.clausesFor(r).stream().filter(c -> c.kind() == ClauseKind.FLAG).toList();
      if (fs.isEmpty()) continue;
      l("| " + r + " | " + fs.size() + " | " + countRet(fs, "-EINVAL") + " | " + countRet(fs, "-EBUSY") + " | "
          + countRet(fs, "-EINTR") + " |");
    }
    l("");
  }

  private static long countRet(List<Clause> cs, String ret) {
    return cs.stream().filter(c -> ret.equals(String.valueOf(c.expect().ret()))).count();
  }

  private void orders() {
    l("## Order bounds of `bpf_out_of_memory()`");
    l("");
    l("Every revision checks `order < 0 || order > MAX_PAGE_ORDER` → `-EINVAL`. Per row below and revision four");
    l("clauses are expanded (`ORDER-<rev>-<row>-{neg1,zero,max,max-plus-1}`): -1 and largest+1 are rejected, 0 and");
    l("largest are accepted. Before 6.4 the macro was `MAX_ORDER` and exclusive; the same orders are accepted.");
    l("");
    l("| row | arch | config | kernels | value | meaning | largest valid order | rejected from |");
    l("|---|---|---|---|---:|---|---:|---:|");
    for (Platform p : spec.orderBounds()) {
      l("| " + p.row() + " | " + p.arch() + " | " + esc(p.config()) + " | " + p.kernels() + " | " + p.maxOrder() + " | "
          + p.bound() + (p.inferred() ? " *(inferred)*" : "") + " | " + p.largestValidOrder() + " | "
          + (p.largestValidOrder() + 1) + " |");
    }
    l("");
  }

  private void filterMatrix() {
    l("## Kfunc filter matrix");
    l("");
    l("Verdicts at `BPF_PROG_LOAD`: **ok** allowed · **EACCES** a filter rejects · **n/v** not visible (no set registered");
    l("for the program's hook; also EACCES at the syscall) · **sleep** KF_SLEEPABLE from a non-sleepable site ·");
    l("UNSPEC cannot be loaded, EXT is verified as its target. The " + spec.filterMatrix().size() + " rows (one filter clause each)");
    l("are derived from `tables/kfunc-hooks.csv` (program type → kfunc hook), `tables/prog-sites.csv` (call sites),");
    l("`tables/kfunc-sets.csv` (set and registration per kfunc) and `tables/kfunc-filters.csv` (what each filter admits,");
    l("per the series' words); each clause names its table rows. Program types with identical rows are grouped.");
    l("");
    for (Revision r : REVS) {
      List<Kfunc> ks = spec.kfuncsIn(r);
      l("### " + r);
      l("");
      StringBuilder h = new StringBuilder("| program types | attach target | site |");
      StringBuilder s = new StringBuilder("|---|---|---|");
      for (Kfunc k : ks) {
        h.append(" `").append(k.spelling().replace("bpf_", "").replace("mem_cgroup", "memcg")).append("` |");
        s.append("---|");
      }
      l(h.toString());
      l(s.toString());
      Map<String, List<String>> groups = new LinkedHashMap<>();
      Map<String, String> cells = new LinkedHashMap<>();
      for (FilterRow fr : spec.filterMatrix()) {
        if (fr.revision() != r || fr.kfunc() != ks.get(0)) continue;
        StringBuilder vec = new StringBuilder();
        for (Kfunc k : ks) {
          FilterRow cell = find(r, fr.progType(), fr.attachTarget(), fr.sleepableSite(), k);
          vec.append(' ').append(abbrev(cell.verdict())).append(cell.inferred() ? "*" : "")
              .append(findingOf(cell).map(f -> " " + f).orElse("")).append(" |");
        }
        String key = fr.attachTarget() + "|" + fr.sleepableSite() + "|" + vec;
        groups.computeIfAbsent(key, x -> new ArrayList<>()).add(fr.progType());
        cells.put(key, "| `" + esc(fr.attachTarget()) + "` | " + (fr.sleepableSite() ? "sleepable" : "non-sleepable") + " |" + vec);
      }
      for (Map.Entry<String, List<String>> g : groups.entrySet()) {
        l("| " + String.join(", ", g.getValue()) + " " + cells.get(g.getKey()));
      }
      l("");
    }
    l("`*` = inferred; `F-NN` = the revision's code disagrees with this verdict (docs/findings.md).");
    l("");
  }

  private java.util.Optional<String> findingOf(FilterRow fr) {
    String id = "FILT-" + fr.revision().displayName() + "-" + fr.progType() + "-";
    return spec.clauses().stream()
        .filter(c -> c.kind() == ClauseKind.FILTER && c.holdsIn(fr.revision()) && c.id().startsWith(id)
            && c.call() instanceof dev.oomspec.spec.model.FilterCall fc && fc.attachTarget().equals(fr.attachTarget())
            && fc.sleepableSite() == fr.sleepableSite() && fc.kfunc() == fr.kfunc())
        .findFirst().flatMap(c -> c.findingFor(fr.revision())).map(dev.oomspec.spec.model.Finding::id);
  }

  private FilterRow find(Revision r, String pt, String target, boolean s, Kfunc k) {
    return spec.filterMatrix().stream()
        .filter(f -> f.revision() == r && f.progType().equals(pt) && f.attachTarget().equals(target)
            && f.sleepableSite() == s && f.kfunc() == k)
        .findFirst().orElseThrow();
  }

  private static String abbrev(FilterVerdict v) {
    return switch (v) {
      case ALLOWED -> "ok";
      case EACCES -> "EACCES";
      case NOT_VISIBLE -> "n/v";
      case VERIFIER_SLEEPABLE -> "sleep";
      case NOT_LOADABLE -> "—";
      case INHERITS_TARGET -> "as target";
    };
  }

  private interface Cells {
    String cells(Clause c);
  }

  private void simpleTable(String title, ClauseKind kind, Cells cells, String header) {
    l("## " + title);
    l("");
    l(header);
    l("|" + "---|".repeat(header.split("\\|").length - 1));
    for (Clause c : spec.clausesOfKind(kind)) {
      l("| " + c.id() + " | " + revs(c.revisions()) + " | " + cells.cells(c) + " | " + esc(c.statement()) + inf(c) + " |");
    }
    l("");
  }

  private String attachCells(Clause c) {
    AttachCall a = (AttachCall) c.call();
    List<String> parts = new ArrayList<>();
    parts.add(a.ops() + " via " + a.api());
    if (a.linkFlags() != null) parts.add("flags " + (a.linkFlags().isEmpty() ? "0" : String.join("\\|", a.linkFlags())));
    if (a.cgroupFd() != null) parts.add("cgroup fd " + a.cgroupFd() + (a.cgroup() != null ? " (" + a.cgroup() + ")" : ""));
    if (a.members() != null) parts.add("members " + a.members());
    if (c.givenOrEmpty().occupiedSlots() != null) parts.add("occupied " + c.givenOrEmpty().occupiedSlots());
    if (c.givenOrEmpty().dyingCgroups() != null) parts.add("dying " + c.givenOrEmpty().dyingCgroups());
    return esc(String.join("; ", parts)) + " | `" + c.expect().ret() + "`";
  }

  private void dispatch() {
    l("## Handler dispatch and fallback");
    l("");
    l("Handled only if a handler returns non-zero **and** `bpf_memory_freed` is set (only `bpf_oom_kill_process()` sets");
    l("it); otherwise the next handler up the cgroup tree runs, then the kernel OOM killer (`select_bad_process()`).");
    l("");
    l("| clause | revisions | OOM in | handlers (at: returns, kills) | handled | ran | kernel killer | statement |");
    l("|---|---|---|---|---|---|---|---|");
    for (Clause c : spec.clausesOfKind(ClauseKind.DISPATCH)) {
      DispatchCall d = (DispatchCall) c.call();
      String hs = d.handlers().isEmpty() ? "none" : d.handlers().stream().map(ConstraintsDocGenerator::handler)
          .collect(Collectors.joining("; "));
      l("| " + c.id() + " | " + revs(c.revisions()) + " | " + d.oom() + " | " + esc(hs) + " | " + c.expect().handled()
          + " | " + String.join(", ", c.expect().handlersRan()) + " | " + c.expect().kernelKillerRan() + " | "
          + esc(c.statement()) + inf(c) + " |");
    }
    l("");
  }

  private static String handler(Handler h) {
    return h.name() + " @" + h.at() + ": " + h.returns() + (h.kills() ? ", kills" : "");
  }

  private String reportCells(Clause c) {
    ReportCall rc = (ReportCall) c.call();
    List<String> parts = new ArrayList<>();
    if (c.expect().reportPresent() != null) {
      for (ReportLine rl : c.expect().reportPresent()) parts.add("has `" + rl.rendered() + "`");
    }
    if (c.expect().reportAbsent() != null) {
      for (ReportLine rl : c.expect().reportAbsent()) parts.add("no `" + rl.format() + "`");
    }
    String sc = rc.scenario().spelling() + (rc.handlerName() != null ? " (name \"" + rc.handlerName() + "\")" : "")
        + (rc.constraintText() != null ? " (constraint \"" + rc.constraintText() + "\")" : "");
    return esc(sc) + " | " + esc(String.join("; ", parts));
  }

  private void proposed() {
    l("## Proposed in review, not implemented");
    l("");
    l("Run only against the model variant with the review's proposals on (`given.proposedVariant: true`).");
    l("");
    l("| clause | revisions | review | expected on the variant | statement |");
    l("|---|---|---|---|---|");
    for (Clause c : spec.clausesOfKind(ClauseKind.PROPOSED)) {
      String exp = c.call() instanceof NoneCall ? "—" : expectText(c);
      l("| " + c.id() + " | " + revs(c.revisions()) + " | " + String.join(", ", c.covers()) + " | " + exp + " | "
          + esc(c.statement()) + inf(c) + " |");
    }
    l("");
  }

  private static String expectText(Clause c) {
    List<String> s = new ArrayList<>();
    if (c.expect().ret() != null) s.add("ret `" + c.expect().ret() + "`");
    if (c.expect().killed() != null) s.add("killed " + c.expect().killed());
    if (c.expect().oomInvoked() != null) s.add("OOM killer run " + c.expect().oomInvoked());
    return String.join(", ", s);
  }

  private void documented() {
    l("## Documented, not executable");
    l("");
    l("| clause | revisions | enforced by | statement | why not executable |");
    l("|---|---|---|---|---|");
    for (Clause c : spec.clausesOfKind(ClauseKind.DOCUMENTED)) {
      l("| " + c.id() + " | " + revs(c.revisions()) + " | " + c.enforcedBy() + " | " + esc(c.statement()) + inf(c) + " | "
          + esc(((NoneCall) c.call()).reason()) + " |");
    }
    l("");
  }

  private void diff() {
    l("## Per-revision diff");
    l("");
    l("Written clauses (expanded flag/order/filter families are counted in the first table) × revision.");
    l("");
    StringBuilder h = new StringBuilder("| clause | kind |");
    StringBuilder s = new StringBuilder("|---|---|");
    for (Revision r : REVS) {
      h.append(' ').append(r).append(" |");
      s.append(":---:|");
    }
    l(h.toString());
    l(s.toString());
    spec.clauses().stream().filter(c -> c.source().startsWith("yaml:"))
        .sorted(Comparator.comparing(Clause::id))
        .forEach(c -> {
          StringBuilder row = new StringBuilder("| " + c.id() + " | " + c.kind() + " |");
          for (Revision r : REVS) {
            row.append(c.holdsIn(r) ? " ✓ |" : " · |");
          }
          l(row.toString());
        });
    l("");
  }

  // ---------------------------------------------------------------- helpers

  private static String revs(List<Revision> rs) {
    return java.util.Arrays.stream(REVS).filter(rs::contains).map(Revision::displayName).collect(Collectors.joining(", "));
  }

  private static String inf(Clause c) {
    return c.inferred() ? " *(inferred)*" : "";
  }

  private static String esc(String s) {
    return Objects.requireNonNullElse(s, "").replace("|", "\\|").replace("\n", " ");
  }

  private void l(String line) {
    out.append(line).append('\n');
  }
}
