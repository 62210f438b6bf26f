package dev.oomspec.traces.replay;

import dev.oomspec.reference.profile.KernelProfiles;
import dev.oomspec.reference.profile.KernelVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Which kernel-version profile(s) to replay an event with: the {@code --kernel} override, else the release
 * printed in the report, else every behaviour the report's formats allow (one representative version per
 * change in {@link KernelProfiles#CHANGES} inside the range the {@link FormatHint}s leave open).
 *
 * @param versions    the versions to run; the event is decided only if all of them pick the same victim
 * @param description how they were chosen, for the result
 */
public record ProfileChoice(List<KernelVersion> versions, String description) {
  /** The oldest version the model has rules for (the baseline KernelProfiles.BASELINE_4_4; older kernels
   * are refused: their oom_badness()/dump formats are not transcribed). */
  public static final KernelVersion OLDEST_MODELLED = KernelProfiles.BASELINE_4_4.version();

  private static final java.util.Map<String, ProfileChoice> BY_RELEASE = new java.util.concurrent.ConcurrentHashMap<>();

  public static ProfileChoice choose(ReplayInput in, String kernelOverride) {
    if (kernelOverride != null) {
      return cached("--kernel " + kernelOverride, kernelOverride);
    }
    if (in.kernelRelease() != null) {
      String how = "release " + in.kernelRelease() + " printed in the report";
      return cached(how, in.kernelRelease());
    }
    KernelVersion lo = OLDEST_MODELLED;
    KernelVersion hi = null;
    List<String> used = new ArrayList<>();
    for (FormatHint h : in.hints()) {
      if (h.since() != null) lo = max(lo, KernelVersion.parse(h.since()));
      if (h.until() != null) hi = hi == null ? KernelVersion.parse(h.until()) : min(hi, KernelVersion.parse(h.until()));
      used.add(h.name());
    }
    if (hi != null && hi.compareTo(lo) < 0) {
      // formats from different eras (a distro backport): trust nothing narrower than the whole range
      lo = OLDEST_MODELLED;
      hi = null;
      used = List.of("conflicting format hints " + in.hints());
    }
    List<KernelVersion> reps = new ArrayList<>();
    reps.add(lo);
    for (KernelProfiles.Change c : KernelProfiles.CHANGES) {
      if (c.since().compareTo(lo) > 0 && (hi == null || c.since().compareTo(hi) <= 0)) reps.add(c.since());
    }
    String range = lo + ".." + (hi == null ? "latest" : hi.toString());
    String desc = "no release printed; formats bound the kernel to " + range
        + (used.isEmpty() ? " (no format hints)" : " " + used);
    return new ProfileChoice(List.copyOf(reps), desc);
  }

  /** Memoised per release string; bounded, so a hostile log with endless distinct releases cannot grow it. */
  private static ProfileChoice cached(String how, String release) {
    ProfileChoice c = BY_RELEASE.get(how);
    if (c != null) return c;
    c = single(release, how);
    if (BY_RELEASE.size() < 1024) BY_RELEASE.put(how, c);
    return c;
  }

  private static ProfileChoice single(String release, String how) {
    KernelVersion v = KernelVersion.parse(release);
    if (v.compareTo(OLDEST_MODELLED) < 0) {
      return new ProfileChoice(List.of(OLDEST_MODELLED),
          how + "; kernels before 4.4 are modelled with the 4.4 rules (pre-4.4 sources not re-read)");
    }
    return new ProfileChoice(List.of(v), how);
  }

  private static KernelVersion max(KernelVersion a, KernelVersion b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static KernelVersion min(KernelVersion a, KernelVersion b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
