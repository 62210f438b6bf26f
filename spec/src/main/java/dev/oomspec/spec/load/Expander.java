package dev.oomspec.spec.load;

import dev.oomspec.spec.model.ArgsVariant;
import dev.oomspec.spec.model.Citation;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.ClauseKind;
import dev.oomspec.spec.model.Enforcer;
import dev.oomspec.spec.model.Expect;
import dev.oomspec.spec.model.FilterCall;
import dev.oomspec.spec.model.FilterRow;
import dev.oomspec.spec.model.FilterVerdict;
import dev.oomspec.spec.model.FlagRule;
import dev.oomspec.spec.model.Given;
import dev.oomspec.spec.model.KfuncArgs;
import dev.oomspec.spec.model.KfuncCall;
import dev.oomspec.spec.model.OrderRule;
import dev.oomspec.spec.model.Outcome;
import dev.oomspec.spec.model.Platform;
import dev.oomspec.spec.model.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Expands the mechanical clause families. Expected results are copied from the rule's outcome templates
 * (data); the only arithmetic is classifying a bit pattern against the stated valid mask and an order
 * against the stated table value.
 */
final class Expander {
  private Expander() {}

  static List<Clause> flags(FlagRule rule, String file) {
    long valid = parseHex(rule.validMask());
    long wait = parseHex(rule.waitMask());
    List<Clause> out = new ArrayList<>();
    for (ArgsVariant v : rule.variants()) {
      for (Revision r : v.revisions()) {
        String rev = r.displayName();
        out.add(flagClause(rule, file, r, v.args(), "FLAG-" + rev + "-none", 0L, "no bits", valid, wait, false));
        for (int bit = 0; bit < rule.width(); bit++) {
          long alone = 1L << bit;
          boolean inferred = bit >= rule.inferredFromBit();
          String nn = String.format(Locale.ROOT, "%02d", bit);
          out.add(flagClause(rule, file, r, v.args(), "FLAG-" + rev + "-bit" + nn + "-alone", alone,
              "bit " + bit + " alone", valid, wait, inferred));
          if ((alone & wait) == 0) {
            out.add(flagClause(rule, file, r, v.args(), "FLAG-" + rev + "-bit" + nn + "-with-bit0", alone | wait,
                "bit " + bit + " with the wait bit", valid, wait, inferred));
          }
        }
      }
    }
    return out;
  }

  private static Clause flagClause(FlagRule rule, String file, Revision r, KfuncArgs base, String id,
      long value, String what, long valid, long wait, boolean inferred) {
    String hex = "0x" + Long.toHexString(value);
    Outcome o;
    String statement;
    if ((value & ~valid) != 0) {
      o = rule.invalid();
      statement = "flags=" + hex + " (" + what + ") has a bit outside the valid mask " + rule.validMask() + ": " + o.because();
    } else if ((value & wait) != 0) {
      o = rule.validWait();
      statement = "flags=" + hex + " (" + what + ") is accepted and selects blocking mode: " + o.because();
    } else {
      o = rule.validNoWait();
      statement = "flags=" + hex + " (" + what + ") is accepted, non-blocking mode: " + o.because();
    }
    return new Clause(id, ClauseKind.FLAG, "flags", rule.kfunc().spelling(), List.of(r), statement,
        rule.citations(), rule.covers(), Enforcer.KERNEL, null, o.given(),
        new KfuncCall(rule.kfunc(), base.withFlags(hex)), o.expect(), inferred, null, "rule:" + rule.id() + "@" + file, List.of());
  }

  static List<Clause> orders(OrderRule rule, List<Platform> table, Map<String, Citation> sources, String file) {
    List<Clause> out = new ArrayList<>();
    for (ArgsVariant v : rule.variants()) {
      for (Revision r : v.revisions()) {
        for (Platform p : table) {
          int largest = p.largestValidOrder();
          String prefix = "ORDER-" + r.displayName() + "-" + p.row() + "-";
          out.add(orderClause(rule, sources, file, r, v.args(), p, prefix + "neg1", -1, false));
          out.add(orderClause(rule, sources, file, r, v.args(), p, prefix + "zero", 0, true));
          out.add(orderClause(rule, sources, file, r, v.args(), p, prefix + "max", largest, true));
          out.add(orderClause(rule, sources, file, r, v.args(), p, prefix + "max-plus-1", largest + 1, false));
        }
      }
    }
    return out;
  }

