package dev.oomspec.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes events as JSON lines: one object per event, each ending in {@code \n}, with Jackson's streaming generator.
 * The fields are a stable interface, documented in {@code docs/replay-format.md}.
 *
 * <p>Events can be written one at a time as the replay produces them; call {@link #flush()} at the end. The target
 * writer is never closed by this class.
 */
public final class JsonLinesWriter implements Flushable {
  public static final int DEFAULT_CANDIDATES = 5;

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final JsonGenerator json;
  private final int candidateLimit;

  public JsonLinesWriter(Writer out) throws IOException {
    this(out, DEFAULT_CANDIDATES);
  }

  /** @param candidateLimit how many top-ranked candidates each line carries (victims ranked lower are added) */
  public JsonLinesWriter(Writer out, int candidateLimit) throws IOException {
    if (candidateLimit < 0) {
      throw new IllegalArgumentException("candidateLimit < 0: " + candidateLimit);
    }
    this.candidateLimit = candidateLimit;
    this.json = FACTORY.createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setRootValueSeparator(null); // lines are separated by the '\n' written after each object
  }

  /** Writes all of {@code events} to {@code out} and flushes. */
  public static void writeAll(Iterable<EventView> events, Writer out) throws IOException {
    JsonLinesWriter lines = new JsonLinesWriter(out);
    for (EventView e : events) {
      lines.write(e);
    }
    lines.flush();
  }

  public void write(EventView e) throws IOException {
    json.writeStartObject();
    json.writeStringField("source", e.sourceFile());
    json.writeNumberField("firstLine", e.firstLine());
    json.writeNumberField("lastLine", e.lastLine());
    writeTask("kernelVictim", e.kernelVictim());
    writeTask("modelVictim", e.modelVictim());
    json.writeStringField("verdict", e.verdict().wireName());
    json.writeStringField("reason", e.reason());
    json.writeStringField("profile", e.profile());
    if (e.totalpages() == null) {
      json.writeNullField("totalpages");
    } else {
      json.writeNumberField("totalpages", e.totalpages().longValue());
    }
    json.writeArrayFieldStart("candidates");
    for (CandidateView c : CandidateRanking.topWithVictims(e.candidates(), candidateLimit)) {
      json.writeStartObject();
      json.writeNumberField("pid", c.pid());
      json.writeStringField("comm", c.comm());
      json.writeNumberField("points", c.points());
      json.writeNumberField("oomScoreAdj", c.oomScoreAdj());
      json.writeBooleanField("eligible", c.eligible());
      json.writeBooleanField("kernelVictim", c.kernelVictim());
      json.writeBooleanField("modelVictim", c.modelVictim());
      json.writeEndObject();
    }
    json.writeEndArray();
    if (!e.policies().isEmpty()) {
      writePolicies(e.policies());
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  /** The {@code policies} array (only on events replayed with {@code --policy}). */
  private void writePolicies(java.util.List<PolicyView> policies) throws IOException {
    json.writeArrayFieldStart("policies");
    for (PolicyView p : policies) {
      json.writeStartObject();
      json.writeStringField("name", p.name());
      json.writeStringField("program", p.program());
      json.writeStringField("revision", p.revision());
      json.writeStringField("verdict", p.verdict());
      json.writeStringField("reason", p.reason());
      writeVictims("victims", p.victims());
      json.writeBooleanField("kernelKillerRan", p.kernelKillerRan());
      writeVictims("kernelKilled", p.kernelKilled());
      writeLong("freedKb", p.freedKb());
      writeLong("kernelFreedKb", p.kernelFreedKb());
      json.writeArrayFieldStart("calls");
      for (PolicyView.Call c : p.calls()) {
        json.writeStartObject();
        json.writeStringField("kfunc", c.kfunc());
        json.writeStringField("args", c.args());
        json.writeStringField("ret", c.ret());
        json.writeStringField("attachedAt", c.attachedAt());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeVictims(String field, java.util.List<PolicyView.Victim> victims) throws IOException {
    json.writeArrayFieldStart(field);
    for (PolicyView.Victim v : victims) {
      json.writeStartObject();
      json.writeNumberField("pid", v.pid());
      json.writeStringField("comm", v.comm());
      json.writeNumberField("memoryKb", v.memoryKb());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeLong(String field, Long value) throws IOException {
    if (value == null) {
      json.writeNullField(field);
    } else {
      json.writeNumberField(field, value.longValue());
    }
  }

  private void writeTask(String field, TaskRef task) throws IOException {
    if (task == null) {
      json.writeNullField(field);
      return;
    }
    json.writeObjectFieldStart(field);
    json.writeNumberField("pid", task.pid());
    json.writeStringField("comm", task.comm());
    json.writeEndObject();
  }

  @Override
  public void flush() throws IOException {
    json.flush();
  }
}
