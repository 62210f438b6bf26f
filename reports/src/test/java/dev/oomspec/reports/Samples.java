package dev.oomspec.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * A tiny seeded property harness: {@link #forAll} runs a check on {@code tries} inputs drawn from a fixed base seed
 * (override with {@code -Doomspec.seed=N}); a failure names the seed, the try and every drawn input. Generators mix
 * in edge cases (range ends, 0, ±1, empty and one-character strings) about one draw in eight. No shrinking.
 */
final class Samples {
  static final long BASE_SEED = Long.getLong("oomspec.seed", 0x6F6F6D73706563L);

  /** Draws one value. */
  interface Gen<T> {
    T next(SplittableRandom r);

    default <U> Gen<U> map(java.util.function.Function<T, U> f) {
      return r -> f.apply(next(r));
    }
  }

  interface Check {
    void run(Samples s) throws Throwable;
  }

  private final SplittableRandom random;
  private final Map<String, Object> drawn = new LinkedHashMap<>();

  private Samples(SplittableRandom random) {
    this.random = random;
  }

  /** Draws a value and records it under {@code name} for the failure message. */
  <T> T draw(String name, Gen<T> gen) {
    T value = gen.next(random);
    drawn.put(name, value);
    return value;
  }

  static void forAll(int tries, Check check) {
    SplittableRandom root = new SplittableRandom(BASE_SEED);
    for (int i = 0; i < tries; i++) {
      Samples s = new Samples(root.split()); // one stream per try, whatever the earlier tries drew
      try {
        check.run(s);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable t) {
        throw new AssertionError(String.format(
            "property failed on try %d of %d, seed %d (rerun with -Doomspec.seed=%d)%n  inputs: %s%n  cause: %s",
            i, tries, BASE_SEED, BASE_SEED, show(s.drawn), t), t);
      }
    }
  }

  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    return r -> gens[r.nextInt(gens.length)].next(r);
  }

  static Gen<Long> longs(long min, long max) {
    long[] edges = LongStream.of(min, max, 0, 1, -1, min == Long.MAX_VALUE ? min : min + 1,
        max == Long.MIN_VALUE ? max : max - 1).filter(v -> v >= min && v <= max).distinct().toArray();
    return r -> {
      int k = r.nextInt(8);
      if (k == 0) {
        return edges[r.nextInt(edges.length)];
      }
      if (k < 4) { // small and middling magnitudes too, not only the huge ones a uniform long gives
        long v = r.nextLong() >> r.nextInt(64);
        if (v >= min && v <= max) {
          return v;
        }
      }
      long span = max - min + 1;
      if (span > 0) {
        return min + r.nextLong(span);
      }
      long v;
      do {
        v = r.nextLong();
      } while (v < min || v > max);
      return v;
    };
  }

  /** Strings of up to {@code maxLength} characters from {@code alphabet}. */
  static Gen<String> strings(String alphabet, int maxLength) {
    return r -> {
      int k = r.nextInt(8);
      int n = k == 0 ? r.nextInt(2) : r.nextInt(maxLength + 1); // "" and one character as edge cases
      StringBuilder b = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      return b.toString();
    };
  }

  /** Any UTF-16 text up to 255 chars (lone surrogates and controls included), half of the chars printable ASCII. */
  static Gen<String> anyStrings() {
    return r -> {
      int n = r.nextInt(8) == 0 ? r.nextInt(2) : r.nextInt(256);
      StringBuilder b = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        b.append((char) (r.nextBoolean() ? r.nextInt(0x20, 0x7F) : r.nextInt(0x10000)));
      }
      return b.toString();
    };
  }

  /** Values as Java literals, so strings with controls or lone surrogates can be pasted into a test. */
  static String show(Object v) {
    if (v instanceof String s) {
      StringBuilder b = new StringBuilder("\"");
      s.chars().forEach(c -> b.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\'
          ? String.valueOf((char) c) : String.format("\\u%04x", c)));
      return b.append('"').toString();
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder();
      m.forEach((k, x) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(show(x)));
      return b.toString();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(Samples::show).toList().toString();
    }
    return v instanceof Long n ? n + "L" : String.valueOf(v);
  }
}
