package dev.oomspec.traces.event;

/**
 * What the report tells about the kernel that printed it — input for choosing a replay profile.
 * Every field may be null.
 *
 * @param kernelRelease   from the stack header, e.g. {@code 6.18.44-fc-v669}
 * @param kernelBuild     the build tag after the release, e.g. {@code #1}
 * @param taint           {@code Not tainted} or the {@code Tainted: …} text
 * @param hardware        {@code Hardware name:} text
 * @param cgroup          {@code v1} (memory+swap/kmem lines or v1 stat keys on 5.3+), {@code v2}
 *                        ({@code swap:} line), or null
 * @param headerVariant   {@code symbolic} ({@code %#x(%pGg)}), {@code nodemask} (4.9–4.20),
 *                        {@code hex} (4.4), {@code oom_adj} (2.6.32)
 * @param taskTableLayout the task-table header's column list joined by spaces
 * @param sysrq           true for {@code order=-1}
 */
public record ProfileHints(
    String kernelRelease,
    String kernelBuild,
    String taint,
    String hardware,
    String cgroup,
    String headerVariant,
    String taskTableLayout,
    boolean sysrq) {}
