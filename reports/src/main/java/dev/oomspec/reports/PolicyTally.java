package dev.oomspec.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet summary of a replay with policies: per policy, over every event it was replayed on, how many verdicts of
 * each kind, how much more or less memory its runs freed than the kernel's kills, and how many kills were refused.
 * Filled one event at a time ({@link #add}), on one thread.
 */
public final class PolicyTally {
  /** The verdict words, in the order they are reported. */
  public static final List<String> VERDICTS =
      List.of("same", "different", "refused", "declined", "not-loaded", "error", "undecidable");

  /**
   * One policy's totals.
   *
   * @param events       events it was replayed on
   * @param verdicts     events per verdict word
   * @param freedDeltaKb Σ (freedKb − kernelFreedKb) over the decided events where both are known
   * @param compared     how many events that sum covers
   * @param refusals     bpf_oom_kill_process() calls that returned an errno
   */
  public record Row(String name, String revision, long events, Map<String, Long> verdicts, long freedDeltaKb,
                    long compared, long refusals) {
    public Row {
      verdicts = Map.copyOf(verdicts);
    }

    public long count(String verdict) {
      return verdicts.getOrDefault(verdict, 0L);
    }

    /**
     * "over 28 events, largest-rss (v3) would have killed a different task in 9 and the same in 12, freed 123.4 MiB
     * more in total (20 events compared), was refused 0 times; declined 0, not loaded 0, errors 0, undecidable 7".
     */
    public String sentence() {
      double mib = Math.abs(freedDeltaKb) / 1024.0;
      return String.format(Locale.ROOT, "over %d %s, %s (%s) would have killed a different task in %d and the same"
              + " in %d, freed %.1f MiB %s in total (%d %s compared), was refused %d %s; declined %d, not loaded %d,"
              + " errors %d, undecidable %d",
          events, events == 1 ? "event" : "events", name, revision, count("different"), count("same"), mib,
          freedDeltaKb < 0 ? "less" : "more", compared, compared == 1 ? "event" : "events",
          refusals, refusals == 1 ? "time" : "times", count("declined"), count("not-loaded"), count("error"),
          count("undecidable"));
    }
  }

  private static final class Acc {
    String revision;
    long events, delta, compared, refusals;
    final Map<String, Long> verdicts = new LinkedHashMap<>();
  }

  private final Map<String, Acc> byName = new LinkedHashMap<>();

  /** Counts one event's policies. */
  public void add(List<PolicyView> policies) {
    for (PolicyView p : policies) {
      Acc a = byName.computeIfAbsent(p.name(), k -> new Acc());
      a.revision = p.revision();
      a.events++;
      a.verdicts.merge(p.verdict(), 1L, Long::sum);
      a.refusals += p.errnos().size();
      if (!p.verdict().equals("undecidable") && p.freedKb() != null && p.kernelFreedKb() != null) {
        a.delta += p.freedKb() - p.kernelFreedKb();
        a.compared++;
      }
    }
  }

  /** Every event's policies. */
  public static PolicyTally of(List<EventView> events) {
    PolicyTally t = new PolicyTally();
    for (EventView e : events) {
      t.add(e.policies());
    }
    return t;
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /** One row per policy, in the order they were first seen. */
  public List<Row> rows() {
    List<Row> out = new ArrayList<>();
    byName.forEach((name, a) -> out.add(new Row(name, a.revision, a.events, a.verdicts, a.delta, a.compared, a.refusals)));
    return out;
  }
}
