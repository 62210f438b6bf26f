package dev.oomspec.fleet.replay;

import dev.oomspec.fleet.input.HostRule;
import java.io.Serializable;
import java.util.Objects;

/**
 * How a task replays its files.
 *
 * @param hosts      how a file's host is read from its path
 * @param kernel     {@code --kernel}: replay every event with this version's rules, or null
 * @param candidates how many candidates each event row carries (victims ranked lower are added)
 * @param policies   {@code --policy}, or null: no {@code policies} column
 */
public record ReplaySettings(HostRule hosts, String kernel, int candidates, PolicySetup policies)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public ReplaySettings {
    Objects.requireNonNull(hosts, "hosts");
  }
}
