package dev.ctpat.rego.builtins;

import com.google.common.collect.Sets;
import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * The builtins behind Rego's infix operators, under OPA's names: arithmetic ({@code plus},
 * {@code minus}, {@code mul}, {@code div}, {@code rem}), comparison ({@code equal}, {@code neq},
 * {@code lt}, {@code lte}, {@code gt}, {@code gte}) and set algebra ({@code and} for {@code &},
 * {@code or} for {@code |}, and {@code minus} on two sets).
 *
 * <p>Sums, differences, products and remainders are exact. Quotients follow OPA's binary
 * floating-point division (see {@link OperatorDivision}) so that they have OPA's digits.
 * Comparisons use OPA's total order over all values, so operands of different types compare too.
 */
final class OperatorBuiltins implements BuiltinFamily {
  private static final Type NUMBER_OR_SET = Types.anyOf(Types.NUMBER, Types.SET);

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(arithmetic("plus", (x, y) -> NumberValue.of(x.bigDecimal().add(y.bigDecimal()))));
    out.accept(Builtin.function("numbers", "minus",
        Types.fn(NUMBER_OR_SET, NUMBER_OR_SET, NUMBER_OR_SET), OperatorBuiltins::minus));
    out.accept(arithmetic("mul",
        (x, y) -> NumberValue.of(x.bigDecimal().multiply(y.bigDecimal()))));
    out.accept(arithmetic("div", OperatorDivision::divide));
    out.accept(arithmetic("rem", OperatorBuiltins::remainder));

    out.accept(comparison("equal", Value::equals));
    out.accept(comparison("neq", (x, y) -> !x.equals(y)));
    out.accept(comparison("lt", (x, y) -> x.compareTo(y) < 0));
    out.accept(comparison("lte", (x, y) -> x.compareTo(y) <= 0));
    out.accept(comparison("gt", (x, y) -> x.compareTo(y) > 0));
    out.accept(comparison("gte", (x, y) -> x.compareTo(y) >= 0));

    out.accept(setOperation("and", OperatorBuiltins::intersection));
    out.accept(setOperation("or", OperatorBuiltins::union));
  }

  /** An operation on two numbers that may fail. */
  @FunctionalInterface
  private interface NumberOperation {
    NumberValue apply(NumberValue x, NumberValue y) throws BuiltinException;
  }

  private static Builtin arithmetic(String name, NumberOperation op) {
    return Builtin.function("numbers", name, Types.fn(Types.NUMBER, Types.NUMBER, Types.NUMBER),
        (ctx, args) -> op.apply(Operands.number(args, 0), Operands.number(args, 1)));
  }

  private static Builtin comparison(String name, BiPredicate<Value, Value> test) {
    return Builtin.function("comparison", name, Types.fn(Types.BOOLEAN, Types.ANY, Types.ANY),
        (ctx, args) -> BooleanValue.of(test.test(args.get(0), args.get(1))));
  }

  private static Builtin setOperation(String name, BinaryOperator<SetValue> op) {
    return Builtin.function("sets", name, Types.fn(Types.SET, Types.SET, Types.SET),
        (ctx, args) -> op.apply(Operands.set(args, 0), Operands.set(args, 1)));
  }

  /** Number subtraction, or the difference of two sets. */
  private static Value minus(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    Value x = args.get(0);
    Value y = args.get(1);
    if (x instanceof NumberValue a && y instanceof NumberValue b) {
      return NumberValue.of(a.bigDecimal().subtract(b.bigDecimal()));
    }
    if (x instanceof SetValue a && y instanceof SetValue b) {
      return SetValue.of(Sets.difference(a.elements(), b.elements()));
    }
    if (!(x instanceof NumberValue) && !(x instanceof SetValue)) {
      throw Operands.typeError(1, x, "number", "set");
    }
    // As OPA does, the second operand is reported against the kind of the first.
    throw Operands.typeError(2, y, x instanceof NumberValue ? "number" : "set");
  }

  /** The remainder of integer division, with the sign of the dividend (as Go's and Java's). */
  private static NumberValue remainder(NumberValue x, NumberValue y) throws BuiltinException {
    if (!x.isInteger() || !y.isInteger()) {
      throw BuiltinException.error("modulo on floating-point number");
    }
    if (y.signum() == 0) {
      throw BuiltinException.error("modulo by zero");
    }
    return NumberValue.of(x.bigIntegerExact().remainder(y.bigIntegerExact()));
  }

  private static SetValue intersection(SetValue a, SetValue b) {
    return SetValue.of(Sets.intersection(a.elements(), b.elements()));
  }

  private static SetValue union(SetValue a, SetValue b) {
    return SetValue.builder().addAll(a.elements()).addAll(b.elements()).build();
  }
}
