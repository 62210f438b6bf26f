package dev.oomspec.fleet.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.oomspec.traces.replay.ReplayInput.OomKind;
import org.junit.jupiter.api.Test;

class EventRowsTest {

  @Test
  void kernelVersionIsMajorMinorOfThePrintedRelease() {
    assertEquals("6.18", EventRows.version("6.18.44-fc-v595"));
    assertEquals("3.10", EventRows.version("3.10.0-514.6.1.el7.x86_64"));
    assertEquals("5.2", EventRows.version("5.2.0-rc7"));
    assertNull(EventRows.version(null));
    assertNull(EventRows.version("unknown"));
  }

  @Test
  void everyKindHasAScope() {
    for (OomKind k : OomKind.values()) {
      String scope = EventRows.scope(k);
      String kind = EventRows.oomKind(k);
      assertEquals(scope, kind.startsWith("memcg") ? "memcg" : kind);
    }
  }

  @Test
  void theEventSchemaStartsWithReplayFormatsColumns() {
    assertEquals(java.util.List.of("source", "firstLine", "lastLine", "kernelVictim", "modelVictim", "verdict",
            "reason", "profile", "totalpages", "candidates"),
        java.util.List.of(FleetSchema.EVENT.fieldNames()).subList(0, FleetSchema.REPLAY_COLUMNS));
  }
}
