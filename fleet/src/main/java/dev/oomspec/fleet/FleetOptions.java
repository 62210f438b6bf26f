package dev.oomspec.fleet;

import dev.oomspec.fleet.input.HostRule;
import java.util.List;
import java.util.Objects;

/**
 * What one fleet run replays and where it writes.
 *
 * @param inputs     paths, directories or globs (any Hadoop file system)
 * @param out        the output directory
 * @param hosts      how a file's host is read from its path
 * @param kernel     replay every event with this kernel version's rules ({@code --kernel}), or null
 * @param candidates candidates per event row (victims ranked lower are added)
 * @param overwrite  replace what an earlier run wrote under {@code out}
 * @param policies   {@code --policy NAME[=ARG][,…]} (checked), or null: no {@code policies} column
 * @param policyJars {@code --policy-jar}: local jars, shipped with the job
 * @param revision   {@code --revision}: {@code v3} or {@code post}
 */
public record FleetOptions(
    List<String> inputs, String out, HostRule hosts, String kernel, int candidates, boolean overwrite,
    String policies, List<String> policyJars, String revision) {

  public FleetOptions {
    inputs = List.copyOf(inputs);
    policyJars = List.copyOf(policyJars);
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(hosts, "hosts");
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be at least 1");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Named fields instead of a positional constructor. */
  public static final class Builder {
    private List<String> inputs = List.of();
    private String out;
    private HostRule hosts = HostRule.parentDirectory();
    private String kernel;
    private int candidates = 5;
    private boolean overwrite;
    private String policies;
    private List<String> policyJars = List.of();
    private String revision = "v3";

    public Builder inputs(List<String> v) {
      inputs = v;
      return this;
    }

    public Builder out(String v) {
      out = v;
      return this;
    }

    public Builder hosts(HostRule v) {
      hosts = v;
      return this;
    }

    public Builder kernel(String v) {
      kernel = v;
      return this;
    }

    public Builder candidates(int v) {
      candidates = v;
      return this;
    }

    public Builder overwrite(boolean v) {
      overwrite = v;
      return this;
    }

    public Builder policies(String v) {
      policies = v;
      return this;
    }

    public Builder policyJars(List<String> v) {
      policyJars = v;
      return this;
    }

    public Builder revision(String v) {
      revision = v;
      return this;
    }

    public FleetOptions build() {
      return new FleetOptions(inputs, out, hosts, kernel, candidates, overwrite, policies, policyJars, revision);
    }
  }
}
