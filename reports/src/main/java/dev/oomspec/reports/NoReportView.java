package dev.oomspec.reports;

import java.util.Objects;

/**
 * An event read from the logs that carries no kernel report and so is not replayed: an ftrace {@code mark_victim},
 * an oomkill tool's line, a user-space killer's kill (systemd-oomd, earlyoom). Listed so that nothing read
 * vanishes from the page.
 *
 * @param location {@code file:line} or {@code file:first-last}
 * @param origin   {@code ftrace}, {@code oomkill-tool}, {@code userspace-kill}, …
 * @param says     what the lines say, in words
 */
public record NoReportView(String location, String origin, String says) {
  public NoReportView {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(says, "says");
  }
}
