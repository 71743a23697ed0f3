package dev.ctpat.compliance.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that keep {@code null} ("no evidence") distinct from empty. */
final class Immutables {
  private Immutables() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }

  /** An unmodifiable copy that, unlike {@link Map#copyOf}, keeps insertion order and null values. */
  static <V> Map<String, V> map(Map<String, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A deep unmodifiable copy of a JSON-like tree of maps, lists and scalars. */
  static Object jsonTree(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), jsonTree(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(jsonTree(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
