package dev.ctpat.rego.value;

import java.util.Objects;

/** A Rego string. Strings order by Unicode code point, as Go orders UTF-8 bytes. */
public final class StringValue implements Value {
  public static final StringValue EMPTY = new StringValue("");

  private final String value;

  private StringValue(String value) {
    this.value = value;
  }

  public static StringValue of(String value) {
    Objects.requireNonNull(value, "value");
    return value.isEmpty() ? EMPTY : new StringValue(value);
  }

  public String value() {
    return value;
  }

  @Override
  public Kind kind() {
    return Kind.STRING;
  }

  @Override
  public int compareTo(Value other) {
    if (other instanceof StringValue s) {
      return compareCodePoints(value, s.value);
    }
    return Kind.STRING.compareTo(other.kind());
  }

  /** Compares two strings by code point (UTF-8 byte order), not by UTF-16 unit. */
  public static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return ca - cb;
      }
    }
    return a.length() - b.length();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StringValue s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return Json.quote(value);
  }
}
