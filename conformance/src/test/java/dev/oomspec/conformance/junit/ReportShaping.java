package dev.oomspec.conformance.junit;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Last touch on every Allure result before it is written (registered in
 * {@code META-INF/services/io.qameta.allure.listener.TestLifecycleListener}):
 *
 * <ul>
 *   <li>a finding (the JUnit test aborted with {@code [finding F-NN] …}) gets Allure status <em>unknown</em>: neither
 *       green nor red, counted on its own on the overview and listed in the category Findings;
 *   <li>a documented difference that holds (passed) carries its sentence as the status message, so the category
 *       "Documented differences between revisions" lists it;
 *   <li>the Java names the JUnit integration adds (package, test class, test method, class-named suites) are
 *       dropped: the trees are built from the reviewer's labels — parent suite = revision, suite = area; a result
 *       without them gets its epic and feature instead; a Java full name (shown above each test) becomes its name.
 * </ul>
 */
public final class ReportShaping implements TestLifecycleListener {
  static final String FINDING_PREFIX = "[finding ";
  static final String DIFFERENCE_PREFIX = "[differs as documented] ";
  private static final Set<String> CODE_LABELS = Set.of("package", "testClass", "testMethod");
  private static final List<String> SUITES = List.of("parentSuite", "suite", "subSuite");

  @Override
  public void beforeTestWrite(TestResult r) {
    String message = r.getStatusDetails() == null ? null : r.getStatusDetails().getMessage();
    if (r.getStatus() == Status.SKIPPED && message != null && message.startsWith(FINDING_PREFIX))
      r.setStatus(null); // Allure has no "unknown" constant: a result without a status is shown as unknown
    List<Label> labels = new ArrayList<>(r.getLabels());
    if (r.getStatus() == Status.PASSED && has(labels, "tag", "documented-difference") && message == null)
      r.setStatusDetails(new StatusDetails().setMessage(DIFFERENCE_PREFIX + r.getName()));
    labels.removeIf(l -> CODE_LABELS.contains(l.getName())
        || SUITES.contains(l.getName()) && l.getValue() != null && l.getValue().startsWith("dev.oomspec."));
    for (String s : SUITES) keepLast(labels, s);
    if (value(labels, "parentSuite") == null) labels.add(label("parentSuite", orElse(value(labels, "epic"), "Other")));
    if (value(labels, "suite") == null) labels.add(label("suite", orElse(value(labels, "feature"), "Other")));
    r.setLabels(labels);
    if (r.getFullName() == null || r.getFullName().startsWith("dev.oomspec.")) r.setFullName(r.getName());
  }

  private static void keepLast(List<Label> labels, String name) {
    Label last = null;
    for (Label l : labels) if (l.getName().equals(name)) last = l;
    Label keep = last;
    labels.removeIf(l -> l.getName().equals(name) && l != keep);
  }

  private static boolean has(List<Label> labels, String name, String value) {
    return labels.stream().anyMatch(l -> l.getName().equals(name) && value.equals(l.getValue()));
  }

  private static String value(List<Label> labels, String name) {
    return labels.stream().filter(l -> l.getName().equals(name)).map(Label::getValue).findFirst().orElse(null);
  }

  private static String orElse(String v, String other) {
    return v == null ? other : v;
  }

  private static Label label(String name, String value) {
    return new Label().setName(name).setValue(value);
  }
}
