package dev.oomspec.traces.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KmsgRecordTest {

  @Test
  void parsesHeaderTextAndContinuationLines() {
    KmsgRecord r =
        KmsgRecord.parse("6,2892,319632866,-;[   7247]     0  7247 idle10\n SUBSYSTEM=mem\n DEVICE=x\n");
    assertEquals(6, r.level());
    assertEquals(2892, r.seq());
    assertEquals(319632866L, r.usec());
    assertEquals("[   7247]     0  7247 idle10", r.text());
    assertEquals(List.of("SUBSYSTEM=mem", "DEVICE=x"), r.continuation());
  }

  @Test
  void dmesgLineIsSecondsDotMicrosecondsPaddedToFive() {
    assertEquals(
        "[  315.270634]  <TASK>", KmsgRecord.parse("4,2742,315270634,-; <TASK>").dmesgLine());
    assertEquals("[    0.000001] x", KmsgRecord.parse("4,1,1,-;x").dmesgLine());
    assertEquals(
        "[123456.000000] y", KmsgRecord.parse("14,9,123456000000,c;y").dmesgLine());
  }

  @Test
  void textMayContainSemicolonsAndCommas() {
    KmsgRecord r = KmsgRecord.parse("3,5,7,-;a;b,c");
    assertEquals("a;b,c", r.text());
    assertEquals(3, r.facilityPrio());
  }
}
