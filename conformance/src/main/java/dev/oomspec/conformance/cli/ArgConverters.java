package dev.oomspec.conformance.cli;

import dev.oomspec.reference.profile.KernelProfiles;
import dev.oomspec.reference.profile.KernelVersion;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values checked when the command line is parsed, so a bad value is a picocli usage error (one line,
 * exit 2) instead of a silent correction or a stack trace later.
 */
final class ArgConverters {
  private ArgConverters() {}

  /** {@code --reader}: one of the reader names (case-insensitive), returned as given. */
  static final class ReaderName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      List<String> known = EventsCommand.names();
      if (known.stream().noneMatch(n -> n.equalsIgnoreCase(value.strip()))) {
        throw new TypeConversionException("unknown reader '" + value + "'; known: " + String.join(", ", known));
      }
      return value.strip();
    }
  }

  /** {@code --revision}: v3 or post (the revisions a bpf_oom_ops policy of the policy API runs on). */
  static final class SeriesRevision implements ITypeConverter<dev.oomspec.reference.policy.Revision> {
    @Override
    public dev.oomspec.reference.policy.Revision convert(String value) {
      dev.oomspec.reference.policy.Revision r = dev.oomspec.reference.policy.Revision.parse(value);
      if (r == null) {
        throw new TypeConversionException("unknown revision '" + value + "'; policies run on v3 or post");
      }
      return r;
    }
  }

  /** {@code --jobs}, {@code --candidates}: a whole number of at least 1. */
  static final class Positive implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int n;
      try {
        n = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a whole number");
      }
      if (n < 1) {
        throw new TypeConversionException("must be at least 1, got " + n);
      }
      return n;
    }
  }

  /** {@code --max-line}: at least {@value #MIN_LINE} characters (a shorter limit could not hold a kernel line's prefix). */
  static final class LineLength implements ITypeConverter<Integer> {
    static final int MIN_LINE = 16;

    @Override
    public Integer convert(String value) {
      int n = new Positive().convert(value);
      if (n < MIN_LINE) {
        throw new TypeConversionException("must be at least " + MIN_LINE + " characters, got " + n);
      }
      return n;
    }
  }

  /**
   * {@code --kernel}: a version the model has rules for — from 2.6 (replayed with the oldest profile's rules, as a
   * printed release is) up to the newest major the profiles know ({@code 7.x} today).
   */
  static final class Kernel implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      KernelVersion v;
      try {
        v = KernelVersion.parse(value.strip());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a kernel version (want e.g. 5.10 or 6.18.44)");
      }
      int newestMajor = newest().major();
      if (v.compareTo(KernelVersion.of(2, 6)) < 0 || v.major() > newestMajor) {
        throw new TypeConversionException("no kernel " + value + ": the model knows 2.6 to " + newestMajor + ".x");
      }
      return value.strip();
    }

    static KernelVersion newest() {
      KernelVersion n = KernelVersion.of(4, 4);
      for (KernelProfiles.Change c : KernelProfiles.CHANGES) {
        if (c.since().compareTo(n) > 0) {
          n = c.since();
        }
      }
      return n;
    }
  }
}
