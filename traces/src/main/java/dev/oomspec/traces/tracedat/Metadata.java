package dev.oomspec.traces.tracedat;

import java.util.List;
import java.util.Map;

/** Everything read before the event data: the public info plus what decoding needs. */
record Metadata(
    TraceDatInfo info,
    Codec codec,
    PageLayout page,
    Map<Integer, EventFormat> formats,
    Map<Integer, String> cmdlines,
    List<CpuData> cpus,
    long tsOffsetNs) {
}
