package dev.ctpat.rego.value;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An immutable Rego set. Iteration follows insertion order; {@link #sorted()} gives OPA's order,
 * which comparison and output use.
 */
public final class SetValue implements Value {
  public static final SetValue EMPTY = new SetValue(ImmutableSet.of());

  private final ImmutableSet<Value> elements;
  private volatile ImmutableList<Value> sorted;
  private int hash;

  private SetValue(ImmutableSet<Value> elements) {
    this.elements = elements;
  }

  public static SetValue of(Collection<? extends Value> elements) {
    return elements.isEmpty() ? EMPTY : new SetValue(ImmutableSet.copyOf(elements));
  }

  public static SetValue of(Value... elements) {
    return elements.length == 0 ? EMPTY : new SetValue(ImmutableSet.copyOf(elements));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Set<Value> elements() {
    return elements;
  }

  /** The members in OPA's order. */
  public List<Value> sorted() {
    ImmutableList<Value> s = sorted;
    if (s == null) {
      s = ImmutableList.sortedCopyOf(elements);
      sorted = s;
    }
    return s;
  }

  public boolean contains(Value v) {
    return elements.contains(v);
  }

  public int size() {
    return elements.size();
  }

  public boolean isEmpty() {
    return elements.isEmpty();
  }

  @Override
  public Kind kind() {
    return Kind.SET;
  }

  @Override
  public int compareTo(Value other) {
    if (other instanceof SetValue s) {
      return ArrayValue.compareSequences(sorted(), s.sorted());
    }
    return Kind.SET.compareTo(other.kind());
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof SetValue s && s.elements.equals(elements));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = elements.hashCode() * 31 + 11;
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    if (elements.isEmpty()) {
      return "set()";
    }
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Value v : sorted()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(v);
    }
    return sb.append('}').toString();
  }

  /** Accumulates members, keeping the first of duplicates. */
  public static final class Builder {
    private final ImmutableSet.Builder<Value> delegate = ImmutableSet.builder();

    private Builder() {}

    public Builder add(Value v) {
      delegate.add(v);
      return this;
    }

    public Builder addAll(Iterable<? extends Value> vs) {
      delegate.addAll(vs);
      return this;
    }

    public SetValue build() {
      ImmutableSet<Value> set = delegate.build();
      return set.isEmpty() ? EMPTY : new SetValue(set);
    }
  }
}
