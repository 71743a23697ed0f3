package dev.ctpat.rego.builtins;

import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Typed access to builtin arguments, failing with OPA's operand messages (e.g. {@code operand 2
 * must be string but got number}). Positions are 1-based, as OPA reports them. The evaluator
 * prefixes the builtin's name.
 */
public final class Operands {
  private Operands() {}

  /** OPA's message for an operand of the wrong type. */
  public static BuiltinException typeError(int pos, Value got, String... expected) {
    return BuiltinException.typeError(
        "operand " + pos + " must be " + expectation(expected) + " but got " + got.typeName());
  }

  /** Renders expected type names as OPA does: one name, or {@code one of {a, b}} sorted. */
  public static String expectation(String... expected) {
    if (expected.length == 1) {
      return expected[0];
    }
    return Arrays.stream(expected).sorted().distinct()
        .collect(Collectors.joining(", ", "one of {", "}"));
  }

  public static String string(List<Value> args, int index) throws BuiltinException {
    Value v = args.get(index);
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw typeError(index + 1, v, "string");
  }

  public static NumberValue number(List<Value> args, int index) throws BuiltinException {
    Value v = args.get(index);
    if (v instanceof NumberValue n) {
      return n;
    }
    throw typeError(index + 1, v, "number");
  }

  /** An integral number in {@code int} range; otherwise OPA's "must be integer" error. */
  public static int integer(List<Value> args, int index) throws BuiltinException {
    NumberValue n = number(args, index);
    if (!n.isInt()) {
      throw BuiltinException.typeError("operand " + (index + 1) + " must be integer number but got "
          + (n.isInteger() ? "out of range integer" : "floating-point number"));
    }
    return n.intValueExact();
  }

  public static boolean bool(List<Value> args, int index) throws BuiltinException {
    Value v = args.get(index);
    if (v instanceof BooleanValue b) {
      return b.value();
    }
    throw typeError(index + 1, v, "boolean");
  }

  public static ArrayValue array(List<Value> args, int index) throws BuiltinException {
    Value v = args.get(index);
    if (v instanceof ArrayValue a) {
      return a;
    }
    throw typeError(index + 1, v, "array");
  }

  public static SetValue set(List<Value> args, int index) throws BuiltinException {
    Value v = args.get(index);
    if (v instanceof SetValue s) {
      return s;
    }
    throw typeError(index + 1, v, "set");
  }

  public static ObjectValue object(List<Value> args, int index) throws BuiltinException {
    Value v = args.get(index);
    if (v instanceof ObjectValue o) {
      return o;
    }
    throw typeError(index + 1, v, "object");
  }

  /** The members of an array or a set, in array order or OPA's set order. */
  public static List<Value> arrayOrSet(List<Value> args, int index) throws BuiltinException {
    Value v = args.get(index);
    if (v instanceof ArrayValue a) {
      return a.elements();
    }
    if (v instanceof SetValue s) {
      return s.sorted();
    }
    throw typeError(index + 1, v, "array", "set");
  }
}
