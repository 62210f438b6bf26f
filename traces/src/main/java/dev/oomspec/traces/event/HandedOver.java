package dev.oomspec.traces.event;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A map a builder hands to an event and never touches again: the event keeps it as it is (read-only) instead
 * of copying it. Any other map given to an event is copied, as before.
 */
public final class HandedOver<K, V> extends AbstractMap<K, V> {
  private final Map<K, V> view;

  private HandedOver(Map<K, V> m) {
    this.view = Collections.unmodifiableMap(m);
  }

  /** {@code m}, which the caller will not change any more, for an event to keep. */
  public static <K, V> Map<K, V> of(Map<K, V> m) {
    return m instanceof HandedOver<K, V> h ? h : new HandedOver<>(m);
  }

  /** What an event keeps of a map: a handed-over map itself, else a read-only copy in the same order. */
  static <K, V> Map<K, V> keep(Map<K, V> m) {
    return m instanceof HandedOver<K, V> ? m : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return view.entrySet();
  }

  @Override
  public V get(Object key) {
    return view.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return view.containsKey(key);
  }

  @Override
  public int size() {
    return view.size();
  }
}
