package dev.oomspec.traces.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the members of a rotated log set given in one call in chronological order, oldest first: a shell's
 * {@code kern.log*} gives {@code kern.log kern.log.1 kern.log.2.gz kern.log.3.gz}, which is read as
 * {@code kern.log.3.gz kern.log.2.gz kern.log.1 kern.log}. Two rotation schemes are known (logrotate's):
 * numbered ({@code NAME.N[.gz|.xz|.zst|.bz2]}, higher N is older) and {@code dateext}
 * ({@code NAME-YYYYMMDD[…]}, earlier date is older); the un-suffixed live file is the newest. A set is reordered
 * only when two or more of its members are given; it takes the place of its first member; other inputs and
 * {@code -} keep their places.
 */
public final class RotationOrder {

  private static final Pattern NUMBERED =
      Pattern.compile("(.+?)\\.(\\d{1,4})(?:\\.(?:gz|xz|zst|bz2))?");
  private static final Pattern DATED =
      Pattern.compile("(.+?)-(\\d{8}(?:\\d{2})?)(?:\\.(?:gz|xz|zst|bz2))?");
  private static final Pattern COMPRESSED = Pattern.compile("(.+?)\\.(?:gz|xz|zst|bz2)");

  /** One input's place in its set: its base name and its age key (larger = older). */
  private record Member(String name, String base, int kind, long age) {}

  private RotationOrder() {}

  /** The inputs with each rotation set in chronological order. */
  public static List<String> sort(List<String> inputs) {
    Map<String, List<Member>> sets = new LinkedHashMap<>();
    List<Member> members = new ArrayList<>();
    for (String in : inputs) {
      Member m = member(in);
      members.add(m);
      sets.computeIfAbsent(m.base(), k -> new ArrayList<>()).add(m);
    }
    List<String> out = new ArrayList<>(inputs.size());
    Map<String, Boolean> placed = new LinkedHashMap<>();
    for (Member m : members) {
      List<Member> set = sets.get(m.base());
      if (set.size() < 2 || m.name().equals("-")) {
        out.add(m.name());
        continue;
      }
      if (placed.putIfAbsent(m.base(), true) != null) {
        continue;
      }
      List<Member> ordered = new ArrayList<>(set);
      // older first: numbered by N descending, dated by date ascending, the live file last
      ordered.sort((a, b) -> Long.compare(b.age(), a.age()));
      ordered.forEach(x -> out.add(x.name()));
    }
    return out;
  }

  /** True when {@link #sort} changes the order of {@code inputs}. */
  public static boolean reorders(List<String> inputs) {
    return !sort(inputs).equals(inputs);
  }

  private static Member member(String name) {
    if (name.equals("-")) {
      return new Member(name, "\u0000stdin", 0, 0);
    }
    Matcher n = NUMBERED.matcher(name);
    if (n.matches()) {
      return new Member(name, n.group(1), 1, Long.parseLong(n.group(2)) + 1);
    }
    Matcher d = DATED.matcher(name);
    if (d.matches()) {
      // an earlier date is older: age = a large number minus the date
      return new Member(name, d.group(1), 2, 1_000_000_000_000L - Long.parseLong(d.group(2)));
    }
    Matcher c = COMPRESSED.matcher(name);
    String base = c.matches() ? c.group(1) : name;
    return new Member(name, base, 0, 0); // the live file: newest
  }
}
