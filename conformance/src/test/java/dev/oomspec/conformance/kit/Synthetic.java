package dev.oomspec.conformance.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.oomspec.spec.model.Clause;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Clauses written for the kit's own tests, in the spec's YAML vocabulary: the real spec carries no finding yet,
 * and its differences all hold, so the failing cases are made up here (never added to spec/).
 */
final class Synthetic {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** KILL-02's world and call: a user task with oom_score_adj {@code adj}, bpf_oom_kill_process(). */
  static Clause kill(String id, String revisions, int adj, String expect, String extra) {
    return clause("""
        id: %s
        kind: return-code
        area: return-codes
        feature: bpf_oom_kill_process
        revisions: [%s]
        statement: "synthetic clause of the kit's tests"
        citations: [{patch: "v3 08/17", url: "https://lkml.iu.edu/hypermail/linux/kernel/2604.3/08958.html"}]
        covers: []
        enforcedBy: kernel
        given: {task: {kind: user, oomScoreAdj: %d}}
        call: {op: kfunc, kfunc: bpf_oom_kill_process, args: {task: target, message: "bpf oom test"}}
        expect: %s
        %s
        """.formatted(id, revisions, adj, expect, extra == null ? "" : extra));
  }

  /** A finding entry for a clause (the YAML field {@code findings:}). */
  static String finding(String id, String revisions) {
    return "findings: [{id: " + id + ", revisions: [" + revisions + "], code: [{patch: \"v3 final\", repo: "
        + "\"teawater/linux\", commit: \"08e1c0fd6339e0cab247c38c67e0c82e12277062\", path: \"mm/oom_kill.c\"}], "
        + "note: \"synthetic: the code refuses the task\"}]";
  }

  static Clause clause(String yaml) {
    try {
      return YAML.readValue(yaml, Clause.class).withSource("yaml:clauses/synthetic.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
