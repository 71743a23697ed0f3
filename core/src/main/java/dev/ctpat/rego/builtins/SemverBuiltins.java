package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.StringValue;
import java.util.function.Consumer;

/**
 * OPA's {@code semver.is_valid} and {@code semver.compare}. Versions are read as OPA reads them,
 * which is a little more lenient than SemVer 2.0.0: a leading {@code v} is dropped, numbers may
 * have leading zeros, and an empty pre-release or build part ({@code "1.0.0-"}) is accepted.
 * Precedence follows SemVer 2.0.0, ignoring build metadata.
 */
final class SemverBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "semver";

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "semver.is_valid", Types.fn(Types.BOOLEAN, Types.ANY),
        (ctx, args) -> BooleanValue.of(
            args.get(0) instanceof StringValue s && Version.parse(s.value()) != null)));
    out.accept(Builtin.function(CATEGORY, "semver.compare",
        Types.fn(Types.NUMBER, Types.STRING, Types.STRING),
        (ctx, args) -> NumberValue.of(version(Operands.string(args, 0), 1)
            .compareTo(version(Operands.string(args, 1), 2)))));
  }

  private static Version version(String text, int operand) throws BuiltinException {
    Version v = Version.parse(text);
    if (v == null) {
      throw BuiltinException.error(
          "operand %d: string %s is not a valid SemVer", operand, goQuote(text));
    }
    return v;
  }

  /** A parsed version; build metadata is validated but plays no part in precedence. */
  private record Version(long major, long minor, long patch, String preRelease)
      implements Comparable<Version> {

    /** The version, or {@code null} if {@code text} is not one. */
    static Version parse(String text) {
      String s = text.startsWith("v") ? text.substring(1) : text;
      int plus = s.indexOf('+');
      if (plus >= 0) {
        if (!validIdentifiers(s.substring(plus + 1))) {
          return null;
        }
        s = s.substring(0, plus);
      }
      String preRelease = "";
      int dash = s.indexOf('-');
      if (dash >= 0) {
        preRelease = s.substring(dash + 1);
        if (!validIdentifiers(preRelease)) {
          return null;
        }
        s = s.substring(0, dash);
      }
      String[] parts = s.split("\\.", -1);
      if (parts.length != 3) {
        return null;
      }
      long major = number(parts[0]);
      long minor = number(parts[1]);
      long patch = number(parts[2]);
      if (major < 0 || minor < 0 || patch < 0) {
        return null;
      }
      return new Version(major, minor, patch, preRelease);
    }

    /** Dot-separated non-empty identifiers of ASCII letters, digits and hyphens; or nothing. */
    private static boolean validIdentifiers(String s) {
      if (s.isEmpty()) {
        return true;
      }
      for (String id : s.split("\\.", -1)) {
        if (id.isEmpty() || !id.chars().allMatch(c -> isAsciiDigit(c)
            || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) {
          return false;
        }
      }
      return true;
    }

    /** A non-negative decimal that fits in 64 bits, or -1. */
    private static long number(String s) {
      if (s.isEmpty() || !s.chars().allMatch(Version::isAsciiDigit)) {
        return -1;
      }
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    private static boolean isAsciiDigit(int c) {
      return c >= '0' && c <= '9';
    }

    @Override
    public int compareTo(Version o) {
      int c = Long.compare(major, o.major);
      if (c == 0) {
        c = Long.compare(minor, o.minor);
      }
      if (c == 0) {
        c = Long.compare(patch, o.patch);
      }
      if (c != 0 || preRelease.equals(o.preRelease)) {
        return Integer.signum(c);
      }
      // A version without a pre-release ranks above the same version with one.
      if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
        return preRelease.isEmpty() ? 1 : -1;
      }
      return comparePreReleases(preRelease.split("\\."), o.preRelease.split("\\."));
    }

    /**
     * Identifier by identifier: numbers numerically and below words, words by ASCII order; a
     * longer list wins when all shared identifiers are equal.
     */
    private static int comparePreReleases(String[] a, String[] b) {
      for (int i = 0; i < Math.min(a.length, b.length); i++) {
        boolean aNumeric = a[i].chars().allMatch(Version::isAsciiDigit);
        boolean bNumeric = b[i].chars().allMatch(Version::isAsciiDigit);
        int c;
        if (aNumeric != bNumeric) {
          c = aNumeric ? -1 : 1;
        } else if (aNumeric) {
          c = Long.compare(saturatedNumber(a[i]), saturatedNumber(b[i]));
        } else {
          c = a[i].compareTo(b[i]);
        }
        if (c != 0) {
          return Integer.signum(c);
        }
      }
      return Integer.compare(a.length, b.length);
    }

    /** Go's {@code strconv.Atoi} result: numbers too large for 64 bits become the maximum. */
    private static long saturatedNumber(String digits) {
      try {
        return Long.parseLong(digits);
      } catch (NumberFormatException e) {
        return Long.MAX_VALUE;
      }
    }
  }

  /**
   * Go's {@code strconv.Quote}, which OPA uses to show the offending string: printable
   * characters as they are, the rest as Go escapes.
   */
  static String goQuote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"', '\\' -> b.append('\\').appendCodePoint(c);
        case 0x07 -> b.append("\\a");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case 0x0b -> b.append("\\v");
        default -> {
          if (isPrintable(c)) {
            b.appendCodePoint(c);
          } else if (c < 0x80) {
            b.append(String.format("\\x%02x", c));
          } else if (c < 0x10000) {
            b.append(String.format("\\u%04x", c));
          } else {
            b.append(String.format("\\U%08x", c));
          }
        }
      }
    });
    return b.append('"').toString();
  }

  /** Go's {@code unicode.IsPrint}: graphic characters and the ASCII space. */
  private static boolean isPrintable(int c) {
    if (c == ' ') {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }
}
