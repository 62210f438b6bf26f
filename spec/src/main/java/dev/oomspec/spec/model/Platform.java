package dev.oomspec.spec.model;

/**
 * Architecture configuration that fixes the order bound (a row of {@code tables/max-order.csv}).
 *
 * @param row the table row id
 * @param arch architecture
 * @param config Kconfig condition, in words
 * @param kconfig the same condition as Kconfig symbols, space-separated, {@code !SYM} for a symbol that is off (empty:
 *     no symbol matters)
 * @param kernels kernel range the value applies to
 * @param maxOrder value of MAX_PAGE_ORDER (6.4+) or MAX_ORDER (before 6.4)
 * @param bound inclusive (6.4+) or exclusive (before 6.4)
 * @param source where the value is stated
 * @param inferred true when the row is [inferred]
 */
public record Platform(
    String row, String arch, String config, String kconfig, String kernels, int maxOrder, OrderBound bound,
    String source, boolean inferred) {

  public Platform {
    kconfig = kconfig == null ? "" : kconfig.strip();
  }

  /** The symbols of {@link #kconfig}, in table order. */
  public java.util.List<String> kconfigSymbols() {
    return kconfig.isEmpty() ? java.util.List.of() : java.util.List.of(kconfig.split("\\s+"));
  }

  /** Largest order accepted: {@code maxOrder} when inclusive, {@code maxOrder - 1} when exclusive. */
  public int largestValidOrder() {
    return bound == OrderBound.INCLUSIVE ? maxOrder : maxOrder - 1;
  }
}
