package dev.oomspec.spec.load;

import dev.oomspec.spec.model.Citation;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.Finding;
import dev.oomspec.spec.model.GeneratedFinding;
import dev.oomspec.spec.model.GeneratedFindings;
import dev.oomspec.spec.model.Revision;
import java.util.ArrayList;
import java.util.List;

/** Attaches the findings of {@code findings.yaml} to the generated clauses their globs name. */
final class GeneratedFindingsApplier {
  private GeneratedFindingsApplier() {}

  static List<Located<Clause>> apply(GeneratedFindings gf, List<Located<Clause>> all, String file) {
    List<Located<Clause>> out = new ArrayList<>(all);
    for (int i = 0; i < gf.findings().size(); i++) {
      GeneratedFinding f = gf.findings().get(i);
      String at = "findings[" + i + "]";
      if (f.id() == null || !f.id().matches("F-[0-9]{2,}")) throw new SpecFormatException(file, 0, at + ".id", "a finding is named F-NN");
      if (f.revisions().isEmpty()) throw new SpecFormatException(file, 0, at + ".revisions", f.id() + ": names no revision");
      if (f.code().isEmpty() || !f.code().stream().allMatch(Citation::resolvable)) {
        throw new SpecFormatException(file, 0, at + ".code", f.id() + ": a finding cites the disagreeing code");
      }
      for (String glob : f.clauses()) {
        boolean hit = false;
        for (int j = 0; j < out.size(); j++) {
          Clause c = out.get(j).value();
          if (c.source().startsWith("yaml:") || !new GeneratedFinding(f.id(), List.of(glob), f.revisions(), f.code(), f.note()).matches(c.id())) {
            continue;
          }
          List<Revision> revs = f.revisions().stream().filter(c::holdsIn).toList();
          if (revs.isEmpty()) continue;
          hit = true;
          List<Finding> fs = new ArrayList<>(c.findings());
          if (fs.stream().noneMatch(x -> x.id().equals(f.id()))) {
            fs.add(new Finding(f.id(), revs, f.code(), f.note()));
          }
          Located<Clause> l = out.get(j);
          out.set(j, new Located<>(c.withFindings(fs), l.file(), l.line()));
        }
        if (!hit) {
          throw new SpecFormatException(file, 0, at + ".clauses", f.id() + ": '" + glob + "' matches no generated clause of its revisions");
        }
      }
    }
    return out;
  }
}
