package dev.oomspec.conformance.junit;

import dev.oomspec.conformance.runner.ReportNames;
import dev.oomspec.conformance.runner.RunRecord;
import dev.oomspec.conformance.runner.Siblings;
import dev.oomspec.conformance.runner.TargetSelection;
import dev.oomspec.conformance.target.ReferenceTarget;
import dev.oomspec.conformance.target.Target;
import dev.oomspec.spec.Spec;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What every case class of the test JVM shares: the spec, the selected targets, the runs so far. */
public final class Kit {
  public static final Spec SPEC = Spec.loadDefault();
  /** All reference targets in chronological order, before {@code -Doomspec.revision}. */
  public static final List<Target> ALL_TARGETS = ReferenceTarget.all(SPEC);
  public static final List<String> ORDER = ReportNames.ids(ALL_TARGETS);
  public static final List<Target> TARGETS = TargetSelection.fromSystemProperty(ALL_TARGETS);
  /** Which clause documents how a revision differs from a clause it does not claim. */
  public static final Siblings SIBLINGS = Siblings.of(SPEC.clauses(), ALL_TARGETS);
  /** Every run of this JVM, in order (written out by {@link MatrixListener}). */
  public static final Queue<RunRecord> RUNS = new ConcurrentLinkedQueue<>();

  private Kit() {}

  /** {@code oomspec.out} (failsafe: conformance/target), else ./target. */
  public static Path out() {
    return Path.of(System.getProperty("oomspec.out", "target"));
  }

  /** The repository root ({@code oomspec.repo.root}, set by failsafe), else the parent of the working directory. */
  public static Path repoRoot() {
    return Path.of(System.getProperty("oomspec.repo.root", "..")).toAbsolutePath().normalize();
  }

  /** True under failsafe (the conformance execution), false in surefire and IDE runs. */
  public static boolean underFailsafe() {
    return System.getProperty("oomspec.role") != null;
  }

  /** "4 v3" — the revision with its chronological position, so that Allure's name sorting keeps the order. */
  public static String revisionLabel(String targetId) {
    return ReportNames.revision(targetId, ORDER);
  }
}
