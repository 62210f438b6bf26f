package dev.oomspec.traces.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One OOM event as read from a log: an OOM report (header to kill and reaper lines), a {@code mark_victim}
 * from ftrace, or a line of an oomkill tool. Any scalar may be null when the input did not print it; what a
 * report lacked is listed in {@code missing}.
 *
 * @param range        source file and line range
 * @param origin       {@code kernel-report}, {@code ftrace} or {@code oomkill-tool}
 * @param stream       host/boot/caller key that separated this event from others in the same input ("" if none)
 * @param timestamp    kernel timestamp of the first line in seconds, or null
 * @param trigger      the task that invoked the OOM killer
 * @param gfpMask      as printed, e.g. {@code 0xcc0(GFP_KERNEL)}
 * @param order        allocation order ({@code -1} = sysrq)
 * @param nodemask     header or summary nodemask as printed ({@code (null)})
 * @param constraint   e.g. {@code CONSTRAINT_MEMCG}
 * @param cpuset       cpuset name (summary or ≤4.20 cpuset line)
 * @param memsAllowed  as printed
 * @param oomMemcg     the OOMing memcg path (summary {@code oom_memcg=} or {@code limit of …})
 * @param taskMemcg    the victim's memcg path
 * @param globalOom    true when the summary says {@code global_oom}
 * @param memcg        the memcg block, or null (global OOM)
 * @param globalMemory Mem-Info numbers when printed: {@code free}, {@code active_anon}, … (pages),
 *                     {@code free_swap_kb}, {@code total_swap_kb}, {@code pages_ram}, {@code pages_reserved}, …
 * @param taskColumns  the task-table header's column names
 * @param tasks        the task-table rows
 * @param victim       the chosen process
 * @param kills        every kill-path line
 * @param killed       every pid killed, in order, without duplicates
 * @param reaper       reaper results
 * @param bpfHandler   the BPF handler, or null
 * @param hints        kernel/profile hints
 * @param outcome      outcome lines other than kills ({@code no killable processes}, panics)
 * @param notes        other facts ({@code COMPACTION is disabled}, suppressed callbacks…)
 * @param missing      what the report lacked
 */
public record OomEvent(
    SourceRange range,
    String origin,
    String stream,
    Double timestamp,
    Trigger trigger,
    String gfpMask,
    Integer order,
    String nodemask,
    String constraint,
    String cpuset,
    String memsAllowed,
    String oomMemcg,
    String taskMemcg,
    Boolean globalOom,
    MemcgInfo memcg,
    Map<String, Long> globalMemory,
    List<String> taskColumns,
    List<TaskRow> tasks,
    Victim victim,
    List<KillLine> kills,
    List<Integer> killed,
    List<ReaperResult> reaper,
    BpfHandler bpfHandler,
    ProfileHints hints,
    List<String> outcome,
    List<String> notes,
    List<Missing> missing) {

  public OomEvent {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(origin, "origin");
    stream = stream == null ? "" : stream;
    globalMemory = HandedOver.keep(globalMemory);
    taskColumns = List.copyOf(taskColumns);
    tasks = List.copyOf(tasks);
    kills = List.copyOf(kills);
    killed = List.copyOf(killed);
    reaper = List.copyOf(reaper);
    outcome = List.copyOf(outcome);
    notes = List.copyOf(notes);
    missing = List.copyOf(missing);
  }

  public String source() {
    return range.source();
  }

  public long firstLine() {
    return range.firstLine();
  }

  public long lastLine() {
    return range.lastLine();
  }

  /** True when {@code missing} names {@code what}. */
  public boolean lacks(String what) {
    return missing.stream().anyMatch(m -> m.what().equals(what));
  }
}
