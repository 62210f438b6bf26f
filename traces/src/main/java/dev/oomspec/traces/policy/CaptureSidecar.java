package dev.oomspec.traces.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What {@code oomspec capture} wrote beside its logs ({@code NAME.json} next to {@code NAME.dmesg}/{@code .kmsg}): the
 * child memory cgroup it created (a leaf: the harness makes no cgroup below it and never sets memory.oom.group) and
 * the pid of every worker it started in it. An OOM report prints neither which cgroup each process is in nor whether
 * the OOMing memcg has children; for a capture this file says both.
 *
 * @param file       the JSON file
 * @param cgroupPath the capture's cgroup as the kernel prints it (oom_memcg=)
 * @param pids       every worker's pid
 */
public record CaptureSidecar(Path file, String cgroupPath, Set<Integer> pids) {
    public CaptureSidecar {
        pids = Set.copyOf(pids);
    }

    /** The capture JSON beside {@code log} (same name, extension {@code .json}), or null when there is none usable. */
    public static CaptureSidecar beside(Path log) {
        if (log == null) return null;
        Path name = log.getFileName();
        if (name == null) return null;
        String n = name.toString();
        int dot = n.lastIndexOf('.');
        if (dot <= 0 || n.endsWith(".json")) return null;
        Path json = log.resolveSibling(n.substring(0, dot) + ".json");
        return Files.isRegularFile(json) ? read(json) : null;
    }

    /** Reads a capture JSON; null when it is not one (no scenario, cgroup_path or task pids). */
    public static CaptureSidecar read(Path json) {
        JsonNode root;
        try {
            if (Files.size(json) > 16 << 20) return null;
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (root == null || !root.path("scenario").isTextual() || !root.path("cgroup_path").isTextual()) return null;
        Set<Integer> pids = new HashSet<>();
        for (JsonNode t : root.path("tasks")) if (t.path("pid").canConvertToInt()) pids.add(t.path("pid").asInt());
        if (pids.isEmpty()) return null;
        return new CaptureSidecar(json, root.path("cgroup_path").asText(), pids);
    }
}
