package dev.oomspec.conformance.junit;

import dev.oomspec.conformance.runner.RunRecord;
import dev.oomspec.conformance.runner.TargetSelection;
import dev.oomspec.conformance.target.ReferenceTarget;
import dev.oomspec.conformance.target.Target;
import dev.oomspec.spec.Spec;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What every case class of one test JVM shares: the spec, the selected targets, the runs so far. */
public final class Kit {
  public static final Spec SPEC = Spec.loadDefault();
  /** All reference targets, before {@code -Doomspec.revision}. */
  public static final List<Target> ALL_TARGETS = ReferenceTarget.all(SPEC);
  public static final List<Target> TARGETS = TargetSelection.fromSystemProperty(ALL_TARGETS);
  /** Every run of this JVM, in order (written out by {@link MatrixListener}). */
  public static final Queue<RunRecord> RUNS = new ConcurrentLinkedQueue<>();

  private Kit() {}

  /** {@code oomspec.out} (failsafe: conformance/target), else ./target. */
  public static Path out() {
    return Path.of(System.getProperty("oomspec.out", "target"));
  }

  /** {@code main} or {@code cross} under failsafe; null elsewhere (surefire, IDE). */
  public static String role() {
    return System.getProperty("oomspec.role");
  }
}
