package dev.oomspec.traces.capture;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One live-capture scenario, loaded from YAML ({@code scenarios/NAME.yaml}; see {@link ScenarioCatalog}).
 *
 * @param name          file-safe name; also the output file stem ({@code NAME.kmsg}, ...)
 * @param description   one or two sentences: what the scenario shows
 * @param limitMb       {@code memory.limit_in_bytes} (v1) / {@code memory.max} (v2) of the child group
 * @param swapLimitMb   memory+swap limit (v1 {@code memory.memsw.limit_in_bytes}) or swap limit (v2
 *                      {@code memory.swap.max}); null: memory+swap = limit, i.e. no swap use
 * @param swappiness    {@code memory.swappiness} (v1 only); null: left as inherited
 * @param workers       the processes, started in this order; the trigger is started last whatever its
 *                      position
 * @param trigger       name of the worker whose allocation makes the group run out of memory
 * @param expectedKills how many OOM kills the scenario must produce on a real kernel
 * @param timeoutSeconds hang guard for the whole scenario (setup, kills, teardown)
 * @param requires      what the machine must have; a scenario whose requirement is absent is skipped
 */
public record Scenario(
    String name,
    String description,
    int limitMb,
    Integer swapLimitMb,
    Integer swappiness,
    List<WorkerSpec> workers,
    String trigger,
    int expectedKills,
    int timeoutSeconds,
    List<Requirement> requires) {

  /** The kernel prints at most 15 characters of comm (TASK_COMM_LEN - 1). */
  public static final int COMM_MAX = 15;

  public Scenario {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9][a-z0-9-]{0,40}")) {
      throw new IllegalArgumentException("scenario name must be [a-z0-9-], at most 41 chars: " + name);
    }
    description = description == null ? "" : description.strip();
    if (limitMb < 4) {
      throw new IllegalArgumentException(name + ": limitMb must be >= 4");
    }
    if (swapLimitMb != null && swapLimitMb < limitMb) {
      throw new IllegalArgumentException(name + ": swapLimitMb (memory+swap) must be >= limitMb");
    }
    workers = List.copyOf(Objects.requireNonNull(workers, name + ": workers"));
    if (workers.isEmpty()) {
      throw new IllegalArgumentException(name + ": no workers");
    }
    requires = requires == null ? List.of() : List.copyOf(requires);
    if (timeoutSeconds <= 0) {
      timeoutSeconds = 30;
    }
    if (expectedKills < 0 || expectedKills > OomReportBudget.BURST) {
      throw new IllegalArgumentException(
          name + ": expectedKills must be 0.." + OomReportBudget.BURST
              + " (the kernel prints at most that many OOM reports per 5 s)");
    }
    Objects.requireNonNull(trigger, name + ": trigger");
    Set<String> comms = new HashSet<>();
    WorkerSpec trig = null;
    for (WorkerSpec w : workers) {
      for (String comm : w.comms()) {
        if (!comms.add(comm)) {
          throw new IllegalArgumentException(name + ": duplicate comm " + comm);
        }
      }
      if (w.name().equals(trigger)) {
        trig = w;
      }
    }
    if (trig == null) {
      throw new IllegalArgumentException(name + ": trigger " + trigger + " is not a worker");
    }
    if (trig.count() != 1) {
      throw new IllegalArgumentException(name + ": the trigger must have count 1");
    }
    for (WorkerSpec w : workers) {
      if (w.grow() && w != trig) {
        throw new IllegalArgumentException(name + ": only the trigger may grow (" + w.name() + ")");
      }
    }
  }

  /** The trigger's spec. */
  public WorkerSpec triggerSpec() {
    return workers.stream().filter(w -> w.name().equals(trigger)).findFirst().orElseThrow();
  }

  /** Workers in start order: every non-trigger worker in file order, then the trigger. */
  public List<WorkerSpec> startOrder() {
    List<WorkerSpec> out = new ArrayList<>();
    for (WorkerSpec w : workers) {
      if (!w.name().equals(trigger)) {
        out.add(w);
      }
    }
    out.add(triggerSpec());
    return out;
  }

  /** Whether any worker asks for a negative oom_score_adj (needs CAP_SYS_RESOURCE). */
  public boolean needsNegativeAdj() {
    return workers.stream().anyMatch(w -> w.oomScoreAdj() < 0);
  }

  /**
   * One worker line of a scenario; {@code count > 1} makes that many identical processes named
   * {@code name01}, {@code name02}, ...
   *
   * @param name        the comm (or comm prefix when count > 1), at most 15 characters in all
   * @param residentMb  anonymous (or shmem/file) megabytes the worker makes resident; null with grow
   * @param grow        the worker grows until it is killed (the usual trigger)
   * @param oomScoreAdj written to /proc/PID/oom_score_adj before the worker allocates
   * @param memory      the kind of memory the worker holds
   * @param count       number of identical processes (default 1)
   */
  public record WorkerSpec(
      String name,
      Integer residentMb,
      boolean grow,
      int oomScoreAdj,
      MemoryKind memory,
      Integer count) {

    public WorkerSpec {
      Objects.requireNonNull(name, "worker name");
      if (!name.matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException("worker name must be [A-Za-z0-9_.-]: " + name);
      }
      memory = memory == null ? MemoryKind.ANON : memory;
      count = count == null ? 1 : count;
      if (count < 1 || count > 200) {
        throw new IllegalArgumentException(name + ": count must be 1..200");
      }
      if (grow == (residentMb != null)) {
        throw new IllegalArgumentException(name + ": give exactly one of residentMb and grow: true");
      }
      if (residentMb != null && residentMb < 0) {
        throw new IllegalArgumentException(name + ": residentMb < 0");
      }
      if (oomScoreAdj < -1000 || oomScoreAdj > 1000) {
        throw new IllegalArgumentException(name + ": oomScoreAdj outside -1000..1000");
      }
      for (String c : comms(name, count)) {
        if (c.length() > COMM_MAX) {
          throw new IllegalArgumentException(c + ": comm longer than " + COMM_MAX + " characters");
        }
      }
    }

    /** The comm of each process of this line: {@code name}, or {@code name01..nameNN} for count > 1. */
    public List<String> comms() {
      return comms(name, count);
    }

    private static List<String> comms(String name, int count) {
      if (count == 1) {
        return List.of(name);
      }
      int width = String.valueOf(count).length() < 2 ? 2 : String.valueOf(count).length();
      List<String> out = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        out.add(name + String.format("%0" + width + "d", i));
      }
      return out;
    }
  }

  /** What the worker's resident memory is. */
  public enum MemoryKind {
    @JsonProperty("anon")
    ANON,
    @JsonProperty("shmem")
    SHMEM,
    @JsonProperty("file")
    FILE
  }

  /** A property of the machine that a scenario needs. */
  public enum Requirement {
    /** Lowering oom_score_adj below 0 (or below the current value) needs CAP_SYS_RESOURCE. */
    CAP_SYS_RESOURCE
  }
}
