package dev.oomspec.traces.policy;

import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.PolicyProvider;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The policies {@code --policy} can name: every {@link PolicyProvider} found by {@link ServiceLoader} (the shipped ones
 * and those of {@code --policy-jar} jars), plus any class name on that class path that implements
 * {@link PolicyProvider} or {@link OomPolicy} with a public no-argument constructor.
 */
public final class PolicyCatalog {
    private final ClassLoader loader;
    private final Map<String, PolicyProvider> byName = new LinkedHashMap<>();

    private PolicyCatalog(ClassLoader loader) {
        this.loader = loader;
        try {
            for (PolicyProvider p : ServiceLoader.load(PolicyProvider.class, loader)) byName.putIfAbsent(p.name(), p);
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("a policy jar lists a provider that cannot be loaded: " + e.getMessage());
        }
    }

    /** The shipped policies and those of {@code jars}. */
    public static PolicyCatalog load(List<Path> jars) {
        if (jars.isEmpty()) return new PolicyCatalog(PolicyCatalog.class.getClassLoader());
        List<URL> urls = new ArrayList<>();
        for (Path j : jars) {
            if (!Files.isRegularFile(j)) throw new IllegalArgumentException("--policy-jar " + j + ": no such file");
            try {
                urls.add(j.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("--policy-jar " + j + ": " + e.getMessage());
            }
        }
        return new PolicyCatalog(new URLClassLoader(urls.toArray(URL[]::new), PolicyCatalog.class.getClassLoader()));
    }

    /** Every policy name ServiceLoader found, with its summary. */
    public Map<String, String> names() {
        Map<String, String> m = new LinkedHashMap<>();
        byName.forEach((k, v) -> m.put(k, v.summary()));
        return m;
    }

    /**
     * {@code NAME[=ARG][,NAME[=ARG]…]} → specs, each checked by creating one instance (so a bad argument fails here).
     *
     * @throws IllegalArgumentException with a one-line message
     */
    public List<PolicySpec> parse(String list) {
        List<PolicySpec> out = new ArrayList<>();
        for (String item : list.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) throw new IllegalArgumentException("--policy: empty policy name in '" + list + "'");
            int eq = s.indexOf('=');
            String name = eq < 0 ? s : s.substring(0, eq);
            String arg = eq < 0 ? null : s.substring(eq + 1);
            PolicyProvider p = byName.get(name);
            if (p == null) p = byClass(name);
            if (p == null) throw new IllegalArgumentException("--policy: unknown policy '" + name + "'; known: "
                    + String.join(", ", byName.keySet()) + " (or a class name from --policy-jar)");
            PolicySpec spec = new PolicySpec(name, arg, p);
            spec.create();
            out.add(spec);
        }
        return out;
    }

    private PolicyProvider byClass(String name) {
        if (!name.contains(".")) return null;
        Class<?> c;
        try {
            c = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        try {
            if (PolicyProvider.class.isAssignableFrom(c)) return (PolicyProvider) c.getConstructor().newInstance();
            if (OomPolicy.class.isAssignableFrom(c)) {
                var ctor = c.getConstructor();
                return new PolicyProvider() {
                    @Override public String name() { return name; }
                    @Override public String summary() { return "class " + name; }
                    @Override public OomPolicy create(String argument) {
                        if (argument != null) throw new IllegalArgumentException(name + " takes no argument");
                        try {
                            return (OomPolicy) ctor.newInstance();
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalArgumentException(name + ": cannot create an instance: " + e);
                        }
                    }
                };
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalArgumentException("--policy " + name + ": needs a public no-argument constructor (" + e.getClass().getSimpleName() + ")");
        }
        throw new IllegalArgumentException("--policy " + name + ": implements neither OomPolicy nor PolicyProvider");
    }
}
