package dev.oomspec.traces.golden;

import dev.oomspec.traces.LineAccounting;
import dev.oomspec.traces.Malformed;
import dev.oomspec.traces.OomLogReader;
import dev.oomspec.traces.ReadOptions;
import dev.oomspec.traces.json.EventJson;
import dev.oomspec.traces.replay.EventReplayInput;
import dev.oomspec.traces.replay.ReplayEngine;
import dev.oomspec.traces.replay.ReplayResult;
import dev.oomspec.traces.replay.ScoredCandidate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one input reads into, as two SHA-256 digests: the events (their JSON lines, then the line accounting and
 * the listed malformed lines) and the replay of the kernel reports (verdict, reason, profile, totalpages, model
 * victim, every scored candidate). Written with public API that main at 358df5e (before the byte-level reader
 * was merged) has too, so that the expected digests in {@code golden/INDEX.tsv} are that build's output.
 */
final class GoldenOutput {

  private GoldenOutput() {}

  /** The two digests of {@code file} read as a file ({@code byPath}: chunked when large) or as a stream. */
  static String[] digests(Path file, String source, ReadOptions options, boolean byPath) throws IOException {
    MessageDigest events = sha256();
    MessageDigest replay = sha256();
    ReplayEngine engine = new ReplayEngine(null, false);
    java.util.function.Consumer<dev.oomspec.traces.event.OomEvent> sink = e -> {
      events.update((EventJson.line(e) + "\n").getBytes(StandardCharsets.UTF_8));
      if (EventReplayInput.replayable(e)) {
        replay.update(replayLine(engine.replay(EventReplayInput.of(e))).getBytes(StandardCharsets.UTF_8));
      }
    };
    LineAccounting a;
    if (byPath) {
      a = OomLogReader.read(file, source, options, sink);
    } else {
      try (InputStream in = Files.newInputStream(file)) {
        a = OomLogReader.read(in, source, options, sink);
      }
    }
    StringBuilder acc = new StringBuilder(a.summary()).append('\n');
    for (Malformed m : a.malformedLines()) {
      acc.append(m.line()).append(": ").append(m.why()).append('\n');
    }
    events.update(acc.toString().getBytes(StandardCharsets.UTF_8));
    return new String[] {HexFormat.of().formatHex(events.digest()), HexFormat.of().formatHex(replay.digest())};
  }

  static String replayLine(ReplayResult r) {
    StringBuilder b = new StringBuilder();
    b.append(r.input().firstLine()).append('-').append(r.input().lastLine()).append(' ')
        .append(r.verdict()).append(" | ").append(r.reason()).append(" | ").append(r.profile()).append(" | ")
        .append(r.totalpages()).append(" | ")
        .append(r.modelVictim() == null ? "-" : r.modelVictim().pid() + "/" + r.modelVictim().comm());
    for (ScoredCandidate c : r.candidates()) {
      b.append(" | ").append(c.pid()).append(',').append(c.comm()).append(',').append(c.points()).append(',')
          .append(c.oomScoreAdj()).append(',').append(c.verdict());
    }
    return b.append('\n').toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
