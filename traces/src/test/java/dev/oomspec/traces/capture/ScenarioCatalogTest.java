package dev.oomspec.traces.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {

  @Test
  void shipsAtLeastEightRunnableScenariosAndANegativeAdjOne() {
    List<Scenario> all = ScenarioCatalog.all();
    long runnable = all.stream().filter(s -> !s.needsNegativeAdj()).count();
    assertTrue(runnable >= 8, "runnable scenarios: " + runnable);
    Scenario neg = ScenarioCatalog.load("negative-adj");
    assertTrue(neg.needsNegativeAdj());
    assertTrue(neg.requires().contains(Scenario.Requirement.CAP_SYS_RESOURCE));
  }

  @Test
  void theIssueShapesAreThere() {
    assertEquals(1, ScenarioCatalog.load("single-hog").workers().size());
    assertEquals(
        List.of(100, 250, 500, 1000),
        ScenarioCatalog.load("adj-ladder").workers().stream()
            .filter(w -> !w.grow()).map(Scenario.WorkerSpec::oomScoreAdj).toList());
    assertTrue(
        ScenarioCatalog.load("many-small").workers().stream()
                .mapToInt(w -> w.comms().size()).sum() > 30);
    assertTrue(ScenarioCatalog.load("cascade").expectedKills() >= 3);
    Scenario eq = ScenarioCatalog.load("equal-sized");
    assertEquals(List.of("eq1", "eq2", "eq3", "eq4").size(), eq.workers().get(0).comms().size());
  }

  @Test
  void countMakesNumberedComms() {
    Scenario.WorkerSpec w =
        new Scenario.WorkerSpec("small", 3, false, 0, Scenario.MemoryKind.ANON, 32);
    assertEquals("small01", w.comms().get(0));
    assertEquals("small32", w.comms().get(31));
  }

  @Test
  void unknownKeysAreErrors() {
    String yaml =
        "name: x\nlimitMb: 64\nworkers: [{name: hog, grow: true, colour: red}]\ntrigger: hog\n"
            + "expectedKills: 1\n";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ScenarioCatalog.parse(yaml.getBytes(StandardCharsets.UTF_8), "x"));
    assertTrue(e.getMessage().contains("colour"), e.getMessage());
  }

  @Test
  void commsLongerThanTheKernelPrintsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Scenario.WorkerSpec("a-very-long-name", 1, false, 0, null, null));
  }

  @Test
  void theTriggerMustBeAWorkerAndOnlyItMayGrow() {
    Scenario.WorkerSpec hog = new Scenario.WorkerSpec("hog", null, true, 0, null, null);
    Scenario.WorkerSpec idle = new Scenario.WorkerSpec("idle", 10, false, 0, null, null);
    assertThrows(
        IllegalArgumentException.class,
        () -> new Scenario("x", "", 64, null, null, List.of(hog), "nobody", 1, 10, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Scenario("x", "", 64, null, null, List.of(hog, idle), "idle", 1, 10, null));
    Scenario ok = new Scenario("x", "", 64, null, null, List.of(hog, idle), "hog", 1, 10, null);
    assertEquals(List.of("idle", "hog"), ok.startOrder().stream().map(Scenario.WorkerSpec::name).toList());
  }
}
