package dev.oomspec.traces.assemble;

import dev.oomspec.traces.event.UsageLine;
import java.util.List;
import java.util.Map;

/**
 * One line of kernel text as the report grammar ({@link ReportGrammar}) reads it: a typed token. The body
 * tokens are listed in the grammar's order ({@link Rule}); a line is the first rule it matches. Tokens hold
 * parsed values only; the line's text stays with the reader ({@link dev.oomspec.traces.read.Text}) for the few
 * rules that read it in place (stack frames, Mem-Info numbers, task rows, whose values depend on the report).
 */
sealed interface ReportLine {

  /**
   * The body rules in the order the grammar tries them: the order of the lines of Linux mm/oom_kill.c
   * {@code dump_header()} (stack, memcg or {@code __show_mem()} memory state, {@code dump_tasks()}), then
   * {@code dump_oom_summary()} and {@code __oom_kill_process()}'s kill lines.
   */
  enum Rule {
    BPF_POLICY, BPF_HANDLER, COMPACTION, STACK_HEADER, CPUSET, USAGE, TASK_IN, LIMIT_REACHED, STATS_TITLE,
    MEM_INFO, MIN_PROTECTION, TASKS_STATE, TASK_HEADER, TASK_ROW, SUMMARY, KILLED, KILL_SCORE, ALREADY_EXITING,
    OUTCOME, PANIC, STAT_OVERFLOW, OTHER
  }

  Rule rule();

  // ---- lines read before any report takes them ----------------------------------------------------------

  /** {@code comm invoked oom-killer: gfp_mask=…, [nodemask=…, ] order=N, [oom_adj=N, ]oom_score_adj=N}. */
  record Header(String comm, String gfpMask, String nodemask, Integer order, Integer oomScoreAdj,
      String variant, List<String> problems) implements ReportLine {
    public Rule rule() {
      return Rule.OTHER;
    }
  }

  /** {@code ...}, {@code …}, {@code [...]}: lines left out by whoever published the log. */
  record Elision(String marker) implements ReportLine {
    public Rule rule() {
      return Rule.OTHER;
    }
  }

  /** {@code oom_reaper: reaped process N (comm), now anon-rss:…} / {@code oom_reaper: unable to reap pid:N (comm)}. */
  record Reaper(int pid, String comm, String outcome, Long anonRssKb, Long fileRssKb, Long shmemRssKb)
      implements ReportLine {
    public Rule rule() {
      return Rule.OTHER;
    }
  }

  /** {@code oom killer N (comm) has mm pinned by M (comm)} (read after a kill). */
  record MmPinned(int pid, String comm) implements ReportLine {
    public Rule rule() {
      return Rule.OTHER;
    }
  }

  // ---- body lines, in rule order --------------------------------------------------------------------------

  /** {@code oom_policy=NAME} (series v1/v2). */
  record BpfPolicy(String name) implements ReportLine {
    public Rule rule() {
      return Rule.BPF_POLICY;
    }
  }

  /** {@code oom bpf handler: NAME} (series v3). */
  record BpfHandlerLine(String name) implements ReportLine {
    public Rule rule() {
      return Rule.BPF_HANDLER;
    }
  }

  /** {@code COMPACTION is disabled!!!}. */
  record Compaction() implements ReportLine {
    public Rule rule() {
      return Rule.COMPACTION;
    }
  }

  /** {@code CPU: 1 [UID: 0 ]PID: 7186 Comm: hog Not tainted 6.18.44 #1 PREEMPT(none)}. */
  record StackHeader(Integer pid, String taint, String release, String build) implements ReportLine {
    public Rule rule() {
      return Rule.STACK_HEADER;
    }
  }

  /** {@code comm cpuset=NAME mems_allowed=LIST} (≤4.20). */
  record CpusetLine(String cpuset, String memsAllowed) implements ReportLine {
    public Rule rule() {
      return Rule.CPUSET;
    }
  }

  /** {@code memory: usage NkB, limit NkB, failcnt N} and the memory+swap/swap/kmem forms; {@code usage} null when unreadable. */
  record Usage(String counter, UsageLine usage, String abbreviated) implements ReportLine {
    public Rule rule() {
      return Rule.USAGE;
    }
  }

  /** {@code Task in X killed as a result of limit of Y} (≤4.18). */
  record TaskIn(String taskMemcg, String oomMemcg) implements ReportLine {
    public Rule rule() {
      return Rule.TASK_IN;
    }
  }

