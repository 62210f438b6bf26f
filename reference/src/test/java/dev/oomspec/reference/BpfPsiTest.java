package dev.oomspec.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.series.Outcome;
import dev.oomspec.reference.series.SeriesModel;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** bpf_psi_ops registration (kernel/sched/bpf_psi.c, v2 20/23): init and handle_psi_event are mandatory. */
class BpfPsiTest {
  private static SeriesModel boot(Function<Boot, SeriesModel> s) { return OomModel.builder().series(s).build().series(); }

  private static final SeriesModel V2 = boot(dev.oomspec.reference.series.v2.Series::new);

  private static long reg(SeriesModel s, Set<String> members, int init) {
    return ((Outcome.Returned) s.attachPsi(members, () -> init)).value();
  }

  @Test
  void initAndHandlerAreMandatory() {
    assertEquals(-22, reg(V2, Set.of("handle_psi_event"), 0), "no init: -EINVAL");
    assertEquals(-22, reg(V2, Set.of("init", "handle_cgroup_online"), 0), "no handle_psi_event: -EINVAL");
  }

  @Test
  void regReturnsInitsResult() {
    assertEquals(0, reg(V2, Set.of("init", "handle_psi_event"), 0));
    assertEquals(-2, reg(V2, Set.of("init", "handle_psi_event", "handle_cgroup_offline"), -2), "init's -ENOENT is reg's result");
  }

  @Test
  void onlyV1AndV2HavePsiStructOps() {
    assertEquals(-22, reg(boot(dev.oomspec.reference.series.v1.Series::new), Set.of("init"), 0));
    for (Function<Boot, SeriesModel> s : java.util.List.<Function<Boot, SeriesModel>>of(dev.oomspec.reference.series.rfc.Series::new,
        dev.oomspec.reference.series.v3.Series::new, dev.oomspec.reference.series.post.Series::new)) {
      assertInstanceOf(Outcome.NotExpressible.class, boot(s).attachPsi(Set.of("init", "handle_psi_event"), () -> 0));
    }
  }
}
