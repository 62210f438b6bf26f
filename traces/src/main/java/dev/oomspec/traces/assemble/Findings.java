package dev.oomspec.traces.assemble;

import dev.oomspec.traces.event.Missing;
import java.util.ArrayList;
import java.util.List;

/** What a report says besides its sections: notes, lines it could not read, elision markers. */
final class Findings {
  final List<String> notes = new ArrayList<>();
  final List<Missing> problems = new ArrayList<>();
  final List<Long> elisions = new ArrayList<>();

  void note(String s) {
    notes.add(s);
  }

  void problem(String what, String why) {
    problems.add(new Missing(what, why));
  }

  void elided(long line) {
    if (elisions.size() < 100) {
      elisions.add(line);
    }
  }

  void state(Fingerprint s) {
    s.add("notes", notes).add("problems", problems).add("elisions", elisions);
  }
}
