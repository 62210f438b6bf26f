package dev.oomspec.reference.policies;

import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.PolicyProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The shipped policies as {@link PolicyProvider}s (listed in META-INF/services for ServiceLoader). */
public final class Shipped {
    private Shipped() {}

    private record Provider(String name, String summary, Function<String, OomPolicy> make) implements PolicyProvider {
        @Override public OomPolicy create(String argument) { return make.apply(argument); }
    }

    private static Function<String, OomPolicy> noArgument(String name, java.util.function.Supplier<OomPolicy> s) {
        return arg -> {
            if (arg != null) throw new IllegalArgumentException(name + " takes no argument (got '" + arg + "')");
            return s.get();
        };
    }

    /** test-oom, test-oomd, largest-rss, largest-cgroup, cgroup-priority, youngest-first. */
    public static final List<PolicyProvider> ALL = List.of(
            new Provider("test-oom", "the series' test_oom selftest policy: the largest leaf cgroup (usage minus page cache) "
                    + "without an adj -1000 process, killed whole", noArgument("test-oom", TestOom::new)),
            new Provider("test-oomd", "the post-v3 systemd-oomd-style selftest policy: leaf/oom.group cgroups by "
                    + "preference, pgscan delta, usage; its first killable process (=FILE: preferences as for cgroup-priority)",
                    Shipped::testOomd),
            new Provider("largest-rss", "the eligible process with the most rss + swap + page tables in the OOM's scope",
                    noArgument("largest-rss", LargestRss::new)),
            new Provider("largest-cgroup", "the leaf cgroup with the largest usage in the OOM's scope, every process "
                    + "but adj -1000 ones (memory.oom.group semantics)", noArgument("largest-cgroup", LargestCgroup::new)),
            new Provider("cgroup-priority", "as largest-cgroup, but cgroups matching 'omit' patterns are never chosen "
                    + "and 'avoid' ones last (=FILE: the rules; ManagedOOMPreference-style)", Shipped::priority),
            new Provider("youngest-first", "the most recently created eligible process in the OOM's scope",
                    noArgument("youngest-first", YoungestFirst::new)));

    private static String read(String name, String file) {
        if (file == null || file.isBlank()) throw new IllegalArgumentException(name + " needs its rules: --policy " + name + "=FILE");
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static OomPolicy priority(String file) {
        try {
            return CgroupPriority.parse(read("cgroup-priority", file));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("cgroup-priority") ? e : new IllegalArgumentException("cgroup-priority: " + file + ": " + e.getMessage());
        }
    }

    private static OomPolicy testOomd(String file) {
        if (file == null) return new TestOomd();
        CgroupPriority rules = CgroupPriority.parse(read("test-oomd", file));
        return new TestOomd(path -> TestOomd.Preference.valueOf(rules.preference(path).name()));
    }
}
