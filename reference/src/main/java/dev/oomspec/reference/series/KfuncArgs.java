package dev.oomspec.reference.series;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Task;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Arguments of one kfunc call in a revision-neutral form; each revision maps them onto its own C signature and says
 * which parameters it lacks ({@link #present()} names the given ones, kernel spelling without BTF suffixes).
 */
public final class KfuncArgs {
    final Set<String> present = new LinkedHashSet<>();
    Task task;
    String message;
    Memcg memcg;
    int order;
    long flags;
    boolean waitOnOomLock;
    String constraintText;
    long cgroupId;
    int resource;
    long thresholdUs, windowUs;
    int idx;

    public Set<String> present() { return Set.copyOf(present); }
    public boolean has(String p) { return present.contains(p); }

    public KfuncArgs task(Task t) { task = t; present.add("task"); return this; }
    public KfuncArgs message(String m) { message = m; present.add("message"); return this; }
    /** memcg__nullable: null = NULL. */
    public KfuncArgs memcg(Memcg m) { memcg = m; present.add("memcg"); return this; }
    public KfuncArgs order(int o) { order = o; present.add("order"); return this; }
    public KfuncArgs flags(long f) { flags = f; present.add("flags"); return this; }
    public KfuncArgs waitOnOomLock(boolean w) { waitOnOomLock = w; present.add("wait_on_oom_lock"); return this; }
    /** constraint_text__nullable: null = NULL. */
    public KfuncArgs constraintText(String c) { constraintText = c; present.add("constraint_text"); return this; }
    public KfuncArgs cgroupId(long id) { cgroupId = id; present.add("cgroup_id"); return this; }
    public KfuncArgs resource(int r) { resource = r; present.add("resource"); return this; }
    public KfuncArgs thresholdUs(long t) { thresholdUs = t; present.add("threshold_us"); return this; }
    public KfuncArgs windowUs(long w) { windowUs = w; present.add("window_us"); return this; }
    public KfuncArgs idx(int i) { idx = i; present.add("idx"); return this; }

    public Task taskArg() { return task; }
    public String messageArg() { return message; }
    public Memcg memcgArg() { return memcg; }
    public int orderArg() { return order; }
    public long flagsArg() { return flags; }
    public boolean waitArg() { return waitOnOomLock; }
    public String constraintTextArg() { return constraintText; }
    public long cgroupIdArg() { return cgroupId; }
    public int resourceArg() { return resource; }
    public long thresholdUsArg() { return thresholdUs; }
    public long windowUsArg() { return windowUs; }
    public int idxArg() { return idx; }

    /**
     * The call expressed against a C signature: {@code params} in order, {@code nullable} those that may be
     * absent (passed as NULL/0). Returns null when it fits, else why not.
     */
    public String misfit(String signature, java.util.List<String> params, Set<String> nullable) {
        for (String p : present) if (!params.contains(p)) return signature + " has no parameter '" + p + "'";
        for (String p : params) if (!present.contains(p) && !nullable.contains(p)) return signature + " needs '" + p + "'";
        return null;
    }

    @Override public String toString() { return String.join(",", present); }
}
