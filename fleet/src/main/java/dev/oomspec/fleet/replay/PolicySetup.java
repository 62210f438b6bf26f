package dev.oomspec.fleet.replay;

import dev.oomspec.reference.policy.Revision;
import dev.oomspec.traces.policy.PolicyCatalog;
import dev.oomspec.traces.policy.PolicyLab;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.SparkFiles;

/**
 * {@code --policy} as a task needs it: the list as given on the command line, the revision, and the file names of the
 * {@code --policy-jar} jars the driver shipped with the job ({@code SparkContext.addFile}). Each task builds its own
 * {@link PolicyLab} from them ({@link #lab}) — the same {@link PolicyCatalog} parse as {@code oomspec replay
 * --policy} — since a parsed policy holds a provider instance, which is not serializable.
 *
 * @param policies {@code NAME[=ARG][,…]}, checked on the driver
 * @param revision {@code v3} or {@code post}
 * @param jarNames the shipped jars' file names, opened on the executor with {@link SparkFiles#get}
 */
public record PolicySetup(String policies, String revision, List<String> jarNames) implements Serializable {
  private static final long serialVersionUID = 1L;

  public PolicySetup {
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(revision, "revision");
    jarNames = List.copyOf(jarNames);
  }

  /**
   * The lab on this JVM: the shipped jars' local copies, the policies parsed again.
   *
   * @throws IllegalArgumentException as {@link PolicyCatalog#parse} (not after the driver's check, unless a jar differs)
   */
  PolicyLab lab() {
    List<Path> jars = new ArrayList<>();
    for (String name : jarNames) {
      jars.add(Path.of(SparkFiles.get(name)));
    }
    Revision r = Revision.parse(revision);
    if (r == null) {
      throw new IllegalArgumentException("unknown revision '" + revision + "'");
    }
    return new PolicyLab(PolicyCatalog.load(jars).parse(policies), r);
  }
}
