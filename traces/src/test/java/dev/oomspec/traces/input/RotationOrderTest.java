package dev.oomspec.traces.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A rotated set given in one call is read oldest first; other inputs keep their places. */
class RotationOrderTest {

  @Test
  void shellGlobOrderOfANumberedSetBecomesChronological() {
    // what `ls kern.log*` / a shell glob gives
    List<String> glob = List.of("kern.log", "kern.log.1", "kern.log.2.gz", "kern.log.3.gz");
    assertEquals(List.of("kern.log.3.gz", "kern.log.2.gz", "kern.log.1", "kern.log"), RotationOrder.sort(glob));
  }

  @Test
  void numbersCompareAsNumbers() {
    List<String> glob = List.of("/var/log/syslog", "/var/log/syslog.1", "/var/log/syslog.10.gz",
        "/var/log/syslog.2.gz");
    assertEquals(List.of("/var/log/syslog.10.gz", "/var/log/syslog.2.gz", "/var/log/syslog.1", "/var/log/syslog"),
        RotationOrder.sort(glob));
  }

  @Test
  void dateextSetsAreOrderedByDate() {
    List<String> glob = List.of("messages", "messages-20240107", "messages-20231231.gz", "messages-20240114");
    assertEquals(List.of("messages-20231231.gz", "messages-20240107", "messages-20240114", "messages"),
        RotationOrder.sort(glob));
  }

  @Test
  void otherInputsAndStdinKeepTheirPlaces() {
    List<String> in = List.of("a.log", "kern.log", "-", "kern.log.1", "journal.json");
    assertEquals(List.of("a.log", "kern.log.1", "kern.log", "-", "journal.json"), RotationOrder.sort(in));
    assertEquals(List.of("kern.log.2.gz"), RotationOrder.sort(List.of("kern.log.2.gz")));
    assertEquals(List.of("x.dmesg", "y.dmesg"), RotationOrder.sort(List.of("x.dmesg", "y.dmesg")));
  }
}
