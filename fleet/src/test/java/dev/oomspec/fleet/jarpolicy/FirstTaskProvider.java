package dev.oomspec.fleet.jarpolicy;

import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.PolicyProvider;

/** {@link FirstTask}'s provider, listed in the test jar's {@code META-INF/services}. */
public final class FirstTaskProvider implements PolicyProvider {
  @Override
  public String name() {
    return "first-task";
  }

  @Override
  public String summary() {
    return "the first process of the task iterator (a test policy)";
  }

  @Override
  public OomPolicy create(String argument) {
    return new FirstTask();
  }
}
