package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.SprintfFormatter.Arg;
import dev.ctpat.rego.builtins.SprintfFormatter.BigIntArg;
import dev.ctpat.rego.builtins.SprintfFormatter.FloatArg;
import dev.ctpat.rego.builtins.SprintfFormatter.IntArg;
import dev.ctpat.rego.builtins.SprintfFormatter.StringArg;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code sprintf(format, values)}: Go's {@code fmt.Sprintf} over the values converted as OPA
 * converts them. A number whose literal is an integer in the 64-bit range becomes a Go
 * {@code int}, a wider integer a {@code *big.Int}, any other number a {@code float64} (or, if out
 * of float range, its literal as a string); a string stays a string; every other value becomes
 * its Rego literal as a string, so {@code %v} prints {@code ["a", 1]}, {@code {"k": 1}} or
 * {@code {1, 2}} and {@code %d} of a boolean prints {@code %!d(string=true)}, as in OPA.
 *
 * <p>OPA decides on the number's literal text; numbers here are normalized, so {@code 1.0}
 * counts as the integer {@code 1} and {@code 1e3} as {@code 1000}, where OPA would pass a float.
 */
final class SprintfBuiltin implements BuiltinFamily {
  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function("strings", "sprintf",
        Types.fn(Types.STRING, Types.STRING, Types.arrayOf(Types.ANY)),
        (ctx, args) -> {
          String format = Operands.string(args, 0);
          List<Arg> goArgs = new ArrayList<>();
          for (Value v : Operands.array(args, 1).elements()) {
            goArgs.add(toGoArg(v));
          }
          return StringValue.of(SprintfFormatter.sprintf(format, goArgs));
        }));
  }

  /** The Go value OPA passes to {@code fmt.Sprintf} for {@code v}. */
  private static Arg toGoArg(Value v) {
    if (v instanceof StringValue s) {
      return new StringArg(s.value());
    }
    if (v instanceof NumberValue n) {
      String literal = numberLiteral(n);
      if (n.isLong()) {
        return new IntArg(n.longValueExact());
      }
      if (n.isInteger() && literal.indexOf('e') < 0) {
        return new BigIntArg(new BigInteger(literal));
      }
      double d = Double.parseDouble(literal);
      return Double.isInfinite(d) ? new StringArg(literal) : new FloatArg(d);
    }
    return new StringArg(regoLiteral(v));
  }

  /**
   * The literal text of a number, as OPA would have stored it: plain digits for moderate
   * magnitudes, {@code 2e308} style (no {@code +} in the exponent) otherwise.
   */
  static String numberLiteral(NumberValue n) {
    return n.toString().replace("e+", "e");
  }

  /**
   * OPA's rendering of a value as Rego source ({@code ast.Value.String()}): strings quoted as Go
   * quotes them, numbers as literals, objects {@code {"k": v}} and sets {@code {a, b}} in sorted
   * order, the empty set {@code set()}.
   */
  private static String regoLiteral(Value v) {
    StringBuilder sb = new StringBuilder();
    appendLiteral(v, sb);
    return sb.toString();
  }

  private static void appendLiteral(Value v, StringBuilder sb) {
    if (v instanceof StringValue s) {
      sb.append(SprintfStrconv.quote(s.value()));
    } else if (v instanceof NumberValue n) {
      sb.append(numberLiteral(n));
    } else if (v instanceof ArrayValue a) {
      appendAll(a.elements(), "[", "]", sb);
    } else if (v instanceof SetValue s) {
      if (s.isEmpty()) {
        sb.append("set()");
      } else {
        appendAll(s.sorted(), "{", "}", sb);
      }
    } else if (v instanceof ObjectValue o) {
      sb.append('{');
      boolean first = true;
      for (Value key : o.sortedKeys()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        appendLiteral(key, sb);
        sb.append(": ");
        appendLiteral(o.get(key), sb);
      }
      sb.append('}');
    } else {
      sb.append(v); // null and booleans
    }
  }

  private static void appendAll(Collection<Value> items, String open, String close,
      StringBuilder sb) {
    sb.append(open);
    boolean first = true;
    for (Value item : items) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      appendLiteral(item, sb);
    }
    sb.append(close);
  }
}