  private static Clause orderClause(OrderRule rule, Map<String, Citation> sources, String file, Revision r, KfuncArgs base, Platform p,
      String id, int order, boolean valid) {
    Outcome o = valid ? rule.valid() : rule.invalid();
    Given g = o.given() == null ? Given.EMPTY : o.given();
    Given withPlatform = new Given(g.task(), g.oomLock(), g.fatalSignalWhileWaiting(), p, g.occupiedSlots(),
        g.dyingCgroups(), g.escapeHatch(), g.proposedVariant(), g.memcgCharge(), g.capSysResource(), g.releasedLink());
    String statement = "order=" + order + " on " + p.arch() + " (" + p.config() + ", " + p.kernels() + ", "
        + (p.bound() == dev.oomspec.spec.model.OrderBound.INCLUSIVE ? "MAX_PAGE_ORDER" : "MAX_ORDER") + "="
        + p.maxOrder() + " " + p.bound() + ", largest valid order " + p.largestValidOrder() + ") is "
        + (valid ? "accepted: " : "rejected: ") + o.because();
    List<Citation> cites = new ArrayList<>(rule.citations());
    cites.add(sources.get(p.source()));
    return new Clause(id, ClauseKind.ORDER, "order-bounds", rule.kfunc().spelling(), List.of(r), statement,
        cites, rule.covers(), Enforcer.KERNEL, null, withPlatform,
        new KfuncCall(rule.kfunc(), base.withOrder(order)), o.expect(), p.inferred(), null, "rule:" + rule.id() + "@" + file, List.of());
  }

  static Clause filter(FilterRow row, List<String> sourceKeys, Map<String, Citation> sources) {
    String id = "FILT-" + row.revision().displayName() + "-" + row.progType() + "-" + slug(row.attachTarget())
        + "-" + (row.sleepableSite() ? "s" : "ns") + "-" + row.kfunc().spelling();
    String statement = row.kfunc().spelling() + " called from a " + (row.sleepableSite() ? "sleepable" : "non-sleepable")
        + " site of a BPF_PROG_TYPE_" + row.progType() + " program (" + row.attachTarget() + "): "
        + describe(row.verdict()) + " [derived from " + row.provenance() + "]";
    List<Citation> cites = sourceKeys.stream().map(sources::get).toList();
    List<String> covers = switch (row.kfunc()) {
      case BPF_OOM_KILL_PROCESS -> List.of("KILL-08");
      case BPF_OUT_OF_MEMORY -> List.of("OOM-14");
      case BPF_TASK_IS_OOM_VICTIM -> List.of("VICT-02");
      case TCP_SLOW_START -> List.of("R-19");
      default -> List.of();
    };
    Enforcer by = row.verdict() == FilterVerdict.ALLOWED ? Enforcer.NOBODY : Enforcer.VERIFIER;
    return new Clause(id, ClauseKind.FILTER, "kfunc-filter", row.kfunc().spelling(), List.of(row.revision()),
        statement, cites, covers, by, null, null,
        new FilterCall(row.progType(), row.attachTarget(), row.kfunc(), row.sleepableSite()),
        Expect.verdict(row.verdict()), row.inferred(), null, "tables:" + row.provenance(), List.of());
  }

  static String describe(FilterVerdict v) {
    return switch (v) {
      case ALLOWED -> "allowed.";
      case EACCES -> "a registered filter rejects it (BPF_PROG_LOAD fails with EACCES).";
      case NOT_VISIBLE -> "not visible, no set containing it is registered for the program's hook (EACCES at load).";
      case VERIFIER_SLEEPABLE -> "visible and allowed, but it is KF_SLEEPABLE and the call site cannot sleep (verifier rejects).";
      case NOT_LOADABLE -> "no program of this type can be loaded.";
      case INHERITS_TARGET -> "verified as the type of the program it extends.";
    };
  }

  static String slug(String s) {
    String t = s.replace("*", "any").replaceAll("[^A-Za-z0-9]+", "_");
    return t.replaceAll("^_+|_+$", "");
  }

  private static long parseHex(String h) {
    return Long.parseUnsignedLong(h.startsWith("0x") ? h.substring(2) : h, 16);
  }
}
