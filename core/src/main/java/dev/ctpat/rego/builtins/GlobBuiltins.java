package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * OPA's glob builtins: {@code glob.match} with gobwas/glob semantics (see {@link GlobPattern})
 * and {@code glob.quote_meta}.
 */
final class GlobBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "glob";
  private static final List<Integer> DEFAULT_DELIMITERS = List.of((int) '.');

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "glob.match",
        Types.fn(Types.BOOLEAN, Types.STRING,
            Types.anyOf(Types.arrayOf(Types.STRING), Types.NULL), Types.STRING),
        (ctx, args) -> {
          String pattern = Operands.string(args, 0);
          List<Integer> delimiters = delimiters(args.get(1));
          String text = Operands.string(args, 2);
          return BooleanValue.of(GlobPattern.matches(pattern, delimiters, text));
        }));
    out.accept(Builtin.function(CATEGORY, "glob.quote_meta",
        Types.fn(Types.STRING, Types.STRING),
        (ctx, args) -> StringValue.of(GlobPattern.quoteMeta(Operands.string(args, 0)))));
  }

  /**
   * The delimiter characters: none for {@code null}, {@code ["."]} for an empty array, else the
   * array's one-character strings.
   */
  private static List<Integer> delimiters(Value operand) throws BuiltinException {
    if (operand instanceof NullValue) {
      return List.of();
    }
    if (!(operand instanceof ArrayValue array)) {
      throw StringBuiltins.typeErrorInOrder(2, operand, "array", "null");
    }
    if (array.isEmpty()) {
      return DEFAULT_DELIMITERS;
    }
    List<Integer> out = new ArrayList<>(array.size());
    for (Value v : array.elements()) {
      if (!(v instanceof StringValue s)) {
        throw StringBuiltins.elementTypeError(2, array, v, "string");
      }
      if (s.value().codePointCount(0, s.value().length()) != 1) {
        throw StringBuiltins.elementTypeError(2, array, v, "rune");
      }
      out.add(s.value().codePointAt(0));
    }
    return out;
  }
}
