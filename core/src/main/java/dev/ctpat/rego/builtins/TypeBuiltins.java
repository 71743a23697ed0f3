package dev.ctpat.rego.builtins;

import com.google.common.base.CharMatcher;
import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import dev.ctpat.rego.value.Value.Kind;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Builtins about the types of values: the {@code is_*} tests and {@code type_name}, the
 * {@code to_number} conversion, and the deprecated {@code cast_*} builtins, which return their
 * operand unchanged if it already has the type (or convert between array and set) and fail
 * otherwise.
 */
final class TypeBuiltins implements BuiltinFamily {
  private static final CharMatcher SIGNS = CharMatcher.anyOf("+-");

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(test("is_number", Kind.NUMBER));
    out.accept(test("is_string", Kind.STRING));
    out.accept(test("is_boolean", Kind.BOOLEAN));
    out.accept(test("is_array", Kind.ARRAY));
    out.accept(test("is_set", Kind.SET));
    out.accept(test("is_object", Kind.OBJECT));
    out.accept(test("is_null", Kind.NULL));
    out.accept(Builtin.function("types", "type_name", Types.fn(Types.STRING, Types.ANY),
        (ctx, args) -> StringValue.of(args.get(0).typeName())));
    out.accept(Builtin.function("conversions", "to_number",
        Types.fn(Types.NUMBER,
            Types.anyOf(Types.NULL, Types.BOOLEAN, Types.NUMBER, Types.STRING)),
        (ctx, args) -> toNumber(args.get(0))));

