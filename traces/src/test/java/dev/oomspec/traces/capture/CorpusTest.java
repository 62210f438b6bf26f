package dev.oomspec.traces.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed captures in corpus/live-6.18 are complete and say what the model needs. */
class CorpusTest {

  static final Path CORPUS = Path.of("corpus/live-6.18");

  static List<Path> jsons() throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(CORPUS, "*.json")) {
      ds.forEach(out::add);
    }
    return out;
  }

  @Test
  void everyCaptureHasItsFilesAndMadeItsExpectedKills() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "run from the traces module directory");
    List<Path> jsons = jsons();
    assertTrue(jsons.size() >= 8, "captures: " + jsons.size());
    for (Path json : jsons) {
      String stem = json.getFileName().toString().replace(".json", "");
      CaptureReport r = LiveCapture.readReport(json);
      assertTrue(r.ok(), stem + ": " + r.outcome());
      assertEquals(r.expectedKills(), r.kills().size(), stem);
      Scenario s = ScenarioCatalog.read(CORPUS.resolve(stem + ".yaml"));
      assertEquals(s.name(), r.scenario());
      assertEquals(s.limitMb(), r.limitMb());
      String dmesg = Files.readString(CORPUS.resolve(stem + ".dmesg"));
      String kmsg = Files.readString(CORPUS.resolve(stem + ".kmsg"));
      String ftrace = Files.readString(CORPUS.resolve(stem + ".ftrace"));
      assertEquals(dmesg.lines().count(), kmsg.lines().count(), stem);
      Map<Long, CaptureReport.Task> tasks =
          r.tasks().stream().collect(Collectors.toMap(CaptureReport.Task::pid, t -> t));
      for (CaptureReport.Kill k : r.kills()) {
        CaptureReport.Task t = tasks.get(k.pid());
        assertEquals(t.comm(), k.comm(), stem);
        assertTrue(t.oomKilled(), stem + " " + t.comm());
        assertEquals(t.actualOomScoreAdj(), k.oomScoreAdj(), stem);
        assertTrue(dmesg.contains("Killed process " + k.pid() + " (" + k.comm() + ")"), stem);
        assertTrue(ftrace.contains("mark_victim: pid=" + k.pid() + " comm=" + k.comm()), stem);
      }
      // every kill has its full report (the kernel's oom_rs ratelimit can drop them)
      assertEquals(r.kills().size(), r.oomReports(), stem);
      assertEquals(r.kills().size(), dmesg.split("Tasks state \\(memory values in pages\\):", -1).length - 1, stem);
      for (CaptureReport.Task t : r.tasks()) {
        assertEquals(t.askedOomScoreAdj(), t.actualOomScoreAdj(), stem + " " + t.comm());
      }
    }
  }
}
