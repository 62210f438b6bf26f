package dev.oomspec.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oomspec.reference.bpf.BpfOomRevision;
import dev.oomspec.reference.bpf.BpfPsi;
import dev.oomspec.reference.bpf.SeriesRevision;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** bpf_psi_ops registration, bpf-oom-series.md §10 ATT-16 (v2 20/23): init and handle_psi_event are mandatory. */
class BpfPsiTest {
  private static final BpfOomRevision V2 = BpfOomRevision.of(SeriesRevision.V2);

  @Test
  void initAndHandlerAreMandatory() {
    assertEquals(-22, BpfPsi.reg(V2, Set.of("handle_psi_event"), () -> 0), "no init: -EINVAL");
    assertEquals(-22, BpfPsi.reg(V2, Set.of("init", "handle_cgroup_online"), () -> 0), "no handle_psi_event: -EINVAL");
  }

  @Test
  void regReturnsInitsResult() {
    assertEquals(0, BpfPsi.reg(V2, Set.of("init", "handle_psi_event"), () -> 0));
    assertEquals(-2, BpfPsi.reg(V2, Set.of("init", "handle_psi_event", "handle_cgroup_offline"), () -> -2),
        "init's -ENOENT is reg's result");
  }

  @Test
  void onlyV1AndV2HavePsiStructOps() {
    assertEquals(-22, BpfPsi.reg(BpfOomRevision.of(SeriesRevision.V1), Set.of("init"), () -> 0));
    for (SeriesRevision r : new SeriesRevision[] {SeriesRevision.RFC, SeriesRevision.V3, SeriesRevision.POST}) {
      assertThrows(UnsupportedOperationException.class,
          () -> BpfPsi.reg(BpfOomRevision.of(r), Set.of("init", "handle_psi_event"), () -> 0), r.toString());
    }
  }
}
