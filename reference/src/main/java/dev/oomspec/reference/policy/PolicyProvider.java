package dev.oomspec.reference.policy;

/**
 * Makes a policy available by name ({@code oomspec replay --policy NAME}). Providers are found with
 * {@link java.util.ServiceLoader}: list the class in {@code META-INF/services/dev.oomspec.reference.policy.PolicyProvider}
 * of your jar and pass the jar with {@code --policy-jar}.
 */
public interface PolicyProvider {
    /** The name on the command line: lower case, digits and '-'. */
    String name();

    /** One line: what the policy kills. */
    String summary();

    /**
     * A fresh instance (one per replayed event, like a freshly loaded program with empty maps).
     *
     * @param argument the text after {@code NAME=} on the command line, or null
     * @throws IllegalArgumentException with a one-line message when the argument is unusable
     */
    OomPolicy create(String argument);
}
