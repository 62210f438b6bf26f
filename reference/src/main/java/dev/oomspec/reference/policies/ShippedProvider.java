package dev.oomspec.reference.policies;

import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.PolicyProvider;

/**
 * The shipped policies for {@link java.util.ServiceLoader}, which needs one public class with a no-argument
 * constructor per provider: each subclass stands for one entry of {@link Shipped#ALL}.
 */
public abstract class ShippedProvider implements PolicyProvider {
    private final PolicyProvider p;

    ShippedProvider(String name) {
        this.p = Shipped.ALL.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    @Override public String name() { return p.name(); }
    @Override public String summary() { return p.summary(); }
    @Override public OomPolicy create(String argument) { return p.create(argument); }

    public static final class TestOomProvider extends ShippedProvider { public TestOomProvider() { super("test-oom"); } }
    public static final class TestOomdProvider extends ShippedProvider { public TestOomdProvider() { super("test-oomd"); } }
    public static final class LargestRssProvider extends ShippedProvider { public LargestRssProvider() { super("largest-rss"); } }
    public static final class LargestCgroupProvider extends ShippedProvider { public LargestCgroupProvider() { super("largest-cgroup"); } }
    public static final class CgroupPriorityProvider extends ShippedProvider { public CgroupPriorityProvider() { super("cgroup-priority"); } }
    public static final class YoungestFirstProvider extends ShippedProvider { public YoungestFirstProvider() { super("youngest-first"); } }
}
