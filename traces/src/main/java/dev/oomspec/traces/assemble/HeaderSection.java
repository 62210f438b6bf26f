package dev.oomspec.traces.assemble;

/** The report's first line ({@code … invoked oom-killer: …}) and a sysrq line before it. */
final class HeaderSection {
  boolean seen;
  boolean sysrq;
  String comm;
  Integer oomScoreAdj;
  String gfpMask;
  Integer order;
  String variant;

  /** Takes the header; its nodemask goes to the scope. */
  void take(ReportLine.Header h, ScopeSection scope, Findings f, long line) {
    seen = true;
    comm = h.comm();
    gfpMask = h.gfpMask();
    order = h.order();
    oomScoreAdj = h.oomScoreAdj();
    scope.nodemask = h.nodemask();
    variant = h.variant();
    for (String p : h.problems()) {
      f.problem("header field", p + " (line " + line + ")");
    }
  }

  void state(Fingerprint s) {
    s.add("header", seen).add("sysrq", sysrq).add("comm", comm).add("adj", oomScoreAdj).add("gfp", gfpMask)
        .add("order", order).add("variant", variant);
  }
}
