package dev.ctpat.rego.value;

/** The Rego {@code null}. */
public final class NullValue implements Value {
  public static final NullValue INSTANCE = new NullValue();

  private NullValue() {}

  @Override
  public Kind kind() {
    return Kind.NULL;
  }

  @Override
  public int compareTo(Value other) {
    return other instanceof NullValue ? 0 : Kind.NULL.compareTo(other.kind());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NullValue;
  }

  @Override
  public int hashCode() {
    return 0x6e756c6c;
  }

  @Override
  public String toString() {
    return "null";
  }
}
