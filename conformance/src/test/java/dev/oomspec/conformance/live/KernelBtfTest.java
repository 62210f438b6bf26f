package dev.oomspec.conformance.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The BTF probe on the running kernel: structs every BTF-enabled kernel since 5.x defines are found (their
 * presence is a fact of mainline), a made-up name is not, and a file that is not BTF is refused with a reason.
 */
class KernelBtfTest {
  @Test
  void findsMainlineStructsAndNotMadeUpOnes() {
    assumeTrue(Files.isReadable(KernelBtf.VMLINUX), "no " + KernelBtf.VMLINUX + " on this machine");
    KernelBtf btf = KernelBtf.load(KernelBtf.VMLINUX).get().orElseThrow();
    assertTrue(btf.hasStruct("task_struct"));
    assertTrue(btf.hasStruct("oom_control"));
    assertTrue(btf.hasStruct("mem_cgroup"));
    assertFalse(btf.hasStruct("oomspec_no_such_struct"));
  }

  @Test
  void refusesAFileThatIsNotBtf() throws Exception {
    var f = Files.createTempFile("notbtf", ".bin");
    Files.writeString(f, "this is not BTF at all, just text long enough");
    var r = KernelBtf.load(f);
    assertTrue(r.get().isEmpty());
    assertNotNull(r.failure());
    Files.delete(f);
  }
}
