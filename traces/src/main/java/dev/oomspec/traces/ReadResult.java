package dev.oomspec.traces;

import dev.oomspec.traces.event.OomEvent;
import java.util.List;

/** All events of one source and its line accounting (for inputs small enough to collect). */
public record ReadResult(List<OomEvent> events, LineAccounting accounting) {
  public ReadResult {
    events = List.copyOf(events);
  }
}
