package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.Value;
import java.math.BigInteger;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * The {@code bits.*} builtins on integers of any size, in two's complement as Go's
 * {@code big.Int} (and Java's {@link BigInteger}) define it: {@code bits.or}, {@code bits.and},
 * {@code bits.xor}, {@code bits.negate} (complement), {@code bits.lsh} and {@code bits.rsh}
 * (arithmetic shift).
 */
final class BitsBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "bits";

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(bitwise("bits.or", BigInteger::or));
    out.accept(bitwise("bits.and", BigInteger::and));
    out.accept(bitwise("bits.xor", BigInteger::xor));
    out.accept(Builtin.function(CATEGORY, "bits.negate", Types.fn(Types.NUMBER, Types.NUMBER),
        (ctx, args) -> NumberValue.of(NumberBuiltins.integer(args, 0).not())));
    out.accept(Builtin.function(CATEGORY, "bits.lsh",
        Types.fn(Types.NUMBER, Types.NUMBER, Types.NUMBER), BitsBuiltins::shiftLeft));
    out.accept(Builtin.function(CATEGORY, "bits.rsh",
        Types.fn(Types.NUMBER, Types.NUMBER, Types.NUMBER), BitsBuiltins::shiftRight));
  }

  private static Builtin bitwise(String name, BinaryOperator<BigInteger> op) {
    return Builtin.function(CATEGORY, name, Types.fn(Types.NUMBER, Types.NUMBER, Types.NUMBER),
        (ctx, args) -> NumberValue.of(
            op.apply(NumberBuiltins.integer(args, 0), NumberBuiltins.integer(args, 1))));
  }

  private static Value shiftLeft(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    BigInteger x = NumberBuiltins.integer(args, 0);
    BigInteger n = shiftAmount(args);
    if (x.signum() == 0) {
      return NumberValue.ZERO;
    }
    try {
      return NumberValue.of(x.shiftLeft(n.intValueExact()));
    } catch (ArithmeticException e) {
      // The shift does not fit an int, or the result exceeds what BigInteger can hold.
      throw BuiltinException.error("shift amount too large");
    }
  }

  private static Value shiftRight(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    BigInteger x = NumberBuiltins.integer(args, 0);
    BigInteger n = shiftAmount(args);
    if (n.bitLength() >= Integer.SIZE) {
      // Shifting out every bit leaves the sign: 0 or -1.
      return NumberValue.of(x.signum() < 0 ? -1 : 0);
    }
    return NumberValue.of(x.shiftRight(n.intValueExact()));
  }

  /** The shift operand, which must be a non-negative integer. */
  private static BigInteger shiftAmount(List<Value> args) throws BuiltinException {
    BigInteger n = NumberBuiltins.integer(args, 1);
    if (n.signum() < 0) {
      throw BuiltinException.typeError(
          "operand 2 must be an unsigned integer number but got a negative integer");
    }
    return n;
  }
}
