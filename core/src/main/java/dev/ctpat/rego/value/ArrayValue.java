package dev.ctpat.rego.value;

import com.google.common.collect.ImmutableList;
import java.util.Collection;
import java.util.List;

/** An immutable Rego array, ordered lexicographically by element, then by length. */
public final class ArrayValue implements Value {
  public static final ArrayValue EMPTY = new ArrayValue(ImmutableList.of());

  private final ImmutableList<Value> elements;
  private int hash;

  private ArrayValue(ImmutableList<Value> elements) {
    this.elements = elements;
  }

  public static ArrayValue of(Collection<? extends Value> elements) {
    return elements.isEmpty() ? EMPTY : new ArrayValue(ImmutableList.copyOf(elements));
  }

  public static ArrayValue of(Value... elements) {
    return elements.length == 0 ? EMPTY : new ArrayValue(ImmutableList.copyOf(elements));
  }

  public List<Value> elements() {
    return elements;
  }

  public int size() {
    return elements.size();
  }

  public boolean isEmpty() {
    return elements.isEmpty();
  }

  public Value get(int index) {
    return elements.get(index);
  }

  @Override
  public Kind kind() {
    return Kind.ARRAY;
  }

  @Override
  public int compareTo(Value other) {
    if (other instanceof ArrayValue a) {
      return compareSequences(elements, a.elements);
    }
    return Kind.ARRAY.compareTo(other.kind());
  }

  static int compareSequences(List<Value> a, List<Value> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof ArrayValue a && a.elements.equals(elements));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = elements.hashCode() * 31 + 7;
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(elements.get(i));
    }
    return sb.append(']').toString();
  }
}
