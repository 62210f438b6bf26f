package dev.oomspec.reference;

import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.mm.MaxPageOrder;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.OomTrace;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.series.SeriesModel;
import java.util.function.Function;

/**
 * The one entry point for users of the model (conformance targets, trace replay, policy experiments): a machine of
 * one kernel version ({@link #world()}, mm/), optionally with one revision of the "mm: BPF OOM" series booted on it
 * ({@link #series()}), and the observer that records what each OOM did ({@link #recorder()}).
 *
 * <pre>{@code
 * OomModel m = OomModel.builder().kernel("6.18.0").series(dev.oomspec.reference.series.v3.Series::new).build();
 * Task t = m.world().newProcess(200, "victim", 0, new Mm(5000, 5000, 0, 0, 0, 0));
 * OomRecorder.Run run = m.outOfMemory(OomControl.memcg(cg, Gfp.GFP_KERNEL, 0));
 * }</pre>
 */
public final class OomModel {
    private final World world;
    private final SeriesModel series;

    private OomModel(World world, SeriesModel series) { this.world = world; this.series = series; }

    /** A builder with named settings; every one has the documented default. */
    public static Builder builder() { return new Builder(); }

    public World world() { return world; }

    /** The booted revision, or null for a mainline kernel. */
    public SeriesModel series() { return series; }

    public OomRecorder recorder() { return world.recorder(); }

    /** Adds an observer of the OOM path. */
    public OomModel observe(OomTrace observer) { world.addObserver(observer); return this; }

    /** out_of_memory(oc) with oom_lock held, as its kernel callers run it; what happened, as observed. */
    public OomRecorder.Run outOfMemory(OomControl oc) {
        world.oomLock().lockKillable();
        try {
            world.oomKill().outOfMemory(oc);
        } finally {
            world.oomLock().unlock();
        }
        return world.recorder().run(oc);
    }

    public static final class Builder {
        private String kernel = "6.18.0";
        private Memcg.Hierarchy hierarchy = Memcg.Hierarchy.V2;
        private String arch = "x86", archConfig = "";
        private boolean configPsi = true;
        private Function<Boot, ? extends SeriesModel> series;
        private dev.oomspec.reference.profile.KernelProfile profile;

        /** Kernel version, e.g. "6.18.44-fc"; default 6.18.0. */
        public Builder kernel(String version) { kernel = version; return this; }
        /** A profile already built for the kernel (callers that cache them); overrides {@link #kernel}. */
        public Builder profile(dev.oomspec.reference.profile.KernelProfile p) { profile = p; return this; }
        /** cgroup v1 or v2 memory controller; default v2. */
        public Builder hierarchy(Memcg.Hierarchy h) { hierarchy = h; return this; }
        /** Architecture and the Kconfig choice that fixes MAX_PAGE_ORDER (see {@link MaxPageOrder}); default x86. */
        public Builder arch(String arch, String config) { this.arch = arch; this.archConfig = config; return this; }
        /** CONFIG_PSI; default on. */
        public Builder configPsi(boolean on) { configPsi = on; return this; }
        /** A revision's {@code Series} constructor (e.g. {@code dev.oomspec.reference.series.v3.Series::new}); default none. */
        public Builder series(Function<Boot, ? extends SeriesModel> boot) { series = boot; return this; }

        public OomModel build() {
            World w = profile != null ? new World(profile, hierarchy) : World.forKernel(kernel, hierarchy);
            if (series == null) return new OomModel(w, null);
            int maxPageOrder = MaxPageOrder.largestValidOrder(arch, archConfig, w.profile());
            SeriesModel s = series.apply(new Boot(w, new Btf(), maxPageOrder, configPsi));
            w.setBpfOomHook(s.hook());
            return new OomModel(w, s);
        }
    }
}
