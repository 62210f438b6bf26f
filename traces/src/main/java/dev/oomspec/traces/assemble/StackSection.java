package dev.oomspec.traces.assemble;

import dev.oomspec.traces.event.BpfHandler;

/** dump_stack(): the stack header ({@code CPU: … PID: … Comm: …}), {@code Hardware name:}, a BPF handler line. */
final class StackSection {
  boolean seen;
  Integer pid;
  String release;
  String build;
  String taint;
  String hardware;
  BpfHandler bpf;

  void take(ReportLine.StackHeader h) {
    seen = true;
    pid = h.pid();
    release = h.release();
    build = h.build();
    taint = h.taint();
  }

  void state(Fingerprint s) {
    s.add("stack", seen).add("pid", pid).add("release", release).add("build", build).add("taint", taint)
        .add("hardware", hardware).add("bpf", bpf);
  }
}