    out.accept(cast("cast_array", Types.ARRAY, v -> {
      if (v instanceof SetValue s) {
        return ArrayValue.of(s.sorted());
      }
      return v instanceof ArrayValue ? v : null;
    }, "array", "set"));
    out.accept(cast("cast_set", Types.SET, v -> {
      if (v instanceof ArrayValue a) {
        return SetValue.of(a.elements());
      }
      return v instanceof SetValue ? v : null;
    }, "array", "set"));
    out.accept(identityCast("cast_string", Types.STRING, Kind.STRING));
    out.accept(identityCast("cast_boolean", Types.BOOLEAN, Kind.BOOLEAN));
    out.accept(identityCast("cast_null", Types.NULL, Kind.NULL));
    out.accept(identityCast("cast_object", Types.OBJECT, Kind.OBJECT));
  }

  private static Builtin test(String name, Kind kind) {
    return Builtin.function("types", name, Types.fn(Types.BOOLEAN, Types.ANY),
        (ctx, args) -> BooleanValue.of(args.get(0).kind() == kind));
  }

  /**
   * A deprecated cast: {@code conversion} returns the converted value, or {@code null} if the
   * operand is not one of the {@code accepted} type names.
   */
  private static Builtin cast(String name, Type result,
      UnaryOperator<Value> conversion, String... accepted) {
    return Builtin.function("deprecated", name, Types.fn(result, Types.ANY), (ctx, args) -> {
      Value converted = conversion.apply(args.get(0));
      if (converted == null) {
        throw Operands.typeError(1, args.get(0), accepted);
      }
      return converted;
    });
  }

  private static Builtin identityCast(String name, Type result, Kind kind) {
    return cast(name, result, v -> v.kind() == kind ? v : null, kind.typeName());
  }

  private static Value toNumber(Value v) throws BuiltinException {
    if (v instanceof NullValue) {
      return NumberValue.ZERO;
    } else if (v instanceof BooleanValue b) {
      return b.value() ? NumberValue.ONE : NumberValue.ZERO;
    } else if (v instanceof NumberValue) {
      return v;
    } else if (v instanceof StringValue s) {
      return parseNumber(s.value());
    }
    // OPA lists the expected kinds in this order, unlike its other messages.
    throw BuiltinException.typeError(
        "operand 1 must be one of {null, boolean, number, string} but got " + v.typeName());
  }

  /**
   * Parses a number as OPA's {@code to_number} does: any text Go's {@code strconv.ParseFloat}
   * accepts (decimal or hexadecimal, with digit-separating underscores) except infinities and
   * NaN, failing with Go's error text. Decimal text keeps its exact value.
   */
  private static NumberValue parseNumber(String text) throws BuiltinException {
    String special = SIGNS.trimLeadingFrom(text).toLowerCase(Locale.ROOT);
    if (special.equals("inf") || special.equals("infinity") || special.equals("nan")) {
      throw BuiltinException.typeError("operand 1 must be valid number string but got string");
    }
    if (!GoFloatSyntax.isValid(text)) {
      throw parseFloatError(text, "invalid syntax");
    }
    String plain = text.replace("_", "");
    double approximation = Double.parseDouble(plain);
    if (Double.isInfinite(approximation)) {
      throw parseFloatError(text, "value out of range");
    }
    if (GoFloatSyntax.isHex(plain)) {
      return NumberValue.of(approximation);
    }
    try {
      return NumberValue.parse(plain);
    } catch (NumberFormatException e) {
      // The exponent is beyond BigDecimal's range; it can only be a tiny one here, which Go
      // accepts as (close to) zero.
      return NumberValue.of(approximation);
    }
  }

  private static BuiltinException parseFloatError(String text, String reason) {
    return BuiltinException.error(
        "strconv.ParseFloat: parsing " + GoFloatSyntax.quote(text) + ": " + reason);
  }

  /** The text syntax of Go's {@code strconv.ParseFloat}, and Go's quoting for its errors. */
  private static final class GoFloatSyntax {
    private GoFloatSyntax() {}

    static boolean isHex(String text) {
      String unsigned = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
      return unsigned.length() > 2 && unsigned.charAt(0) == '0'
          && Character.toLowerCase(unsigned.charAt(1)) == 'x';
    }

    /**
     * Whether Go parses the whole text as a float: a sign, then decimal digits with an optional
     * point and {@code e} exponent, or {@code 0x} and hex digits with an optional point and a
     * mandatory {@code p} exponent. Underscores may separate digits.
     */
    static boolean isValid(String s) {
      boolean hex = isHex(s);
      int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
      if (hex) {
        i += 2;
      }
      boolean sawDigits = false;
      boolean sawDot = false;
      for (; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '.' && !sawDot) {
          sawDot = true;
        } else if (isDigit(c, hex)) {
          sawDigits = true;
        } else if (c != '_') {
          break;
        }
      }
      if (!sawDigits) {
        return false;
      }
      if (i < s.length() && Character.toLowerCase(s.charAt(i)) == (hex ? 'p' : 'e')) {
        i++;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
          i++;
        }
        if (i >= s.length() || !isDigit(s.charAt(i), false)) {
          return false;
        }
        while (i < s.length() && (isDigit(s.charAt(i), false) || s.charAt(i) == '_')) {
          i++;
        }
      } else if (hex) {
        return false;
      }
      return i == s.length() && (s.indexOf('_') < 0 || underscoresSeparateDigits(s));
    }

    private static boolean isDigit(char c, boolean hex) {
      return (c >= '0' && c <= '9')
          || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    }

    /**
     * Go's rule for underscores: each one must follow a digit (or the {@code 0x} prefix) and be
     * followed by a digit.
     */
    private static boolean underscoresSeparateDigits(String s) {
      int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
      boolean hex = isHex(s);
      char last = '^'; // '^' start, '0' digit or prefix, '_' underscore, '!' anything else
      if (hex) {
        i += 2;
        last = '0';
      }
      for (; i < s.length(); i++) {
        char c = s.charAt(i);
        if (isDigit(c, hex)) {
          last = '0';
        } else if (c == '_') {
          if (last != '0') {
            return false;
          }
          last = '_';
        } else if (last == '_') {
          return false;
        } else {
          last = '!';
        }
      }
      return last != '_';
    }

    /** Go's {@code strconv.Quote}: escapes quotes, backslashes and unprintable characters. */
    static String quote(String s) {
      StringBuilder sb = new StringBuilder("\"");
      s.codePoints().forEach(c -> {
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case 0x07 -> sb.append("\\a");
          case '\b' -> sb.append("\\b");
          case '\f' -> sb.append("\\f");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          case 0x0b -> sb.append("\\v");
          default -> {
            if (c < 0x20 || c == 0x7f) {
              sb.append(String.format("\\x%02x", c));
            } else if (!isPrintable(c)) {
              sb.append(String.format(c > 0xffff ? "\\U%08x" : "\\u%04x", c));
            } else {
              sb.appendCodePoint(c);
            }
          }
        }
      });
      return sb.append('"').toString();
    }

    private static boolean isPrintable(int c) {
      return switch (Character.getType(c)) {
        case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
            Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
            false;
        case Character.SPACE_SEPARATOR -> c == ' ';
        default -> true;
      };
    }
  }
}
