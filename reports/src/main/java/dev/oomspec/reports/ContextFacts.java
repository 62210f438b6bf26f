package dev.oomspec.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The facts list of one event section: when, trigger, scope, both sides' choice, totalpages, what is missing. */
final class ContextFacts {
  private ContextFacts() {}

  static void write(EventView e, Writer out) throws IOException {
    EventContext c = e.context();
    out.write("<dl class=\"facts\">\n");
    if (c != null && c.when() != null) {
      fact("When", c.when(), out);
    }
    if (c != null && c.trigger() != null) {
      fact("Triggered by", trigger(c.trigger()), out);
    }
    if (c != null && c.scope() != null) {
      fact("Scope", scope(c.scope()), out);
    }
    out.write("<dt>Kernel killed</dt><dd>");
    Markup.text(e.kernelVictim().label(), out);
    if (c != null && c.kernelKill() != null) {
      out.write(" <span class=\"sub\">");
      Markup.text(kill(c.kernelKill()), out);
      out.write("</span>");
    }
    out.write("</dd>\n<dt>Model picks</dt><dd>");
    if (e.modelVictim() == null) {
      out.write("<span class=\"none\">nobody</span>");
    } else {
      Markup.text(e.modelVictim().label(), out);
    }
    out.write("</dd>\n");
    String why = c == null ? e.reason() : c.note();
    if (why != null && !why.isBlank()) {
      fact(e.verdict() == Verdict.AGREE ? "Note" : "Why", why, out);
    }
    fact("Kernel rules", e.profile() + (c != null && c.kernelRelease() != null
        && !e.profile().contains(c.kernelRelease()) ? " (report prints " + c.kernelRelease() + ")" : ""), out);
    String tp = e.totalpages() == null ? "unknown" : String.format(Locale.ROOT, "%,d pages (%s)", e.totalpages(),
        Units.pages(e.totalpages(), pageKb(e)));
    if (c != null && c.scope() != null && c.scope().totalpages() != null) {
      tp += " — " + c.scope().totalpages();
    }
    fact("totalpages", tp, out);
    if (c != null && !c.missing().isEmpty()) {
      fact("The report lacks", String.join(", ", c.missing()), out);
    }
    out.write("</dl>\n");
  }

  static int pageKb(EventView e) {
    for (CandidateView cv : e.candidates()) {
      if (cv.breakdown() != null) {
        return cv.breakdown().pageKb();
      }
    }
    return 4;
  }

  static String trigger(EventContext.Trigger t) {
    StringBuilder b = new StringBuilder(t.comm() == null ? "?" : t.comm());
    if (t.pid() != null) {
      b.append(" (pid ").append(t.pid()).append(')');
    }
    if (t.gfpMask() != null) {
      b.append(", gfp_mask=").append(t.gfpMask());
    }
    if (t.order() != null) {
      b.append(", order=").append(t.order());
      if (t.order() == -1) {
        b.append(" (manual: sysrq-f or memory.oom.group test, no allocation failed)");
      } else if (t.order() > 0) {
        b.append(" (").append(4L << t.order()).append(" kB contiguous)");
      }
    }
    if (t.oomScoreAdj() != null) {
      b.append(", oom_score_adj=").append(t.oomScoreAdj());
    }
    return b.toString();
  }

  static String scope(EventContext.Scope s) {
    StringBuilder b = new StringBuilder(s.kind());
    if (s.oomMemcg() != null) {
      b.append(' ').append(s.oomMemcg());
    }
    if (s.limitKb() != null) {
      b.append(" — usage ").append(s.usageKb() == null ? "?" : Units.kb(s.usageKb())).append(" of limit ")
          .append(Units.kb(s.limitKb()));
    }
    if (s.swapLimitKb() != null) {
      b.append(", ").append(s.swapLabel()).append(" limit ").append(Units.kb(s.swapLimitKb()));
    }
    if (s.taskMemcg() != null && !s.taskMemcg().equals(s.oomMemcg())) {
      b.append("; victim's memcg ").append(s.taskMemcg());
    }
    if (s.constraint() != null) {
      b.append("; constraint ").append(s.constraint());
    }
    if (s.cpuset() != null) {
      b.append("; cpuset ").append(s.cpuset());
    }
    if (s.memsAllowed() != null) {
      b.append(", mems_allowed ").append(s.memsAllowed());
    }
    return b.toString();
  }

  static String kill(EventContext.Kill k) {
    StringBuilder b = new StringBuilder("— ");
    boolean any = false;
    any |= part(b, "anon-rss", k.anonRssKb(), any);
    any |= part(b, "file-rss", k.fileRssKb(), any);
    any |= part(b, "shmem-rss", k.shmemRssKb(), any);
    any |= part(b, "page tables", k.pgtablesKb(), any);
    any |= part(b, "total-vm", k.totalVmKb(), any);
    if (k.uid() != null) {
      b.append(any ? ", " : "").append("uid ").append(k.uid());
      any = true;
    }
    if (k.oomScoreAdj() != null) {
      b.append(any ? ", " : "").append("oom_score_adj ").append(k.oomScoreAdj());
      any = true;
    }
    return any ? b.toString() : "";
  }

  private static boolean part(StringBuilder b, String label, Long kb, boolean any) {
    if (kb == null) {
      return false;
    }
    b.append(any ? ", " : "").append(label).append(' ').append(Units.kb(kb));
    return true;
  }

  private static void fact(String label, String value, Writer out) throws IOException {
    out.write("<dt>");
    Markup.text(label, out);
    out.write("</dt><dd>");
    Markup.text(value, out);
    out.write("</dd>\n");
  }
}
