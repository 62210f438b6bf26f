package dev.oomspec.traces.assemble;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What ran out of memory: the constraint, nodemask, cpuset, the OOMing and the victim's memcg — from the
 * {@code oom-kill:} summary (5.0+), the ≤4.20 cpuset line and {@code Task in … limit of …}.
 */
final class ScopeSection {
  String constraint;
  String nodemask;
  String cpuset;
  String memsAllowed;
  String oomMemcg;
  String taskMemcg;
  Boolean globalOom;
  boolean summarySeen;
  final Map<String, String> summary = new LinkedHashMap<>();

  void summary(Map<String, String> s) {
    summarySeen = true;
    summary.putAll(s);
    constraint = s.getOrDefault("constraint", constraint);
    if (s.containsKey("nodemask")) {
      nodemask = s.get("nodemask");
    }
    cpuset = s.getOrDefault("cpuset", cpuset);
    memsAllowed = s.getOrDefault("mems_allowed", memsAllowed);
    oomMemcg = s.getOrDefault("oom_memcg", oomMemcg);
    taskMemcg = s.getOrDefault("task_memcg", taskMemcg);
    if (s.containsKey("global_oom")) {
      globalOom = true;
    } else if (s.containsKey("oom_memcg")) {
      globalOom = false;
    }
  }

  void state(Fingerprint s) {
    s.add("constraint", constraint).add("nodemask", nodemask).add("cpuset", cpuset).add("mems", memsAllowed)
        .add("oomMemcg", oomMemcg).add("taskMemcg", taskMemcg).add("globalOom", globalOom)
        .add("summarySeen", summarySeen).add("summary", summary);
  }
}
