package dev.oomspec.reference.policies;

import dev.oomspec.reference.policy.Bpf;
import dev.oomspec.reference.policy.Cgroup;
import dev.oomspec.reference.policy.Kfuncs;
import dev.oomspec.reference.policy.MemCgroup;
import dev.oomspec.reference.policy.OomControl;
import dev.oomspec.reference.policy.OomPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * "cgroup-priority": protect cgroups by preference, as systemd's {@code ManagedOOMPreference=avoid|omit} and
 * oomd do — configured by cgroup path patterns instead of unit properties. Candidates are the leaf cgroups in the
 * OOM's scope that hold a killable process; "omit" ones are never chosen, "avoid" ones only when nothing else is left;
 * among equals the largest {@code bpf_mem_cgroup_usage()} wins (test_oomd.c's tie-breaker; a kernel-time policy has no
 * pressure window to rank by, which systemd-oomd's user-space kills use). The winner is killed whole: every process
 * but OOM_SCORE_ADJ_MIN ones, as {@code memory.oom.group} would.
 *
 * <p>Config, one rule per line, first match wins, {@code #} starts a comment:
 * <pre>
 * /system.slice/**           omit
 * /user.slice/*&#47;session-*.scope avoid
 * </pre>
 * A pattern is a cgroup path where {@code *} matches within one path component and {@code **} any number of them.
 */
public final class CgroupPriority implements OomPolicy {
    /** ManagedOOMPreference. */
    public enum Preference { NONE, AVOID, OMIT }

    /** One config line. */
    public record Rule(String pattern, Preference preference, Pattern regex) {}

    private final List<Rule> rules;

    public CgroupPriority(List<Rule> rules) { this.rules = List.copyOf(rules); }

    public List<Rule> rules() { return rules; }

    /**
     * Parses a config text.
     *
     * @throws IllegalArgumentException naming the line of a malformed rule
     */
    public static CgroupPriority parse(String text) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int hash = l.indexOf('#');
            if (hash >= 0) l = l.substring(0, hash);
            l = l.strip();
            if (l.isEmpty()) continue;
            String[] f = l.split("\\s+");
            if (f.length != 2 || !f[0].startsWith("/"))
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 'PATH-PATTERN avoid|omit|none', got '" + l + "'");
            Preference p;
            try {
                p = Preference.valueOf(f[1].toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": preference must be avoid, omit or none, got '" + f[1] + "'");
            }
            rules.add(new Rule(f[0], p, glob(f[0])));
        }
        return new CgroupPriority(rules);
    }

    private static Pattern glob(String g) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') { b.append(".*"); i++; }
            else if (c == '*') b.append("[^/]*");
            else b.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(b.toString());
    }

    /** The preference of a cgroup path: the first rule that matches, NONE without one. */
    public Preference preference(String path) {
        for (Rule r : rules) if (r.regex().matcher(path).matches()) return r.preference();
        return Preference.NONE;
    }

    @Override public String name() { return "cgroup_priority"; }

    @Override public int handleOutOfMemory(OomControl oc, Cgroup attached, Kfuncs bpf) {
        MemCgroup scope = Helpers.scope(oc, bpf);
        if (scope == null) return 0;
        MemCgroup victim = null;
        Preference bestPref = Preference.NONE;
        long bestUsage = 0;
        bpf.bpfRcuReadLock();
        for (Cgroup css : bpf.forEachCss(scope.css(), Bpf.BPF_CGROUP_ITER_DESCENDANTS_POST)) {
            if (!Helpers.isLeaf(css)) continue;
            Preference pref = preference(css.path());
            if (pref == Preference.OMIT) continue;
            MemCgroup memcg = bpf.bpfGetMemCgroup(css);
            if (memcg == null) continue;
            if (LargestCgroup.hasKillable(bpf, memcg)) {
                long usage = bpf.bpfMemCgroupUsage(memcg);
                boolean better = victim == null
                        || (pref != bestPref ? bestPref == Preference.AVOID : Long.compareUnsigned(usage, bestUsage) > 0);
                if (better) {
                    if (victim != null) bpf.bpfPutMemCgroup(victim);
                    victim = bpf.bpfGetMemCgroup(css);
                    bestPref = pref;
                    bestUsage = usage;
                }
            }
            bpf.bpfPutMemCgroup(memcg);
        }
        bpf.bpfRcuReadUnlock();
        int ret = 0;
        if (victim != null) {
            ret = Helpers.killMemcg(oc, bpf, victim, "cgroup-priority");
            bpf.bpfPutMemCgroup(victim);
        }
        bpf.bpfPutMemCgroup(scope);
        return ret;
    }
}
