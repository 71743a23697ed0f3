package dev.ctpat.rego.value;

/** A Rego boolean; {@code false < true}. */
public final class BooleanValue implements Value {
  public static final BooleanValue TRUE = new BooleanValue(true);
  public static final BooleanValue FALSE = new BooleanValue(false);

  private final boolean value;

  private BooleanValue(boolean value) {
    this.value = value;
  }

  public static BooleanValue of(boolean value) {
    return value ? TRUE : FALSE;
  }

  public boolean value() {
    return value;
  }

  @Override
  public Kind kind() {
    return Kind.BOOLEAN;
  }

  @Override
  public int compareTo(Value other) {
    if (other instanceof BooleanValue b) {
      return Boolean.compare(value, b.value);
    }
    return Kind.BOOLEAN.compareTo(other.kind());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BooleanValue b && b.value == value;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(value);
  }

  @Override
  public String toString() {
    return Boolean.toString(value);
  }
}
