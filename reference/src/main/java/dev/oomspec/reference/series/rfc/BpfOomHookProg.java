package dev.oomspec.reference.series.rfc;

import dev.oomspec.reference.mm.OomControlView;

/**
 * An {@code SEC("fmod_ret.s/bpf_handle_out_of_memory")} program (RFC 01/12, Message-ID
 * 20250428033617.3797686-2-roman.gushchin@linux.dev): its return value replaces the hook's 0.
 */
@FunctionalInterface
public interface BpfOomHookProg {
    int bpfHandleOutOfMemory(OomControlView oc, Kfuncs kfuncs);
}
