package dev.oomspec.spec.load;

import dev.oomspec.spec.model.AttachCall;
import dev.oomspec.spec.model.BpfProgTypes;
import dev.oomspec.spec.model.Call;
import dev.oomspec.spec.model.Citation;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.ClauseKind;
import dev.oomspec.spec.model.DispatchCall;
import dev.oomspec.spec.model.Expect;
import dev.oomspec.spec.model.FilterCall;
import dev.oomspec.spec.model.KfuncArgs;
import dev.oomspec.spec.model.KfuncCall;
import dev.oomspec.spec.model.KfuncInfo;
import dev.oomspec.spec.model.NoneCall;
import dev.oomspec.spec.model.ReportCall;
import dev.oomspec.spec.model.Revision;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Semantic checks the YAML mapping cannot do; errors name file, line and field. */
final class ClauseValidator {
  private static final String ID = "[A-Z][A-Za-z0-9.+_-]*";

  private final KfuncCatalog catalog;

  ClauseValidator(KfuncCatalog catalog) {
    this.catalog = catalog;
  }

  void validate(Located<Clause> lc) {
    Clause c = lc.value();
    if (blank(c.id())) throw err(lc, "id", "missing");
    if (!c.id().matches(ID)) throw err(lc, "id", "'" + c.id() + "' is not a valid id (" + ID + ")");
    if (c.kind() == null) throw err(lc, "kind", "missing");
    if (blank(c.area())) throw err(lc, "area", "missing");
    if (blank(c.feature())) throw err(lc, "feature", "missing");
    if (c.revisions() == null || c.revisions().isEmpty()) throw err(lc, "revisions", "missing or empty");
    if (new HashSet<>(c.revisions()).size() != c.revisions().size()) throw err(lc, "revisions", "repeats a revision");
    if (blank(c.statement())) throw err(lc, "statement", "missing");
    if (c.citations() == null || c.citations().isEmpty()) throw err(lc, "citations", "citation missing: every clause needs at least one source");
    for (int i = 0; i < c.citations().size(); i++) {
      Citation ct = c.citations().get(i);
      if (ct == null || !ct.resolvable()) {
        throw err(lc, "citations[" + i + "]", "citation missing: needs messageId, url, or repo+commit");
      }
    }
    if (c.covers() != null) {
      for (String cov : c.covers()) {
        if (cov == null || !cov.matches("(KILL|OOM|VICT|OPS|HND|ATT|R|P|MEMCG|PSI|REP|FILT)-[0-9A-Za-z]+")) {
          throw err(lc, "covers", "'" + cov + "' is not a table row id");
        }
      }
    }
    for (int i = 0; i < c.findings().size(); i++) {
      dev.oomspec.spec.model.Finding f = c.findings().get(i);
      String at = "findings[" + i + "]";
      if (f.id() == null || !f.id().matches("F-[0-9]{2,}")) throw err(lc, at + ".id", "a finding is named F-NN (its entry in docs/findings.md)");
      if (f.revisions().isEmpty()) throw err(lc, at + ".revisions", "a finding names the revisions whose code disagrees");
      for (var r : f.revisions()) {
        if (!c.holdsIn(r)) throw err(lc, at + ".revisions", "'" + r + "' is not one of the clause's revisions");
      }
      if (f.code().isEmpty() || !f.code().stream().allMatch(dev.oomspec.spec.model.Citation::resolvable)) {
        throw err(lc, at + ".code", "a finding cites the disagreeing code (messageId, url, or repo+commit)");
      }
    }
    if (c.enforcedBy() == null) throw err(lc, "enforcedBy", "missing");
    if (c.call() == null) throw err(lc, "call", "missing");
    checkKindMatchesOp(lc);
    if (c.kind() == ClauseKind.PROPOSED && (blank(c.proposal()) || !c.proposal().matches("P-0[0-9]"))) {
      throw err(lc, "proposal", "a proposed clause names its review item, e.g. P-02");
    }
    if (c.kind() != ClauseKind.PROPOSED && c.proposal() != null) {
      throw err(lc, "proposal", "only kind proposed may name a proposal");
    }
    Expect e = c.expect();
    Call call = c.call();
    if (c.given() != null && c.given().memcgCharge() != null) {
      var mc = c.given().memcgCharge();
      if (blank(mc.path()) || mc.pages() == null || mc.pages() < 0 || (mc.filePages() != null && mc.filePages() < 0))
        throw err(lc, "given.memcgCharge", "needs a path and a number of pages >= 0 (filePages, when given, >= 0)");
      if (mc.events() != null)
        for (var ev : mc.events().entrySet())
          if (!ev.getKey().matches("MEMCG_[A-Z_]+") || ev.getValue() == null || ev.getValue() < 0)
            throw err(lc, "given.memcgCharge.events", "'" + ev.getKey() + "' needs an enum memcg_memory_event name (MEMCG_*) and a count >= 0");
    }
    if (c.given() != null && c.given().releasedLink() != null
        && !(call instanceof AttachCall ac && "bpf_oom_ops".equals(ac.ops())) && !(call instanceof DispatchCall))
      throw err(lc, "given.releasedLink", "only a bpf_oom_ops attach or a dispatch can follow a released link");
    if (e != null && e.oomLockHeldAfter() != null
        && !(call instanceof KfuncCall k && k.kfunc() == dev.oomspec.spec.model.Kfunc.BPF_OUT_OF_MEMORY))
      throw err(lc, "expect.oomLockHeldAfter", "only a bpf_out_of_memory call observes oom_lock afterwards");
    if (!(call instanceof NoneCall) && e == null) throw err(lc, "expect", "missing");
    if (call instanceof KfuncCall k) {
      checkKfunc(lc, k, e);
    } else if (call instanceof FilterCall fc) {
      if (!BpfProgTypes.known(fc.progType())) throw err(lc, "call.progType", "unknown program type '" + fc.progType() + "'");
      if (blank(fc.attachTarget())) throw err(lc, "call.attachTarget", "missing");
      if (fc.kfunc() == null) throw err(lc, "call.kfunc", "missing");
      if (e.verdict() == null) throw err(lc, "expect.verdict", "op filter needs a verdict");
    } else if (call instanceof AttachCall a) {
      if (!"bpf_oom_ops".equals(a.ops()) && !"bpf_psi_ops".equals(a.ops())) throw err(lc, "call.ops", "unknown struct_ops '" + a.ops() + "'");
      if (a.api() == null) throw err(lc, "call.api", "missing");
      if (e.ret() == null) throw err(lc, "expect.ret", "op attach needs ret (0 for success)");
      if (a.initReturns() != null && !"bpf_psi_ops".equals(a.ops()))
        throw err(lc, "call.initReturns", "only a bpf_psi_ops has an init program");
    } else if (call instanceof DispatchCall d) {
      if (blank(d.oom())) throw err(lc, "call.oom", "missing");
      if (d.handlers() == null) throw err(lc, "call.handlers", "missing (use [] for none)");
      if (e.handled() == null) throw err(lc, "expect.handled", "op dispatch needs handled");
      if (e.handlersRan() == null) throw err(lc, "expect.handlersRan", "op dispatch needs handlersRan");
      if (e.kernelKillerRan() == null) throw err(lc, "expect.kernelKillerRan", "op dispatch needs kernelKillerRan");
    } else if (call instanceof ReportCall r) {
      if (r.scenario() == null) throw err(lc, "call.scenario", "missing");
      if (e.reportPresent() == null && e.reportAbsent() == null) throw err(lc, "expect.reportPresent", "op report needs reportPresent or reportAbsent");
    } else if (call instanceof NoneCall n) {
      if (blank(n.reason())) throw err(lc, "call.reason", "op none must say why the clause cannot be executed");
    }
  }

