package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * OPA's {@code strings.split_n(x, delimiter, n)}: the first {@code n} parts of
 * {@code split(x, delimiter)} for positive {@code n}, the last {@code -n} for negative
 * {@code n}, none for zero, and all of them when there are fewer. Unlike Go's
 * {@code strings.SplitN}, the rest of the string is dropped, not kept in the last part.
 */
final class StringsSplitNBuiltin implements BuiltinFamily {
  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function("strings", "strings.split_n",
        Types.fn(Types.arrayOf(Types.STRING), Types.STRING, Types.STRING, Types.NUMBER),
        StringsSplitNBuiltin::splitN));
  }

  private static Value splitN(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    String s = Operands.string(args, 0);
    String delimiter = Operands.string(args, 1);
    long n = limit(Operands.number(args, 2));
    List<String> parts = split(s, delimiter);
    long magnitude = n == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(n);
    int count = (int) Math.min(magnitude, parts.size());
    List<String> kept = n >= 0 ? parts.subList(0, count)
        : parts.subList(parts.size() - count, parts.size());
    List<Value> out = new ArrayList<>(kept.size());
    kept.forEach(p -> out.add(StringValue.of(p)));
    return ArrayValue.of(out);
  }

  /** The count as Go's int64; OPA calls every other number a floating-point number. */
  private static long limit(NumberValue n) throws BuiltinException {
    if (!n.isLong()) {
      throw BuiltinException.typeError(
          "operand 3 must be integer number but got floating-point number");
    }
    return n.longValueExact();
  }

  /**
   * The parts {@code split} returns: the string itself when the delimiter does not occur, one
   * part per character (code point) for the empty delimiter, else the pieces between delimiters.
   */
  private static List<String> split(String s, String delimiter) {
    List<String> parts = new ArrayList<>();
    if (delimiter.isEmpty()) {
      s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
      return parts;
    }
    int start = 0;
    for (int i = s.indexOf(delimiter); i >= 0; i = s.indexOf(delimiter, start)) {
      parts.add(s.substring(start, i));
      start = i + delimiter.length();
    }
    parts.add(s.substring(start));
    return parts;
  }
}
