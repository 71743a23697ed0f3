package dev.ctpat.rego.value;

/**
 * An immutable, ground Rego value. Values are totally ordered as OPA orders them:
 * {@code null < boolean < number < string < array < object < set}; within a kind, by content.
 *
 * <p>{@link #equals} agrees with {@link #compareTo}: {@code 1} and {@code 1.0} are the same
 * number, and a set or object equals another with the same members in any insertion order.
 */
public sealed interface Value extends Comparable<Value>
    permits NullValue, BooleanValue, NumberValue, StringValue, ArrayValue, ObjectValue, SetValue {

  /** The kind of this value, which fixes its rank in the total order. */
  Kind kind();

  /** OPA's name of this value's type, as {@code type_name} returns it and error messages use it. */
  default String typeName() {
    return kind().typeName();
  }

  /**
   * Compares by OPA's total order. Kinds compare by rank first; values of one kind by content.
   */
  @Override
  int compareTo(Value other);

  /** The Rego literal of this value ({@code set()} for the empty set, strings quoted). */
  @Override
  String toString();

  /** The kinds of value in the order OPA ranks them. */
  enum Kind {
    NULL("null"),
    BOOLEAN("boolean"),
    NUMBER("number"),
    STRING("string"),
    ARRAY("array"),
    OBJECT("object"),
    SET("set");

    private final String typeName;

    Kind(String typeName) {
      this.typeName = typeName;
    }

    public String typeName() {
      return typeName;
    }
  }
}