  private void checkKindMatchesOp(Located<Clause> lc) {
    Clause c = lc.value();
    String op = c.call().op();
    boolean ok =
        switch (c.kind()) {
          case RETURN_CODE, FLAG, ORDER -> op.equals("kfunc");
          case FILTER -> op.equals("filter");
          case ATTACH -> op.equals("attach");
          case DISPATCH -> op.equals("dispatch");
          case REPORT -> op.equals("report");
          case DOCUMENTED -> op.equals("none");
          case PROPOSED -> true;
        };
    if (!ok) throw err(lc, "call.op", "op '" + op + "' does not fit kind '" + c.kind() + "'");
  }

  private void checkKfunc(Located<Clause> lc, KfuncCall k, Expect e) {
    Clause c = lc.value();
    if (k.kfunc() == null) throw err(lc, "call.kfunc", "missing");
    KfuncArgs args = k.argsOrNone();
    Set<String> present = args.present();
    for (Revision r : c.revisions()) {
      KfuncInfo info = catalog.find(k.kfunc(), r).orElseThrow(
          () -> err(lc, "call.kfunc", k.kfunc() + " does not exist in revision " + r));
      for (String a : present) {
        if (!info.params().contains(a)) {
          throw err(lc, "call.args." + a, "not a parameter of " + k.kfunc() + " in " + r + " (params: " + info.params() + ")");
        }
      }
      for (String p : info.params()) {
        List<String> nullable = info.nullable() == null ? List.of() : info.nullable();
        if (!nullable.contains(p) && !present.contains(p)) {
          throw err(lc, "call.args." + p, "required parameter of " + k.kfunc() + " in " + r + " is missing");
        }
      }
    }
    if (args.flags() != null && !args.flags().matches("0x[0-9a-f]{1,16}")) {
      throw err(lc, "call.args.flags", "'" + args.flags() + "' must be a quoted lower-case hex string like \"0x1\"");
    }
    if (args.task() != null && !args.task().equals("target")) {
      throw err(lc, "call.args.task", "only 'target' (the task of given.task) is known");
    }
    if (c.kind() != ClauseKind.PROPOSED && e.ret() == null && e.retMemcg() == null) {
      throw err(lc, "expect.ret", "op kfunc needs ret (or retMemcg for a kfunc returning a memcg)");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static SpecFormatException err(Located<Clause> lc, String field, String problem) {
    String id = lc.value().id();
    return new SpecFormatException(lc.file(), lc.line(), field, (id == null ? "" : id + ": ") + problem);
  }
}
