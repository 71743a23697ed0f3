package dev.ctpat.rego.builtins;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Go's {@code fmt.Sprintf} for the four argument types OPA passes it: {@code int},
 * {@code *big.Int}, {@code float64} and {@code string}. It follows Go's {@code doPrintf}: flags
 * ({@code # 0 + - space}), width and precision (also from {@code *} arguments), explicit
 * argument indexes ({@code %[2]d}), every verb those types accept, and Go's renderings of
 * mistakes ({@code %!d(string=x)}, {@code %!d(MISSING)}, {@code %!(EXTRA int=1)},
 * {@code %!(NOVERB)}, {@code %!(BADWIDTH)}, {@code %!(BADPREC)}, {@code %!d(BADINDEX)}).
 *
 * <p>One instance formats one call; it is not reusable.
 */
final class SprintfFormatter {
  private static final String LOWER_DIGITS = "0123456789abcdefx";
  private static final String UPPER_DIGITS = "0123456789ABCDEFX";
  private static final long MAX_RUNE = 0x10FFFF;
  /** Widths and precisions beyond this are rejected, as in Go. */
  private static final int TOO_LARGE = 1_000_000;

  /** A formatting argument, one of the Go types OPA converts Rego values to. */
  sealed interface Arg permits IntArg, BigIntArg, FloatArg, StringArg {}

  /** A Go {@code int}: an integer in the 64-bit range. */
  record IntArg(long value) implements Arg {}

  /** A Go {@code *big.Int}: an integer beyond the 64-bit range. */
  record BigIntArg(BigInteger value) implements Arg {}

  /** A Go {@code float64}. */
  record FloatArg(double value) implements Arg {}

  /** A Go {@code string}. */
  record StringArg(String value) implements Arg {}

  private final StringBuilder buf = new StringBuilder();
  private final String format;
  private final List<Arg> args;

  // Go's printer state: where parsing is, the next argument, and argument-index bookkeeping.
  private int pos;
  private int argNum;
  private boolean afterIndex;
  private boolean reordered;
  private boolean goodArgNum;

  // Go's fmt state: flags, width and precision of the verb being formatted.
  private int wid;
  private int prec;
  private boolean widPresent;
  private boolean precPresent;
  private boolean minus;
  private boolean plus;
  private boolean sharp;
  private boolean space;
  private boolean zero;
  private boolean plusV;
  private boolean sharpV;

  private SprintfFormatter(String format, List<Arg> args) {
    this.format = format;
    this.args = args;
  }

  /** Formats {@code args} according to {@code format}, exactly as Go's {@code Sprintf}. */
  static String sprintf(String format, List<Arg> args) {
    SprintfFormatter f = new SprintfFormatter(format, args);
    f.doPrintf();
    return f.buf.toString();
  }

  private void clearFlags() {
    wid = 0;
    prec = 0;
    widPresent = false;
    precPresent = false;
    minus = false;
    plus = false;
    sharp = false;
    space = false;
    zero = false;
    plusV = false;
    sharpV = false;
  }

  // ---- Parsing the format (Go's doPrintf) ----

  private void doPrintf() {
    int end = format.length();
    while (pos < end) {
      goodArgNum = true;
      int textStart = pos;
      while (pos < end && format.charAt(pos) != '%') {
        pos++;
      }
      buf.append(format, textStart, pos);
      if (pos >= end) {
        break;
      }
      pos++;
      clearFlags();
      parseFlags();
      parseArgIndex();
      parseWidth();
      parsePrecision();
      if (!afterIndex) {
        parseArgIndex();
      }
      if (pos >= end) {
        buf.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(pos);
      pos += Character.charCount(verb);
      printVerb(verb);
    }
    if (!reordered && argNum < args.size()) {
      printExtraArgs();
    }
  }

  private void parseFlags() {
    for (; pos < format.length(); pos++) {
      switch (format.charAt(pos)) {
        case '#' -> sharp = true;
        case '0' -> zero = true;
        case '+' -> plus = true;
        case '-' -> minus = true;
        case ' ' -> space = true;
        default -> {
          return;
        }
      }
    }
  }

  /** A number parsed from the format: its value, whether there was one, and where it ended. */
  private record Num(int value, boolean present, int next) {}

  /** Go's {@code parsenum}: an overlong number consumes the rest of the format. */
  private Num parseNum(int start, int end) {
    if (start >= end) {
      return new Num(0, false, end);
    }
    int num = 0;
    boolean present = false;
    int i = start;
    for (; i < end && format.charAt(i) >= '0' && format.charAt(i) <= '9'; i++) {
      if (num > TOO_LARGE) {
        return new Num(0, false, end);
      }
      num = num * 10 + (format.charAt(i) - '0');
      present = true;
    }
    return new Num(num, present, i);
  }

  /**
   * An optional explicit argument index {@code [n]}: it selects the next argument, or marks the
   * verb {@code BADINDEX} when malformed or out of range.
   */
  private void parseArgIndex() {
    afterIndex = false;
    if (pos >= format.length() || format.charAt(pos) != '[') {
      return;
    }
    reordered = true;
    int close = format.indexOf(']', pos + 1);
    if (format.length() - pos < 3 || close < 0) {
      goodArgNum = false;
      pos++;
      return;
    }
    Num n = parseNum(pos + 1, close);
    pos = close + 1;
    if (!n.present() || n.next() != close) {
      goodArgNum = false;
      return;
    }
    afterIndex = true;
    int index = n.value() - 1;
    if (index >= 0 && index < args.size()) {
      argNum = index;
    } else {
      goodArgNum = false;
    }
  }

  private void parseWidth() {
    if (pos < format.length() && format.charAt(pos) == '*') {
      pos++;
      widPresent = starArgument();
      wid = widPresent ? starValue() : 0;
      if (!widPresent) {
        buf.append("%!(BADWIDTH)");
      }
      if (wid < 0) {
        wid = -wid;
        minus = true;
      }
      afterIndex = false;
      return;
    }
    Num w = parseNum(pos, format.length());
    wid = w.value();
    widPresent = w.present();
    pos = w.next();
    if (afterIndex && widPresent) {
      goodArgNum = false; // as in "%[3]2d"
    }
  }

  private void parsePrecision() {
    if (pos + 1 >= format.length() || format.charAt(pos) != '.') {
      return;
    }
    pos++;
    if (afterIndex) {
      goodArgNum = false; // as in "%[3].2d"
    }
    parseArgIndex();
    if (pos < format.length() && format.charAt(pos) == '*') {
      pos++;
      precPresent = starArgument();
      prec = precPresent ? starValue() : 0;
      if (prec < 0) {
        prec = 0;
        precPresent = false;
      }
      if (!precPresent) {
        buf.append("%!(BADPREC)");
      }
      afterIndex = false;
      return;
    }
    Num p = parseNum(pos, format.length());
    prec = p.value();
    precPresent = true; // "%.d" has precision 0
    pos = p.next();
  }

  /**
   * Consumes the argument of a {@code *} width or precision and tells whether it is usable: an
   * {@code int} of at most a million in magnitude. Its value is then {@link #starValue()}.
   */
  private boolean starArgument() {
    if (argNum >= args.size()) {
      return false;
    }
    argNum++;
    return args.get(argNum - 1) instanceof IntArg i && i.value() >= -TOO_LARGE
        && i.value() <= TOO_LARGE;
  }

  private int starValue() {
    return (int) ((IntArg) args.get(argNum - 1)).value();
  }

  private void printVerb(int verb) {
    if (verb == '%') {
      buf.append('%'); // consumes no argument and ignores width and precision
    } else if (!goodArgNum) {
      buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
    } else if (argNum >= args.size()) {
      buf.append("%!").appendCodePoint(verb).append("(MISSING)");
    } else {
      if (verb == 'v') {
        // %#v and %+v are flagless formats of their own.
        sharpV = sharp;
        sharp = false;
        plusV = plus;
        plus = false;
      }
      printArg(args.get(argNum++), verb);
    }
  }

  /** Go's report of arguments no verb used: {@code %!(EXTRA type=value, ...)}. */
  private void printExtraArgs() {
    clearFlags();
    buf.append("%!(EXTRA ");
    for (int k = argNum; k < args.size(); k++) {
      if (k > argNum) {
        buf.append(", ");
      }
      buf.append(typeName(args.get(k))).append('=');
      printArg(args.get(k), 'v');
    }
    buf.append(')');
  }

  // ---- Printing one argument (Go's printArg) ----

  private static String typeName(Arg arg) {
    if (arg instanceof IntArg) {
      return "int";
    } else if (arg instanceof BigIntArg) {
      return "*big.Int";
    } else if (arg instanceof FloatArg) {
      return "float64";
    }
    return "string";
  }

  private void printArg(Arg arg, int verb) {
    if (verb == 'T') {
      fmtS(typeName(arg));
      return;
    }
    if (verb == 'p') {
      // Go prints a *big.Int's address here, which is not reproducible; the other types have
      // no address and get Go's bad-verb rendering.
      badVerb(arg, verb);
      return;
    }
    if (arg instanceof IntArg i) {
      printInteger(arg, i.value(), verb);
    } else if (arg instanceof BigIntArg b) {
      printBigInt(b.value(), verb);
    } else if (arg instanceof FloatArg f) {
      printFloat(arg, f.value(), verb);
    } else {
      printString(arg, ((StringArg) arg).value(), verb);
    }
  }

  /** Go's rendering of a verb the argument's type does not support: {@code %!x(type=value)}. */
  private void badVerb(Arg arg, int verb) {
    buf.append("%!").appendCodePoint(verb).append('(').append(typeName(arg)).append('=');
    printArg(arg, 'v');
    buf.append(')');
  }

  private void printInteger(Arg arg, long v, int verb) {
    switch (verb) {
      case 'v', 'd' -> fmtInteger(v, 10, verb);
      case 'b' -> fmtInteger(v, 2, verb);
      case 'o', 'O' -> fmtInteger(v, 8, verb);
      case 'x', 'X' -> fmtInteger(v, 16, verb);
      case 'c' -> pad(Character.toString(rune(v)));
      case 'q' -> pad(SprintfStrconv.quoteRune(rune(v), plus));
      case 'U' -> fmtUnicode(v);
      default -> badVerb(arg, verb);
    }
  }

  private void printFloat(Arg arg, double v, int verb) {
    switch (verb) {
      case 'v' -> fmtFloat(v, 'g', -1);
      case 'b', 'g', 'G', 'x', 'X' -> fmtFloat(v, (char) verb, -1);
      case 'f', 'e', 'E' -> fmtFloat(v, (char) verb, 6);
      case 'F' -> fmtFloat(v, 'f', 6);
      default -> badVerb(arg, verb);
    }
  }

  private void printString(Arg arg, String v, int verb) {
    switch (verb) {
      case 'v' -> {
        if (sharpV) {
          fmtQ(v);
        } else {
          fmtS(v);
        }
      }
      case 's' -> fmtS(v);
      case 'x' -> fmtSx(v, LOWER_DIGITS);
      case 'X' -> fmtSx(v, UPPER_DIGITS);
      case 'q' -> fmtQ(v);
      default -> badVerb(arg, verb);
    }
  }

  // ---- Padding ----

  /** Appends {@code n} pad characters: zeros only when padding on the left. */
  private void writePadding(int n) {
    if (n > 0) {
      buf.append(String.valueOf(zero && !minus ? '0' : ' ').repeat(n));
    }
  }

  /** Appends {@code s} padded to the width, counted in runes, on the left unless {@code -}. */
  private void pad(String s) {
    if (!widPresent || wid == 0) {
      buf.append(s);
      return;
    }
    int width = wid - s.codePointCount(0, s.length());
    if (minus) {
      buf.append(s);
      writePadding(width);
    } else {
      writePadding(width);
      buf.append(s);
    }
  }

  /** Pads with the zero flag ignored, for output whose leading zeros are already in place. */
  private void padWithoutZeros(String s) {
    boolean oldZero = zero;
    zero = false;
    pad(s);
    zero = oldZero;
  }

  // ---- Integers ----

  /** Go's {@code fmtInteger} for a signed 64-bit value; {@code %X} is upper case. */
  private void fmtInteger(long v, int base, int verb) {
    boolean negative = v < 0;
    long u = negative ? -v : v; // read as unsigned: -Long.MIN_VALUE is 2^63
    int precision = 0;
    if (precPresent) {
      precision = prec;
      if (precision == 0 && u == 0) {
        // Precision 0 and value 0 print nothing but the padding.
        boolean oldZero = zero;
        zero = false;
        writePadding(wid);
        zero = oldZero;
        return;
      }
    } else if (zero && !minus && widPresent) {
      precision = negative || plus || space ? wid - 1 : wid;
    }
    String digits = Long.toUnsignedString(u, base);
    if (verb == 'X') {
      digits = digits.toUpperCase();
    }
    StringBuilder number = new StringBuilder();
    number.append("0".repeat(Math.max(precision - digits.length(), 0))).append(digits);
    if (sharp) {
      switch (base) {
        case 2 -> number.insert(0, "0b");
        case 8 -> {
          if (number.charAt(0) != '0') {
            number.insert(0, '0');
          }
        }
        case 16 -> number.insert(0, verb == 'X' ? "0X" : "0x");
        default -> { }
      }
    }
    if (verb == 'O') {
      number.insert(0, "0o");
    }
    if (negative) {
      number.insert(0, '-');
    } else if (plus) {
      number.insert(0, '+');
    } else if (space) {
      number.insert(0, ' ');
    }
    padWithoutZeros(number.toString());
  }

  /** Go's {@code %U}: {@code U+0078}, with {@code #} also {@code U+0078 'x'}. */
  private void fmtUnicode(long u) {
    int digits = precPresent && prec > 4 ? prec : 4;
    String hex = Long.toHexString(u).toUpperCase();
    StringBuilder sb = new StringBuilder("U+");
    sb.append("0".repeat(Math.max(digits - hex.length(), 0))).append(hex);
    if (sharp && Long.compareUnsigned(u, MAX_RUNE) <= 0 && SprintfStrconv.isPrint((int) u)) {
      sb.append(" '").appendCodePoint((int) u).append('\'');
    }
    padWithoutZeros(sb.toString());
  }

  /** The rune {@code v} stands for; an invalid rune is U+FFFD. */
  private static int rune(long v) {
    return SprintfStrconv.isValidRune(v) ? (int) v : 0xFFFD;
  }

  /** Go's {@code big.Int.Format}, which handles every verb of a {@code *big.Int} itself. */
  private void printBigInt(BigInteger x, int verb) {
    int base;
    switch (verb) {
      case 'b' -> base = 2;
      case 'o', 'O' -> base = 8;
      case 'd', 's', 'v' -> base = 10;
      case 'x', 'X' -> base = 16;
      default -> {
        buf.append("%!").appendCodePoint(verb).append("(big.Int=").append(x).append(')');
        return;
      }
    }
    String sign = x.signum() < 0 ? "-" : plus || plusV ? "+" : space ? " " : "";
    String prefix = "";
    if (sharp || sharpV) {
      prefix = switch (verb) {
        case 'b' -> "0b";
        case 'o' -> "0";
        case 'x' -> "0x";
        case 'X' -> "0X";
        default -> "";
      };
    }
    if (verb == 'O') {
      prefix = "0o";
    }
    String digits = x.abs().toString(base);
    if (verb == 'X') {
      digits = digits.toUpperCase();
    }
    int zeros = 0;
    if (precPresent) {
      if (digits.length() < prec) {
        zeros = prec - digits.length();
      } else if (digits.equals("0") && prec == 0) {
        return; // zero with precision 0 prints nothing
      }
    }
    int left = 0;
    int right = 0;
    int length = sign.length() + prefix.length() + zeros + digits.length();
    if (widPresent && length < wid) {
      int d = wid - length;
      if (minus) {
        right = d;
      } else if (zero && !precPresent) {
        zeros = d;
      } else {
        left = d;
      }
    }
    buf.append(" ".repeat(left)).append(sign).append(prefix).append("0".repeat(zeros))
        .append(digits).append(" ".repeat(right));
  }

  // ---- Strings ----

  /** The string cut to the precision, counted in runes. */
  private String truncate(String s) {
    if (precPresent && prec < s.codePointCount(0, s.length())) {
      return s.substring(0, s.offsetByCodePoints(0, prec));
    }
    return s;
  }

  private void fmtS(String s) {
    pad(truncate(s));
  }

  /** Go's {@code %x} of a string: the hex of its UTF-8 bytes, precision counting bytes. */
  private void fmtSx(String s, String digits) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    int length = precPresent && prec < bytes.length ? prec : bytes.length;
    int width = 2 * length;
    if (width == 0) {
      if (widPresent) {
        writePadding(wid);
      }
      return;
    }
    if (space) {
      if (sharp) {
        width *= 2;
      }
      width += length - 1;
    } else if (sharp) {
      width += 2;
    }
    if (widPresent && wid > width && !minus) {
      writePadding(wid - width);
    }
    if (sharp) {
      buf.append('0').append(digits.charAt(16));
    }
    for (int i = 0; i < length; i++) {
      if (space && i > 0) {
        buf.append(' ');
        if (sharp) {
          buf.append('0').append(digits.charAt(16));
        }
      }
      int c = bytes[i] & 0xFF;
      buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
    }
    if (widPresent && wid > width && minus) {
      writePadding(wid - width);
    }
  }

  /** Go's {@code %q} of a string: a Go literal, raw with {@code #} when it can be. */
  private void fmtQ(String s) {
    s = truncate(s);
    if (sharp && SprintfStrconv.canBackquote(s)) {
      pad("`" + s + "`");
    } else {
      pad(plus ? SprintfStrconv.quoteToAscii(s) : SprintfStrconv.quote(s));
    }
  }

  // ---- Floats ----

  /** Go's {@code fmtFloat}: sign handling, {@code #} decimal points, zero padding. */
  private void fmtFloat(double v, char verb, int defaultPrecision) {
    int precision = precPresent ? prec : defaultPrecision;
    String formatted = SprintfFloats.format(v, verb, precision);
    // num always starts with a sign; '+' stands for "no sign shown" until decided below.
    StringBuilder num = new StringBuilder(formatted.startsWith("-") ? "" : "+").append(formatted);
    if (space && num.charAt(0) == '+' && !plus) {
      num.setCharAt(0, ' ');
    }
    if (sharp && verb != 'b') {
      restoreDecimalPoint(num, verb, precision);
    }
    if (plus || num.charAt(0) != '+') {
      if (zero && !minus && widPresent && wid > num.length()) {
        // Zero padding goes between the sign and the digits.
        buf.append(num.charAt(0));
        writePadding(wid - num.length());
        buf.append(num, 1, num.length());
        return;
      }
      pad(num.toString());
      return;
    }
    pad(num.substring(1));
  }

  /**
   * The {@code #} flag: always print a decimal point, and for {@code %g} keep the trailing zeros
   * up to the precision (6 by default).
   */
  private static void restoreDecimalPoint(StringBuilder num, char verb, int precision) {
    int digits = 0;
    if (verb == 'g' || verb == 'G' || verb == 'x') {
      digits = precision == -1 ? 6 : precision;
    }
    String tail = "";
    boolean hasDecimalPoint = false;
    boolean sawNonzeroDigit = false;
    for (int i = 1; i < num.length(); i++) {
      char c = num.charAt(i);
      if (c == '.') {
        hasDecimalPoint = true;
      } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substring(i);
        num.setLength(i);
        break;
      } else {
        if (c != '0') {
          sawNonzeroDigit = true;
        }
        if (sawNonzeroDigit) {
          digits--;
        }
      }
    }
    if (!hasDecimalPoint) {
      if (num.length() == 2 && num.charAt(1) == '0') {
        digits--; // a lone leading zero counts once
      }
      num.append('.');
    }
    num.append("0".repeat(Math.max(digits, 0))).append(tail);
  }
}
