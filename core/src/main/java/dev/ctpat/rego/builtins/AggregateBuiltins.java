package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * Builtins that reduce a collection: {@code count}, {@code sum}, {@code product}, {@code max},
 * {@code min}, {@code sort}, and the deprecated {@code all} and {@code any}.
 *
 * <p>Sums and products are exact decimals. Sets are visited in OPA's order, so the first
 * offending member an error names is the one OPA names.
 */
final class AggregateBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "aggregates";
  private static final Type COLLECTION = Types.anyOf(Types.ARRAY, Types.SET);
  private static final Type NUMBERS =
      Types.anyOf(Types.arrayOf(Types.NUMBER), Types.setOf(Types.NUMBER));

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "count",
        Types.fn(Types.NUMBER, Types.anyOf(Types.ARRAY, Types.OBJECT, Types.SET, Types.STRING)),
        (ctx, args) -> NumberValue.of(count(args.get(0)))));
    out.accept(reduction("sum", BigDecimal.ZERO, BigDecimal::add));
    out.accept(reduction("product", BigDecimal.ONE, BigDecimal::multiply));
    out.accept(Builtin.function(CATEGORY, "max", Types.fn(Types.ANY, COLLECTION), (ctx, args) -> {
      List<Value> members = Operands.arrayOrSet(args, 0);
      return members.isEmpty() ? null : Collections.max(members);
    }));
    out.accept(Builtin.function(CATEGORY, "min", Types.fn(Types.ANY, COLLECTION), (ctx, args) -> {
      List<Value> members = Operands.arrayOrSet(args, 0);
      return members.isEmpty() ? null : Collections.min(members);
    }));
    out.accept(Builtin.function(CATEGORY, "sort", Types.fn(Types.ARRAY, COLLECTION),
        (ctx, args) -> ArrayValue.of(Operands.arrayOrSet(args, 0).stream().sorted().toList())));
    out.accept(Builtin.function("deprecated", "all", Types.fn(Types.BOOLEAN, COLLECTION),
        (ctx, args) -> BooleanValue.of(
            Operands.arrayOrSet(args, 0).stream().allMatch(BooleanValue.TRUE::equals))));
    out.accept(Builtin.function("deprecated", "any", Types.fn(Types.BOOLEAN, COLLECTION),
        (ctx, args) -> BooleanValue.of(
            Operands.arrayOrSet(args, 0).stream().anyMatch(BooleanValue.TRUE::equals))));
  }

  /** Members of a collection, or characters (code points) of a string. */
  private static int count(Value v) throws BuiltinException {
    if (v instanceof StringValue s) {
      return s.value().codePointCount(0, s.value().length());
    } else if (v instanceof ArrayValue a) {
      return a.size();
    } else if (v instanceof ObjectValue o) {
      return o.size();
    } else if (v instanceof SetValue s) {
      return s.size();
    }
    throw Operands.typeError(1, v, "array", "object", "set", "string");
  }

  /** A builtin folding the numbers of an array or set with {@code op}, from {@code identity}. */
  private static Builtin reduction(String name, BigDecimal identity,
      BinaryOperator<BigDecimal> op) {
    return Builtin.function(CATEGORY, name, Types.fn(Types.NUMBER, NUMBERS), (ctx, args) -> {
      BigDecimal result = identity;
      for (Value member : Operands.arrayOrSet(args, 0)) {
        if (!(member instanceof NumberValue n)) {
          throw elementTypeError(1, args.get(0), member, "number");
        }
        result = op.apply(result, n.bigDecimal());
      }
      return NumberValue.of(result);
    });
  }

  /**
   * OPA's error for a collection operand with a member of the wrong type, e.g. {@code operand 1
   * must be array of numbers but got array containing string}.
   */
  static BuiltinException elementTypeError(int pos, Value collection, Value member,
      String expected) {
    String kind = collection.typeName();
    return BuiltinException.typeError("operand " + pos + " must be " + kind + " of " + expected
        + "s but got " + kind + " containing " + member.typeName());
  }
}
