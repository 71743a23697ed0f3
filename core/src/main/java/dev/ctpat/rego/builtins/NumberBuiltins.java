package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.Value;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The number builtins that are not infix operators: {@code abs}, {@code ceil}, {@code floor},
 * {@code round}, {@code numbers.range}, {@code numbers.range_step} and {@code rand.intn}.
 *
 * <p>Rounding works on the exact decimal value, so integers of any size stay exact. The class also
 * holds the integer-operand checks that other families share, with OPA's messages.
 */
final class NumberBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "numbers";
  /** How many range elements are produced between two checks of the query's budget. */
  private static final int LIMIT_CHECK_INTERVAL = 4096;

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "abs", Types.fn(Types.NUMBER, Types.NUMBER),
        (ctx, args) -> NumberValue.of(Operands.number(args, 0).bigDecimal().abs())));
    out.accept(rounding("ceil", RoundingMode.CEILING));
    out.accept(rounding("floor", RoundingMode.FLOOR));
    // HALF_UP rounds ties away from zero, as OPA's round does: round(-2.5) is -3.
    out.accept(rounding("round", RoundingMode.HALF_UP));
    out.accept(Builtin.function(CATEGORY, "numbers.range",
        Types.fn(Types.arrayOf(Types.NUMBER), Types.NUMBER, Types.NUMBER),
        (ctx, args) -> range(ctx, integer(args, 0), integer(args, 1), BigInteger.ONE)));
    out.accept(Builtin.function(CATEGORY, "numbers.range_step",
        Types.fn(Types.arrayOf(Types.NUMBER), Types.NUMBER, Types.NUMBER, Types.NUMBER),
        NumberBuiltins::rangeStep));
    out.accept(Builtin.function(CATEGORY, "rand.intn",
        Types.fn(Types.NUMBER, Types.STRING, Types.NUMBER),
        NumberBuiltins::randomInt).asNondeterministic());
  }

  /** A builtin rounding a number to an integer; integers are returned as they are. */
  private static Builtin rounding(String name, RoundingMode mode) {
    return Builtin.function(CATEGORY, name, Types.fn(Types.NUMBER, Types.NUMBER), (ctx, args) -> {
      NumberValue n = Operands.number(args, 0);
      return n.isInteger() ? n : NumberValue.of(n.bigDecimal().setScale(0, mode));
    });
  }

  private static Value rangeStep(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    BigInteger from = integer(args, 0);
    BigInteger to = integer(args, 1);
    BigInteger step = integer(args, 2);
    if (step.signum() <= 0) {
      // OPA's message names the builtin itself, so it appears twice once the evaluator adds the
      // name as a prefix; keeping it makes the full text identical to OPA's.
      throw BuiltinException.error("numbers.range_step: step must be a positive integer");
    }
    return range(ctx, from, to, step);
  }

  /** The integers from {@code from} to {@code to} inclusive, descending if {@code to < from}. */
  private static Value range(BuiltinContext ctx, BigInteger from, BigInteger to,
      BigInteger step) {
    boolean ascending = from.compareTo(to) <= 0;
    BigInteger delta = ascending ? step : step.negate();
    List<Value> out = new ArrayList<>();
    for (BigInteger i = from; ascending ? i.compareTo(to) <= 0 : i.compareTo(to) >= 0;
        i = i.add(delta)) {
      if (out.size() % LIMIT_CHECK_INTERVAL == 0) {
        ctx.checkLimits();
      }
      out.add(NumberValue.of(i));
    }
    return ArrayValue.of(out);
  }

  /**
   * A random integer in {@code [0, |n|)}, the same for the rest of the query for the same string
   * and bound. The sign of {@code n} is ignored and {@code n = 0} gives 0, as in OPA.
   */
  private static Value randomInt(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    String name = Operands.string(args, 0);
    long n = int64(args, 1);
    if (n == 0) {
      return NumberValue.ZERO;
    }
    // |Long.MIN_VALUE| does not fit a long; drawing below Long.MAX_VALUE is as good.
    long bound = n == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(n);
    return ctx.memo(List.of("rand.intn", name, bound),
        () -> NumberValue.of(ThreadLocalRandom.current().nextLong(bound)));
  }

  /**
   * The integral operand at {@code index}, of any size.
   *
   * @throws BuiltinException with OPA's message if the operand is not a number or not integral
   */
  static BigInteger integer(List<Value> args, int index) throws BuiltinException {
    NumberValue n = Operands.number(args, index);
    if (!n.isInteger()) {
      throw notAnInteger(index);
    }
    return n.bigIntegerExact();
  }

  /**
   * The integral operand at {@code index}, which must fit a Go {@code int} (64 bits) as OPA's
   * integer operands must. OPA reports a larger integer as a floating-point number too.
   *
   * @throws BuiltinException with OPA's message if the operand is not such an integer
   */
  static long int64(List<Value> args, int index) throws BuiltinException {
    NumberValue n = Operands.number(args, index);
    if (!n.isLong()) {
      throw notAnInteger(index);
    }
    return n.longValueExact();
  }

  private static BuiltinException notAnInteger(int index) {
    return BuiltinException.typeError(
        "operand " + (index + 1) + " must be integer number but got floating-point number");
  }
}
