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
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * OPA's string builtins: {@code concat}, {@code substring}, the {@code trim} family,
 * {@code strings.*} and friends.
 *
 * <p>OPA works on UTF-8 strings and counts positions in runes, so every index and length here
 * counts Unicode code points, never UTF-16 units. Case mapping and white space follow Go's simple
 * per-rune rules ({@code unicode.ToUpper}, {@code unicode.IsSpace}) rather than Java's
 * locale-aware ones, so that {@code upper("ß")} stays {@code "ß"} as in OPA.
 */
final class StringBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "strings";
  private static final Type STRING_COLLECTION =
      Types.anyOf(Types.arrayOf(Types.STRING), Types.setOf(Types.STRING));
  private static final Type STRINGS_OR_STRING =
      Types.anyOf(Types.STRING, Types.setOf(Types.STRING), Types.arrayOf(Types.STRING));

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(fn("concat", Types.STRING, StringBuiltins::concat, Types.STRING, STRING_COLLECTION));
    out.accept(fn("contains", Types.BOOLEAN,
        args -> bool(string(args, 0).contains(string(args, 1))), Types.STRING, Types.STRING));
    out.accept(fn("startswith", Types.BOOLEAN,
        args -> bool(string(args, 0).startsWith(string(args, 1))), Types.STRING, Types.STRING));
    out.accept(fn("endswith", Types.BOOLEAN,
        args -> bool(string(args, 0).endsWith(string(args, 1))), Types.STRING, Types.STRING));
    out.accept(fn("format_int", Types.STRING, StringBuiltins::formatInt,
        Types.NUMBER, Types.NUMBER));
    out.accept(fn("indexof", Types.NUMBER, StringBuiltins::indexOf, Types.STRING, Types.STRING));
    out.accept(fn("indexof_n", Types.arrayOf(Types.NUMBER), StringBuiltins::indexOfN,
        Types.STRING, Types.STRING));
    out.accept(fn("lower", Types.STRING,
        args -> str(mapCodePoints(string(args, 0), Character::toLowerCase)), Types.STRING));
    out.accept(fn("upper", Types.STRING,
        args -> str(mapCodePoints(string(args, 0), Character::toUpperCase)), Types.STRING));
    out.accept(fn("replace", Types.STRING,
        args -> str(replace(string(args, 0), string(args, 1), string(args, 2))),
        Types.STRING, Types.STRING, Types.STRING));
    out.accept(fn("split", Types.arrayOf(Types.STRING), StringBuiltins::split,
        Types.STRING, Types.STRING));
    out.accept(fn("substring", Types.STRING, StringBuiltins::substring,
        Types.STRING, Types.NUMBER, Types.NUMBER));
    out.accept(fn("trim", Types.STRING,
        args -> str(trim(string(args, 0), string(args, 1), true, true)),
        Types.STRING, Types.STRING));
    out.accept(fn("trim_left", Types.STRING,
        args -> str(trim(string(args, 0), string(args, 1), true, false)),
        Types.STRING, Types.STRING));
    out.accept(fn("trim_right", Types.STRING,
        args -> str(trim(string(args, 0), string(args, 1), false, true)),
        Types.STRING, Types.STRING));
    out.accept(fn("trim_prefix", Types.STRING, StringBuiltins::trimPrefix,
        Types.STRING, Types.STRING));
    out.accept(fn("trim_suffix", Types.STRING, StringBuiltins::trimSuffix,
        Types.STRING, Types.STRING));
    out.accept(fn("trim_space", Types.STRING, args -> str(trimSpace(string(args, 0))),
        Types.STRING));
    out.accept(fn("strings.any_prefix_match", Types.BOOLEAN,
        args -> bool(anyPrefixMatch(stringsOf(args, 0, false), stringsOf(args, 1, false))),
        STRINGS_OR_STRING, STRINGS_OR_STRING));
    out.accept(fn("strings.any_suffix_match", Types.BOOLEAN,
        args -> bool(anyPrefixMatch(stringsOf(args, 0, true), stringsOf(args, 1, true))),
        STRINGS_OR_STRING, STRINGS_OR_STRING));
    out.accept(fn("strings.count", Types.NUMBER, StringBuiltins::count,
        Types.STRING, Types.STRING));
    out.accept(fn("strings.render_template", Types.STRING,
        args -> str(StringTemplate.render(string(args, 0), Operands.object(args, 1))),
        Types.STRING, Types.objectOf(Types.STRING, Types.ANY)));
    out.accept(fn("strings.replace_n", Types.STRING, StringBuiltins::replaceN,
        Types.objectOf(Types.STRING, Types.STRING), Types.STRING));
    out.accept(fn("strings.reverse", Types.STRING, args -> str(reverse(string(args, 0))),
        Types.STRING));
  }

  /** The shape of most implementations here: they need only the arguments. */
  @FunctionalInterface
  private interface Impl {
    Value apply(List<Value> args) throws BuiltinException;
  }

  private static Builtin fn(String name, Type result, Impl impl, Type... args) {
    return Builtin.function(CATEGORY, name, Types.fn(result, args),
        (ctx, values) -> impl.apply(values));
  }

  private static String string(List<Value> args, int index) throws BuiltinException {
    return Operands.string(args, index);
  }

  private static Value str(String s) {
    return StringValue.of(s);
  }

  private static Value bool(boolean b) {
    return BooleanValue.of(b);
  }

  // ---- Operand errors shared by this package's string, regex and glob families ----

  /**
   * OPA's message for an operand of the wrong type, listing the expected types in the order
   * given (OPA's builtins do not sort them, unlike {@link Operands#typeError}).
   */
  static BuiltinException typeErrorInOrder(int pos, Value got, String... expected) {
    String expectation = expected.length == 1
        ? expected[0] : "one of {" + String.join(", ", expected) + "}";
    return BuiltinException.typeError(
        "operand " + pos + " must be " + expectation + " but got " + got.typeName());
  }

  /** OPA's message for a bad member of a composite operand, e.g. an array holding a number. */
  static BuiltinException elementTypeError(int pos, Value composite, Value got, String expected) {
    String kind = composite.typeName();
    return BuiltinException.typeError("operand " + pos + " must be " + kind + " of " + expected
        + "s but got " + kind + " containing " + got.typeName());
  }

  /**
   * An integral operand in {@code long} range, as OPA's {@code IntOperand} reads it (Go's
   * {@code int} is 64 bits wide).
   */
  static long longOperand(List<Value> args, int index) throws BuiltinException {
    NumberValue n = Operands.number(args, index);
    if (!n.isLong()) {
      throw BuiltinException.typeError(
          "operand " + (index + 1) + " must be integer number but got floating-point number");
    }
    return n.longValueExact();
  }

  /** The strings of a string collection operand, in array order or OPA's set order. */
  private static List<String> stringMembers(List<Value> args, int index)
      throws BuiltinException {
    Value collection = args.get(index);
    List<Value> members;
    if (collection instanceof ArrayValue a) {
      members = a.elements();
    } else if (collection instanceof SetValue s) {
      members = s.sorted();
    } else {
      throw typeErrorInOrder(index + 1, collection, "set", "array");
    }
    List<String> out = new ArrayList<>(members.size());
    for (Value v : members) {
      if (!(v instanceof StringValue s)) {
        throw elementTypeError(index + 1, collection, v, "string");
      }
      out.add(s.value());
    }
    return out;
  }

  // ---- Implementations ----

  private static Value concat(List<Value> args) throws BuiltinException {
    String separator = string(args, 0);
    return str(String.join(separator, stringMembers(args, 1)));
  }

  private static Value formatInt(List<Value> args) throws BuiltinException {
    NumberValue input = Operands.number(args, 0);
    NumberValue base = Operands.number(args, 1);
    int radix = base.isInt() ? base.intValueExact() : 0;
    if (radix != 2 && radix != 8 && radix != 10 && radix != 16) {
      throw BuiltinException.typeError("operand 2 must be one of {2, 8, 10, 16}");
    }
    if (radix == 10 && input.isLong()) {
      return str(Long.toString(input.longValueExact()));
    }
    return str(truncateLikeGoBigFloat(input.bigDecimal()).toString(radix));
  }

  /**
   * Truncates {@code v} toward zero the way OPA does: it parses the number into a Go
   * {@code big.Float} of the default 64-bit mantissa (rounding half to even) and then takes the
   * integer part, so integers wider than 64 bits lose their low digits.
   */
  private static BigInteger truncateLikeGoBigFloat(BigDecimal v) {
    BigDecimal magnitude = v.abs();
    if (magnitude.compareTo(BigDecimal.ONE) < 0) {
      // Below one, only a value within half an ulp of 1 (at 64 bits) rounds up to 1.
      BigDecimal threshold = BigDecimal.ONE.subtract(
          new BigDecimal(BigInteger.ONE).divide(new BigDecimal(BigInteger.TWO.pow(65))));
      BigInteger truncated = magnitude.compareTo(threshold) >= 0 ? BigInteger.ONE : BigInteger.ZERO;
      return v.signum() < 0 ? truncated.negate() : truncated;
    }
    int shift = 64 - magnitude.toBigInteger().bitLength();
    BigDecimal scale = new BigDecimal(BigInteger.TWO.pow(Math.abs(shift)));
    BigDecimal scaled = shift >= 0 ? magnitude.multiply(scale) : magnitude.divide(scale);
    BigDecimal mantissa = scaled.setScale(0, RoundingMode.HALF_EVEN);
    BigDecimal rounded = shift >= 0 ? mantissa.divide(scale) : mantissa.multiply(scale);
    BigInteger truncated = rounded.toBigInteger();
    return v.signum() < 0 ? truncated.negate() : truncated;
  }

  private static Value indexOf(List<Value> args) throws BuiltinException {
    String haystack = string(args, 0);
    String needle = nonEmptyNeedle(args);
    int at = haystack.indexOf(needle);
    return NumberValue.of(at < 0 ? -1 : haystack.codePointCount(0, at));
  }

  /** Every code point index where the needle starts, overlapping occurrences included. */
  private static Value indexOfN(List<Value> args) throws BuiltinException {
    String haystack = string(args, 0);
    String needle = nonEmptyNeedle(args);
    List<Value> out = new ArrayList<>();
    int codePoints = 0;
    int counted = 0;
    for (int at = haystack.indexOf(needle); at >= 0; ) {
      codePoints += haystack.codePointCount(counted, at);
      counted = at;
      out.add(NumberValue.of(codePoints));
      at = haystack.indexOf(needle, at + Character.charCount(haystack.codePointAt(at)));
    }
    return ArrayValue.of(out);
  }

  private static String nonEmptyNeedle(List<Value> args) throws BuiltinException {
    String needle = string(args, 1);
    if (needle.isEmpty()) {
      throw BuiltinException.error("empty search character");
    }
    return needle;
  }

  private static String mapCodePoints(String s, IntUnaryOperator mapping) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().map(mapping).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /**
   * Go's {@code strings.ReplaceAll}: non-overlapping occurrences from left to right; an empty
   * {@code old} matches before every code point and at the end.
   */
  private static String replace(String s, String old, String replacement) {
    if (!old.isEmpty()) {
      return s.replace(old, replacement);
    }
    StringBuilder sb = new StringBuilder(replacement);
    s.codePoints().forEach(cp -> sb.appendCodePoint(cp).append(replacement));
    return sb.toString();
  }

  private static Value split(List<Value> args) throws BuiltinException {
    String s = string(args, 0);
    String delimiter = string(args, 1);
    List<Value> parts = new ArrayList<>();
    if (delimiter.isEmpty()) {
      // Go splits around every rune; the empty string has no runes and so no parts.
      s.codePoints().forEach(cp -> parts.add(str(Character.toString(cp))));
      return ArrayValue.of(parts);
    }
    int from = 0;
    for (int at = s.indexOf(delimiter); at >= 0; at = s.indexOf(delimiter, from)) {
      parts.add(str(s.substring(from, at)));
      from = at + delimiter.length();
    }
    parts.add(str(s.substring(from)));
    return ArrayValue.of(parts);
  }

  /**
   * {@code substring(value, offset, length)} in code points: a negative length takes the rest,
   * lengths and offsets past the end are clipped, and only a negative offset is an error.
   */
  private static Value substring(List<Value> args) throws BuiltinException {
    String s = string(args, 0);
    long offset = longOperand(args, 1);
    long length = longOperand(args, 2);
    if (offset < 0) {
      throw BuiltinException.error("negative offset");
    }
    int codePoints = s.codePointCount(0, s.length());
    if (offset >= codePoints) {
      return StringValue.EMPTY;
    }
    int from = s.offsetByCodePoints(0, (int) offset);
    if (length < 0 || length >= codePoints - offset) {
      return str(s.substring(from));
    }
    return str(s.substring(from, s.offsetByCodePoints(from, (int) length)));
  }

  /** Go's {@code strings.Trim}/{@code TrimLeft}/{@code TrimRight}: the cutset is code points. */
  private static String trim(String s, String cutset, boolean left, boolean right) {
    if (cutset.isEmpty()) {
      return s;
    }
    int start = 0;
    int end = s.length();
    while (left && start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (right && end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static Value trimPrefix(List<Value> args) throws BuiltinException {
    String s = string(args, 0);
    String prefix = string(args, 1);
    return str(s.startsWith(prefix) ? s.substring(prefix.length()) : s);
  }

  private static Value trimSuffix(List<Value> args) throws BuiltinException {
    String s = string(args, 0);
    String suffix = string(args, 1);
    return str(s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s);
  }

  private static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isGoSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /**
   * Go's {@code unicode.IsSpace}: the Unicode White_Space property. Unlike
   * {@link Character#isWhitespace} it includes no-break spaces and excludes the information
   * separators U+001C..U+001F.
   */
  private static boolean isGoSpace(int cp) {
    return switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
          0x3000 -> true;
      default -> cp >= 0x2000 && cp <= 0x200A;
    };
  }

  /**
   * The strings of an operand that may be one string or a collection of them, each reversed by
   * code point when {@code reversed} (suffix matching is prefix matching of reversed strings).
   */
  private static List<String> stringsOf(List<Value> args, int index, boolean reversed)
      throws BuiltinException {
    Value v = args.get(index);
    List<String> strings;
    if (v instanceof StringValue s) {
      strings = List.of(s.value());
    } else if (v instanceof ArrayValue || v instanceof SetValue) {
      strings = stringMembers(args, index);
    } else {
      throw typeErrorInOrder(index + 1, v, "string", "set", "array");
    }
    return reversed
        ? strings.stream().map(StringBuiltins::reverse).collect(Collectors.toList())
        : strings;
  }

  /**
   * True when some string starts with some prefix. The strings are sorted so that those
   * starting with a prefix form a run beginning at the prefix's ceiling.
   */
  private static boolean anyPrefixMatch(List<String> strings, List<String> prefixes) {
    TreeSet<String> sorted = new TreeSet<>(strings);
    for (String prefix : prefixes) {
      String candidate = sorted.ceiling(prefix);
      if (candidate != null && candidate.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Go's {@code strings.Count}: non-overlapping occurrences; "" occurs between all runes. */
  private static Value count(List<Value> args) throws BuiltinException {
    String s = string(args, 0);
    String needle = string(args, 1);
    if (needle.isEmpty()) {
      return NumberValue.of(s.codePointCount(0, s.length()) + 1L);
    }
    long n = 0;
    for (int at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + needle.length())) {
      n++;
    }
    return NumberValue.of(n);
  }

  /**
   * {@code strings.replace_n} with the semantics of Go's {@code strings.NewReplacer}: one left
   * to right pass without overlaps where, at each position, the first matching pattern in key
   * order wins. An empty pattern matches at every position, but not twice in a row.
   */
  private static Value replaceN(List<Value> args) throws BuiltinException {
    ObjectValue patterns = Operands.object(args, 0);
    String s = string(args, 1);
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (Value key : patterns.sortedKeys()) {
      if (!(key instanceof StringValue k)) {
        throw BuiltinException.typeError("operand 1 non-string key found in pattern object");
      }
      if (!(patterns.get(key) instanceof StringValue v)) {
        throw BuiltinException.typeError("operand 1 non-string value found in pattern object");
      }
      pairs.add(Map.entry(k.value(), v.value()));
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean previousMatchEmpty = false;
    int i = 0;
    while (i <= s.length()) {
      Map.Entry<String, String> match = firstMatch(pairs, s, i, previousMatchEmpty);
      if (match != null) {
        out.append(match.getValue());
        i += match.getKey().length();
        previousMatchEmpty = match.getKey().isEmpty();
        continue;
      }
      previousMatchEmpty = false;
      if (i == s.length()) {
        break;
      }
      int cp = s.codePointAt(i);
      out.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return str(out.toString());
  }

  private static Map.Entry<String, String> firstMatch(List<Map.Entry<String, String>> pairs,
      String s, int at, boolean skipEmpty) {
    for (Map.Entry<String, String> pair : pairs) {
      if (!(skipEmpty && pair.getKey().isEmpty()) && s.startsWith(pair.getKey(), at)) {
        return pair;
      }
    }
    return null;
  }

  /** Reverses by code point, keeping surrogate pairs intact. */
  private static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }
}
