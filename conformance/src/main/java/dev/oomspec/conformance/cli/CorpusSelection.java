package dev.oomspec.conformance.cli;

import dev.oomspec.traces.replay.ReplayCorpus;
import java.util.List;

/**
 * The corpus files {@code oomspec replay} replays by default: each kill once. An INDEX entry whose notes say
 * {@code same kills as <file>} is another form of a file already replayed (a {@code .kmsg} beside its
 * {@code .dmesg}, a journal export beside the console text) and is kept for the tests, not replayed again.
 */
final class CorpusSelection {
  static final String SAME_KILLS = "same kills as ";

  private CorpusSelection() {}

  static List<ReplayCorpus.Entry> replayed(ReplayCorpus corpus) {
    return corpus.entries().stream().filter(e -> !e.notes().startsWith(SAME_KILLS)).toList();
  }
}
