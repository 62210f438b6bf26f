package dev.oomspec.traces.policy;

import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.PolicyProvider;

/**
 * A policy chosen on the command line: {@code NAME} or {@code NAME=ARGUMENT}.
 *
 * @param name     as written (a provider's name or a class name)
 * @param argument the text after '=', or null
 * @param provider where instances come from
 */
public record PolicySpec(String name, String argument, PolicyProvider provider) {
    /** A fresh instance for one event (a freshly loaded program: empty maps). */
    public OomPolicy create() { return provider.create(argument); }
}
