package dev.oomspec.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.series.Outcome;
import dev.oomspec.reference.series.SeriesModel;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * bpf_psi_ops registration (kernel/sched/bpf_psi.c): v2 20/23 makes init and handle_psi_event mandatory; v1 12/14's
 * check_member accepts every member (quoted whole in CAJuCfpHUDSJ_yLEqtfmU0rykUGYM6tXR+rgVv1i3QjJz+2JU1A@mail.gmail.com).
 */
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
    SeriesModel v1 = boot(dev.oomspec.reference.series.v1.Series::new);
    assertEquals(0, reg(v1, Set.of("init"), 0), "v1: no member is mandatory");
    assertEquals(-2, reg(v1, Set.of("init", "handle_cgroup_free"), -2), "v1: reg returns init's result");
    assertInstanceOf(Outcome.NotExpressible.class, v1.attachPsi(Set.of("handle_psi_event"), () -> 0), "v1: NULL ops->init");
    assertInstanceOf(Outcome.NotExpressible.class, v1.attachPsi(Set.of("init", "handle_cgroup_online"), () -> 0),
        "v1 has no handle_cgroup_online");
    for (Function<Boot, SeriesModel> s : java.util.List.<Function<Boot, SeriesModel>>of(dev.oomspec.reference.series.rfc.Series::new,
        dev.oomspec.reference.series.v3.Series::new, dev.oomspec.reference.series.post.Series::new)) {
      assertInstanceOf(Outcome.NotExpressible.class, boot(s).attachPsi(Set.of("init", "handle_psi_event"), () -> 0));
    }
  }
}
