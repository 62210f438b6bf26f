package dev.oomspec.reference.policies;

import dev.oomspec.reference.policy.Bpf;
import dev.oomspec.reference.policy.Cgroup;
import dev.oomspec.reference.policy.Kfuncs;
import dev.oomspec.reference.policy.MemCgroup;
import dev.oomspec.reference.policy.OomControl;
import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.TaskStruct;
import java.util.HashMap;
import java.util.Map;

/**
 * The post-v3 tree's "systemd-oomd-style" selftest policy "bpf_systemd_oomd_policy" — the Java twin of
 * {@code test_oomd_out_of_memory()} in tools/testing/selftests/bpf/progs/test_oomd.c (rgushchin/linux 702dfd9a):
 * candidates are leaf cgroups and cgroups with memory.oom.group below the OOMing memcg; "omit" cgroups are skipped,
 * cgroups with an OOM_SCORE_ADJ_MIN process are skipped, "avoid" cgroups rank last; then the larger pgscan delta
 * (kswapd + direct + khugepaged + proactive, against the value this instance saw last time), then the larger usage;
 * the first process of the winner that a kill succeeds on is killed (memory.oom.group, when set, makes the kernel kill
 * the rest). Its {@code oomd_policies} map (cgroup id → preference, last pgscan) is {@link #preferences}; its
 * {@code oomd_decisions} map is {@link #decision()}.
 */
public final class TestOomd implements OomPolicy {
    /** enum oomd_preference. */
    public enum Preference { NONE, AVOID, OMIT }

    /** struct oomd_policy: the map value. */
    public static final class PolicyEntry {
        final Preference preference;
        long lastPgscan;

        public PolicyEntry(Preference preference) { this.preference = preference; }
    }

    /** struct oomd_decision: what the last handler call decided. */
    public record Decision(long rootCgid, long victimCgid, long victimUsage, long victimPgscan, long victimPgscanDelta,
                           long victimSwapUsage, long killedPid, long scannedCandidates, long skippedOmit,
                           long skippedUnkillable, int killRet) {}

    /** oomd_policies: cgroup id → entry (filled by user space before the OOM). */
    public final Map<Long, PolicyEntry> preferences = new HashMap<>();
    /** User space's rule for cgroups it has not put in the map yet (by path), or null: the map is all there is. */
    private final java.util.function.Function<String, Preference> byPath;

    /** The selftest's setup: user space fills {@link #preferences} by cgroup id. */
    public TestOomd() { this(null); }

    /** User space fills the map from path rules: a cgroup met without an entry gets {@code byPath}'s preference. */
    public TestOomd(java.util.function.Function<String, Preference> byPath) { this.byPath = byPath; }
    private long rootCgid, victimCgid, victimUsage, victimPgscan, victimPgscanDelta, victimSwapUsage, killedPid,
            scannedCandidates, skippedOmit, skippedUnkillable;
    private int killRet;

    /** The oomd_decisions map's one element. */
    public Decision decision() {
        return new Decision(rootCgid, victimCgid, victimUsage, victimPgscan, victimPgscanDelta, victimSwapUsage, killedPid,
                scannedCandidates, skippedOmit, skippedUnkillable, killRet);
    }

    @Override public String name() { return "bpf_systemd_oomd_policy"; }

    private static long memcgPgscan(Kfuncs bpf, MemCgroup memcg) {
        return bpf.bpfMemCgroupPageState(memcg, Bpf.PGSCAN_KSWAPD) + bpf.bpfMemCgroupPageState(memcg, Bpf.PGSCAN_DIRECT)
                + bpf.bpfMemCgroupPageState(memcg, Bpf.PGSCAN_KHUGEPAGED) + bpf.bpfMemCgroupPageState(memcg, Bpf.PGSCAN_PROACTIVE);
    }

    private static long pgscanDelta(PolicyEntry policy, long pgscan) {
        long last = 0;
        if (policy != null) { last = policy.lastPgscan; policy.lastPgscan = pgscan; }
        if (Long.compareUnsigned(last, pgscan) > 0) last = 0;
        return pgscan - last;
    }

    private static boolean betterCandidate(Preference pref, long delta, long usage, Preference bestPref, long bestDelta,
                                           long bestUsage, boolean haveBest) {
        if (!haveBest) return true;
        if (pref != bestPref) {
            if (pref == Preference.AVOID) return false;
            if (bestPref == Preference.AVOID) return true;
        }
        if (delta != bestDelta) return Long.compareUnsigned(delta, bestDelta) > 0;
        return Long.compareUnsigned(usage, bestUsage) > 0;
    }

