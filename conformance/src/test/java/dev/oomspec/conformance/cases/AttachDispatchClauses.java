package dev.oomspec.conformance.cases;

import dev.oomspec.conformance.junit.ClauseTests;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.spec.model.ClauseKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** struct_ops registration / link creation and handler dispatch, in-revision. */
@Tag("attach-dispatch")
public class AttachDispatchClauses {
  @TestFactory
  @Tag("attach")
  Stream<DynamicTest> attach() {
    return ClauseTests.ofKind(ClauseKind.ATTACH, Scope.IN_REVISION);
  }

  @TestFactory
  @Tag("dispatch")
  Stream<DynamicTest> dispatch() {
    return ClauseTests.ofKind(ClauseKind.DISPATCH, Scope.IN_REVISION);
  }
}
