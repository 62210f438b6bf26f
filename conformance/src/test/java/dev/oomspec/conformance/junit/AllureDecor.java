package dev.oomspec.conformance.junit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.oomspec.conformance.runner.ClauseRunner;
import dev.oomspec.conformance.runner.Expectations;
import dev.oomspec.conformance.runner.Result;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.conformance.target.Answer;
import dev.oomspec.conformance.target.Observed;
import dev.oomspec.spec.model.Citation;
import dev.oomspec.spec.model.Clause;
import io.qameta.allure.Allure;
import java.util.LinkedHashMap;
import java.util.Map;

/** Allure labels, parameters, links and attachments of one clause run (lambda API, no AspectJ agent). */
final class AllureDecor {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  private static final ObjectMapper JSON = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private AllureDecor() {}

  static void labels(ClauseRunner.Planned p) {
    Clause c = p.clause();
    Allure.epic(c.area());
    Allure.feature(c.feature());
    Allure.story(c.id());
    Allure.label("tag", c.kind().spelling());
    if (p.scope() == Scope.CROSS_REVISION) Allure.label("tag", "cross-revision");
    Allure.parameter("revision", p.target().revision().displayName());
    Allure.parameter("target", p.target().id());
    Allure.parameter("scope", p.scope() == Scope.IN_REVISION ? "in-revision" : "cross-revision (differences expected)");
    if (c.given() != null) Allure.parameter("given", json(c.given()));
    Allure.parameter("call", json(c.call()));
    Allure.description(c.statement() + "\n\nClause revisions: " + c.revisions() + ". Target: "
        + p.target().description() + "." + (c.inferred() ? " The clause is marked [inferred] in the spec." : ""));
    for (Citation ci : c.citations()) {
      String url = url(ci);
      if (url != null) Allure.link(ci.patch() == null ? "citation" : ci.patch(), url);
    }
  }

  static void attachments(Result r) {
    Clause c = r.clause();
    StringBuilder b = new StringBuilder();
    b.append("verdict: ").append(r.cell().spelling()).append('\n');
    if (!r.detail().isEmpty()) b.append("detail: ").append(r.detail()).append('\n');
    if (c.expect() != null) b.append("\nexpected:\n").append(yaml(c.expect()));
    if (r.answer() instanceof Answer.Answered a) {
      Observed o = a.observed();
      Map<String, Object> shown = new LinkedHashMap<>();
      if (o.ret() != null) shown.put("ret", Expectations.describeRet(o.ret()));
      put(shown, "killed", o.killed());
      put(shown, "bpfMemoryFreed", o.bpfMemoryFreed());
      put(shown, "oomLockTaken", o.oomLockTaken());
      put(shown, "oomInvoked", o.oomInvoked());
      put(shown, "verdict", o.verdict());
      put(shown, "handled", o.handled());
      put(shown, "handlersRan", o.handlersRan());
      put(shown, "kernelKillerRan", o.kernelKillerRan());
      b.append("\nobserved:\n").append(yaml(shown));
      if (!a.notes().isEmpty()) b.append("\nhow the target ran it:\n  - ").append(String.join("\n  - ", a.notes()))
          .append('\n');
      b.append("\n---- clause ").append(c.id()).append(" (").append(c.source()).append(")\n").append(yaml(c));
      Allure.addAttachment("clause, expected vs observed", "text/plain", b.toString(), ".txt");
      if (!a.log().isEmpty())
        Allure.addAttachment("model log (kmsg)", "text/plain", String.join("\n", a.log()) + "\n", ".txt");
    } else {
      b.append("\n---- clause ").append(c.id()).append(" (").append(c.source()).append(")\n").append(yaml(c));
      Allure.addAttachment("clause, expected vs observed", "text/plain", b.toString(), ".txt");
    }
  }

  private static void put(Map<String, Object> m, String k, Object v) {
    if (v != null) m.put(k, v);
  }

  static String url(Citation c) {
    if (c.url() != null && !c.url().isBlank()) return c.url();
    if (c.messageId() != null && !c.messageId().isBlank())
      return "https://lore.kernel.org/r/" + c.messageId().replaceAll("^<|>$", "");
    if (c.repo() != null && c.commit() != null)
      return "https://github.com/" + c.repo() + (c.path() == null ? "/commit/" + c.commit()
          : "/blob/" + c.commit() + "/" + c.path());
    return null;
  }

  static String yaml(Object o) {
    try {
      return YAML.writeValueAsString(o);
    } catch (Exception e) {
      return String.valueOf(o);
    }
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      return String.valueOf(o);
    }
  }
}
