package dev.oomspec.reports;

import java.util.List;
import java.util.Objects;

/**
 * Everything a replay report shows.
 *
 * @param generatedAt when the report was made, as the caller wants it printed; renderers read no clock
 * @param counts verdict counts; usually {@link VerdictCounts#of} of {@code events}, but a caller that passes only part
 *     of its events may give the full counts
 * @param version the tool and version that made the report (header), or "" when not given
 * @param unreplayed events read but not replayed because they carry no kernel report, in input order
 */
public record ReplayReport(
    String title,
    String generatedAt,
    VerdictCounts counts,
    List<EventView> events,
    List<Citation> citations,
    String version,
    List<NoReportView> unreplayed) {

  /** A report without version and without unreplayed events. */
  public ReplayReport(String title, String generatedAt, VerdictCounts counts, List<EventView> events,
      List<Citation> citations) {
    this(title, generatedAt, counts, events, citations, "", List.of());
  }

  public ReplayReport {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(counts, "counts");
    events = List.copyOf(Objects.requireNonNull(events, "events"));
    citations = citations == null ? List.of() : List.copyOf(citations);
    version = version == null ? "" : version;
    unreplayed = unreplayed == null ? List.of() : List.copyOf(unreplayed);
  }

  /** A report whose counts are those of {@code events}, with no citations. */
  public static ReplayReport of(String title, String generatedAt, List<EventView> events) {
    return new ReplayReport(title, generatedAt, VerdictCounts.of(events), events, List.of());
  }

  public ReplayReport withCitations(List<Citation> citations) {
    return new ReplayReport(title, generatedAt, counts, events, citations, version, unreplayed);
  }

  /** This report with the maker's version and the events that were not replayed. */
  public ReplayReport with(String version, List<NoReportView> unreplayed) {
    return new ReplayReport(title, generatedAt, counts, events, citations, version, unreplayed);
  }
}
