package dev.oomspec.traces.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kill lines of user-space OOM killers, which act before the kernel's OOM killer and print no kernel report:
 * systemd-oomd ({@code Killed CGROUP due to …}, newer {@code Marked CGROUP for killing due to …}, and
 * {@code oomd attempting to kill PID with SIG}) and earlyoom ({@code sending SIGTERM to process PID uid UID "comm":
 * badness B, VmRSS N MiB}). Each becomes an event of origin {@code userspace-kill}, never replayed; the other
 * lines of these programs are unrelated.
 */
public final class UserSpaceKills {

  private static final Pattern OOMD_CGROUP =
      Pattern.compile("(?:Killed|Marked) (\\S+) (?:for killing )?due to (.+)");
  private static final Pattern OOMD_PID = Pattern.compile("oomd attempting to kill (\\d+) with (\\S+)");
  private static final Pattern EARLYOOM = Pattern.compile(
      "(?:sending|Sending) (SIG\\w+) to process (\\d+)(?: uid (\\d+))? \"(.*)\": (?:badness|oom_score) (-?\\d+),"
          + " VmRSS (\\d+) MiB.*");

  private UserSpaceKills() {}

  /** True for the identifiers of the user-space killers read here. */
  public static boolean isKiller(String ident) {
    return ident.equals("systemd-oomd") || ident.equals("earlyoom");
  }

  /** One message of {@code ident} (already known to be a killer). */
  public static Decoded decode(String source, long line, String ident, String message) {
    String m = message.strip();
    if (ident.equals("earlyoom")) {
      Matcher e = EARLYOOM.matcher(m);
      if (e.matches()) {
        return new LineEvents(source, line, LineEvents.USERSPACE, "earlyoom")
            .victim(Integer.valueOf(e.group(2)), e.group(4), e.group(3) == null ? null : Long.valueOf(e.group(3)),
                Long.parseLong(e.group(6)) * 1024)
            .note("signal " + e.group(1) + ", badness " + e.group(5) + ", VmRSS " + e.group(6) + " MiB")
            .build();
      }
      return new Decoded.Unrelated("earlyoom report line (no kill)");
    }
    Matcher c = OOMD_CGROUP.matcher(m);
    if (c.matches()) {
      return new LineEvents(source, line, LineEvents.USERSPACE, "systemd-oomd").cgroup(c.group(1))
          .note("killed the cgroup due to " + c.group(2)).build();
    }
    Matcher p = OOMD_PID.matcher(m);
    if (p.matches()) {
      return new LineEvents(source, line, LineEvents.USERSPACE, "systemd-oomd")
          .victim(Integer.valueOf(p.group(1)), null, null, null).note("signal SIG" + p.group(2)).build();
    }
    return new Decoded.Unrelated("systemd-oomd report line (no kill)");
  }
}
