package dev.oomspec.reference.series.v3proposed;

import dev.oomspec.reference.series.Boot;
import java.util.function.BooleanSupplier;

/** v3 with the review's proposals P-01..P-05 (see {@link OomKillBpf}); everything else is {@link dev.oomspec.reference.series.v3.Series}. */
public final class Series extends dev.oomspec.reference.series.v3.Series {

    public Series(Boot boot) { super(boot, b -> new OomKillBpf(b)); }

    @Override public String id() { return "v3-proposed"; }

    /** P-05: the callback asked each time oom_lock is released while bpf_out_of_memory() waits for it. */
    public void setEscapeHatch(BooleanSupplier stillWarranted) { ((OomKillBpf) hook()).setEscapeHatch(stillWarranted); }
}