  /** {@code Memory limit reached of cgroup PATH}. */
  record LimitReached(String path) implements ReportLine {
    public Rule rule() {
      return Rule.LIMIT_REACHED;
    }
  }

  /**
   * {@code Memory cgroup stats for PATH:[ key:NKB …]}; {@code cutToken} is the last inline {@code key:value}
   * when it ends without a unit (a hard-wrapped line may continue it), else null.
   */
  record StatsTitle(String path, Map<String, Long> inline, String cutToken) implements ReportLine {
    public Rule rule() {
      return Rule.STATS_TITLE;
    }
  }

  /** {@code Mem-Info:}. */
  record MemInfoTitle() implements ReportLine {
    public Rule rule() {
      return Rule.MEM_INFO;
    }
  }

  /** {@code Memory cgroup min protection …} (kept as a note). */
  record MinProtection(String text) implements ReportLine {
    public Rule rule() {
      return Rule.MIN_PROTECTION;
    }
  }

  /** {@code Tasks state (memory values in pages):}. */
  record TasksState() implements ReportLine {
    public Rule rule() {
      return Rule.TASKS_STATE;
    }
  }

  /** {@code [  pid  ]   uid  tgid total_vm …  name}. */
  record TaskHeader(List<String> columns) implements ReportLine {
    public Rule rule() {
      return Rule.TASK_HEADER;
    }
  }

  /** {@code [  pid]   uid  tgid …  name}: read against the report's columns ({@link TaskRows}). */
  record TaskRowLine() implements ReportLine {
    public Rule rule() {
      return Rule.TASK_ROW;
    }
  }

  /** {@code oom-kill:constraint=…,…,task=…,pid=…,uid=…} (5.0+). */
  record Summary(Map<String, String> fields) implements ReportLine {
    public Rule rule() {
      return Rule.SUMMARY;
    }
  }

  /** {@code [msg: ]Killed process N (comm) total-vm:… } that could be read. */
  record Killed(String message, int pid, String comm, Long uid, Long totalVmKb, Long anonRssKb,
      Long fileRssKb, Long shmemRssKb, Long pgtablesKb, Integer oomScoreAdj) implements ReportLine {
    public Rule rule() {
      return Rule.KILLED;
    }
  }

  /** A {@code Killed process} line that could not be read, and why. */
  record UnreadableKill(String why) implements ReportLine {
    public Rule rule() {
      return Rule.KILLED;
    }
  }

  /** {@code [msg: ]Kill process N (comm) score S or sacrifice child} (≤5.0). */
  record KillScore(String message, int pid, String comm, Long score) implements ReportLine {
    public Rule rule() {
      return Rule.KILL_SCORE;
    }
  }

  /** {@code [msg: ]OOM victim N (comm) is already exiting. Skip killing the task}. */
  record AlreadyExiting(String message, int pid, String comm) implements ReportLine {
    public Rule rule() {
      return Rule.ALREADY_EXITING;
    }
  }

  /** {@code Out of memory and no killable processes...} / {@code OOM request ignored…}. */
  record NoKill(String text) implements ReportLine {
    public Rule rule() {
      return Rule.OUTCOME;
    }
  }

  /** {@code Kernel panic - not syncing: …} / {@code ---[ end Kernel panic …}. */
  record Panic(String text) implements ReportLine {
    public Rule rule() {
      return Rule.PANIC;
    }
  }

  /** {@code … Warning, stat buffer overflow, please report}. */
  record StatOverflow(String text) implements ReportLine {
    public Rule rule() {
      return Rule.STAT_OVERFLOW;
    }
  }

  // ---- lines no rule names: taken by the report's current section ----------------------------------------

  /** A 5.3+ memcg stats line {@code key value} ({@code key} of {@code [a-z0-9_]}). */
  record StatLine(String key, long value, boolean digitFirst) implements ReportLine {
    public Rule rule() {
      return Rule.OTHER;
    }
  }

  /** A bare stack frame {@code [? ]symbol+0xHEX/0xHEX}. */
  record Frame(boolean digitFirst) implements ReportLine {
    public Rule rule() {
      return Rule.OTHER;
    }
  }

  /** Any other line: a stack line, a Mem-Info line, or nothing a report knows. */
  record Other() implements ReportLine {
    public Rule rule() {
      return Rule.OTHER;
    }
  }
}