    private int killTask(OomControl oc, Kfuncs bpf, TaskStruct task) {
        TaskStruct t = bpf.bpfTaskAcquire(task);
        if (t == null) return 0;
        if (bpf.bpfTaskIsOomVictim(task)) {
            killedPid = task.pid();
            bpf.bpfTaskRelease(t);
            return 1;
        }
        int ret = bpf.bpfOomKillProcess(oc, task, "bpf systemd-oomd policy");
        killRet = ret;
        if (ret == 0) killedPid = task.pid();
        bpf.bpfTaskRelease(t);
        return ret != 0 ? 0 : 1;
    }

    private int killMemcg(OomControl oc, Kfuncs bpf, MemCgroup victim) {
        for (TaskStruct task : bpf.forEachCssTask(victim.css(), Bpf.CSS_TASK_ITER_PROCS))
            if (killTask(oc, bpf, task) != 0) return 1;
        return 0;
    }

    @Override public int handleOutOfMemory(OomControl oc, Cgroup attachedCgrp, Kfuncs bpf) {
        rootCgid = victimCgid = victimUsage = victimPgscan = victimPgscanDelta = victimSwapUsage = killedPid = 0;
        scannedCandidates = skippedOmit = skippedUnkillable = 0;
        killRet = 0;
        MemCgroup victim = null;
        Preference bestPreference = Preference.NONE;
        long bestUsage = 0, bestDelta = 0;
        boolean haveBest = false;
        int ret = 0;
        MemCgroup rootMemcg = Helpers.scope(oc, bpf);
        if (rootMemcg == null) return 0;
        Cgroup css = rootMemcg.css();
        if (css != attachedCgrp) {
            rootCgid = css.id();
            bpf.bpfRcuReadLock();
            for (Cgroup cssPos : bpf.forEachCss(rootMemcg.css(), Bpf.BPF_CGROUP_ITER_DESCENDANTS_POST)) {
                boolean isLeaf = Helpers.isLeaf(cssPos);
                MemCgroup memcg = bpf.bpfGetMemCgroup(cssPos);
                if (memcg == null) continue;
                boolean isOomGroup = memcg.oomGroup();
                if (!isLeaf && !isOomGroup) { bpf.bpfPutMemCgroup(memcg); continue; }
                long cgid = cssPos.id();
                PolicyEntry policy = preferences.get(cgid);
                if (policy == null && byPath != null) {
                    policy = new PolicyEntry(byPath.apply(cssPos.path()));
                    preferences.put(cgid, policy);
                }
                Preference preference = policy != null ? policy.preference : Preference.NONE;
                if (preference == Preference.OMIT) { skippedOmit++; bpf.bpfPutMemCgroup(memcg); continue; }
                if (!Helpers.memCgroupKillable(bpf, memcg)) { skippedUnkillable++; bpf.bpfPutMemCgroup(memcg); continue; }
                long usage = bpf.bpfMemCgroupUsage(memcg);
                long pgscan = memcgPgscan(bpf, memcg);
                long delta = pgscanDelta(policy, pgscan);
                long swapUsage = bpf.bpfMemCgroupPageState(memcg, Bpf.MEMCG_SWAP);
                scannedCandidates++;
                if (pgscan == 0 && usage == 0) { bpf.bpfPutMemCgroup(memcg); continue; }
                if (betterCandidate(preference, delta, usage, bestPreference, bestDelta, bestUsage, haveBest)) {
                    bestPreference = preference;
                    bestDelta = delta;
                    bestUsage = usage;
                    haveBest = true;
                    if (victim != null) bpf.bpfPutMemCgroup(victim);
                    victim = bpf.bpfGetMemCgroup(memcg.css());
                    victimCgid = cgid;
                    victimUsage = usage;
                    victimPgscan = pgscan;
                    victimPgscanDelta = delta;
                    victimSwapUsage = swapUsage;
                }
                bpf.bpfPutMemCgroup(memcg);
            }
            bpf.bpfRcuReadUnlock();
            if (victim != null) {
                ret = killMemcg(oc, bpf, victim);
                bpf.bpfPutMemCgroup(victim);
            }
        }
        bpf.bpfPutMemCgroup(rootMemcg);
        return ret;
    }
}
