package dev.oomspec.reference.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mainline version number; suffixes like {@code -fc-v669} or {@code -rc1} are ignored. */
public record KernelVersion(int major, int minor, int patch) implements Comparable<KernelVersion> {
    private static final Pattern P = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public static KernelVersion parse(String s) {
        Matcher m = P.matcher(s.trim());
        if (!m.find()) throw new IllegalArgumentException("not a kernel version: " + s);
        return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public static KernelVersion of(int major, int minor) { return new KernelVersion(major, minor, 0); }

    @Override public int compareTo(KernelVersion o) {
        if (major != o.major) return Integer.compare(major, o.major);
        if (minor != o.minor) return Integer.compare(minor, o.minor);
        return Integer.compare(patch, o.patch);
    }

    public boolean atLeast(KernelVersion o) { return compareTo(o) >= 0; }

    @Override public String toString() { return major + "." + minor + "." + patch; }
}
