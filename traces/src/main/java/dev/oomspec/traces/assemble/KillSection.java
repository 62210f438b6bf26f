package dev.oomspec.traces.assemble;

import dev.oomspec.traces.event.KillLine;
import dev.oomspec.traces.event.ReaperResult;
import dev.oomspec.traces.event.Victim;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * oom_kill_process() and after: kill-path lines ({@code Killed process}, {@code Kill process … score}, already
 * exiting, mm pinned), every pid killed, oom.group, reaper results, and outcomes other than a kill (no killable
 * process, panic).
 */
final class KillSection {
  final List<KillLine> kills = new ArrayList<>();
  final Set<Integer> killed = new LinkedHashSet<>();
  final List<ReaperResult> reaper = new ArrayList<>();
  final List<String> outcome = new ArrayList<>();
  boolean oomGroup;

  void killed(ReportLine.Killed k, long line) {
    Victim sizes = new Victim(k.pid(), k.comm(), k.uid(), k.totalVmKb(), k.anonRssKb(), k.fileRssKb(),
        k.shmemRssKb(), k.pgtablesKb(), k.oomScoreAdj(), "killed-line");
    kills.add(new KillLine(line, "killed", k.message(), k.pid(), k.comm(), null, sizes));
    killed.add(k.pid());
  }

  void killScore(ReportLine.KillScore k, long line) {
    kills.add(new KillLine(line, "kill-score", k.message(), k.pid(), k.comm(), k.score(), null));
  }

  void alreadyExiting(ReportLine.AlreadyExiting k, long line) {
    kills.add(new KillLine(line, "already-exiting", k.message(), k.pid(), k.comm(), null, null));
  }

  void mmPinned(ReportLine.MmPinned k, long line) {
    kills.add(new KillLine(line, "mm-pinned", "", k.pid(), k.comm(), null, null));
  }

  void reaper(ReportLine.Reaper r, long line) {
    reaper.add(new ReaperResult(line, r.pid(), r.comm(), r.outcome(), r.anonRssKb(), r.fileRssKb(),
        r.shmemRssKb()));
  }

  boolean hasKilled(int pid) {
    if (killed.contains(pid)) {
      return true;
    }
    for (KillLine k : kills) {
      if (k.pid() == pid) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a {@code Killed process} line after the report's kill still belongs to it: oom.group members, the
   * child sacrificed for a scored parent, the same pid again, or the first kill of a report that had none.
   */
  boolean takesLateKill(int pid) {
    boolean scored = false;
    boolean anyKilled = false;
    for (KillLine k : kills) {
      scored |= k.kind().equals("kill-score");
      anyKilled |= k.kind().equals("killed");
    }
    return oomGroup || scored && !anyKilled || killed.contains(pid) || kills.isEmpty();
  }

  boolean panicked() {
    for (String o : outcome) {
      if (o.startsWith("Kernel panic")) {
        return true;
      }
    }
    return false;
  }

  boolean anyKill() {
    for (KillLine k : kills) {
      if (!k.kind().equals("mm-pinned")) {
        return true;
      }
    }
    return false;
  }

  void state(Fingerprint s) {
    s.add("kills", kills).add("killed", new ArrayList<>(killed)).add("reaper", reaper).add("outcome", outcome)
        .add("oomGroup", oomGroup);
  }
}
