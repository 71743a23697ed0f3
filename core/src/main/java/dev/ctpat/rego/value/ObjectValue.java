package dev.ctpat.rego.value;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable Rego object. Keys may be any value, not only strings. Iteration follows insertion
 * order; {@link #sortedKeys()} gives OPA's order, which comparison and output use.
 */
public final class ObjectValue implements Value {
  public static final ObjectValue EMPTY = new ObjectValue(ImmutableMap.of());

  private final ImmutableMap<Value, Value> entries;
  private volatile ImmutableList<Value> sortedKeys;
  private int hash;

  private ObjectValue(ImmutableMap<Value, Value> entries) {
    this.entries = entries;
  }

  /** An object of the given entries; on duplicate keys the last value wins. */
  public static ObjectValue of(Map<? extends Value, ? extends Value> entries) {
    if (entries.isEmpty()) {
      return EMPTY;
    }
    return new ObjectValue(ImmutableMap.copyOf(entries));
  }

  /** An object from alternating keys and values. */
  public static ObjectValue of(Value... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected key/value pairs, got " + keysAndValues.length);
    }
    Map<Value, Value> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return of(m);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<Value, Value> entries() {
    return entries;
  }

  public Set<Value> keys() {
    return entries.keySet();
  }

  /** The value at {@code key}, or {@code null} if absent. */
  public Value get(Value key) {
    return entries.get(key);
  }

  /** The value at a string key, or {@code null} if absent. */
  public Value get(String key) {
    return entries.get(StringValue.of(key));
  }

  public boolean containsKey(Value key) {
    return entries.containsKey(key);
  }

  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The keys in OPA's order. */
  public List<Value> sortedKeys() {
    ImmutableList<Value> s = sortedKeys;
    if (s == null) {
      s = ImmutableList.sortedCopyOf(entries.keySet());
      sortedKeys = s;
    }
    return s;
  }

  @Override
  public Kind kind() {
    return Kind.OBJECT;
  }

  @Override
  public int compareTo(Value other) {
    if (!(other instanceof ObjectValue o)) {
      return Kind.OBJECT.compareTo(other.kind());
    }
    List<Value> ak = sortedKeys();
    List<Value> bk = o.sortedKeys();
    int n = Math.min(ak.size(), bk.size());
    for (int i = 0; i < n; i++) {
      int c = ak.get(i).compareTo(bk.get(i));
      if (c != 0) {
        return c;
      }
      c = entries.get(ak.get(i)).compareTo(o.entries.get(bk.get(i)));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ak.size(), bk.size());
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof ObjectValue ov && ov.entries.equals(entries));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = entries.hashCode() * 31 + 13;
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Value k : sortedKeys()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(k).append(": ").append(entries.get(k));
    }
    return sb.append('}').toString();
  }

  /** Accumulates entries; a later value for a key replaces the earlier one. */
  public static final class Builder {
    private final LinkedHashMap<Value, Value> map = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(Value key, Value value) {
      map.put(key, value);
      return this;
    }

    public Builder put(String key, Value value) {
      map.put(StringValue.of(key), value);
      return this;
    }

    /** The value already put at {@code key}, or {@code null}. */
    public Value get(Value key) {
      return map.get(key);
    }

    public boolean containsKey(Value key) {
      return map.containsKey(key);
    }

    public ObjectValue build() {
      return map.isEmpty() ? EMPTY : new ObjectValue(ImmutableMap.copyOf(map));
    }
  }
}
