package dev.ctpat.rego.builtins;

/**
 * Go's {@code strconv} quoting ({@code Quote}, {@code QuoteToASCII}, {@code QuoteRune},
 * {@code CanBackquote}, {@code IsPrint}), which {@code sprintf}'s {@code %q} uses and OPA uses to
 * render strings inside composite values. A lone surrogate stands for U+FFFD, the rune Go
 * decodes it to.
 */
final class SprintfStrconv {
  private static final String HEX = "0123456789abcdef";
  private static final int MAX_RUNE = 0x10FFFF;
  private static final int REPLACEMENT = 0xFFFD;

  private SprintfStrconv() {}

  /** A double-quoted Go string literal; printable runes stay as they are. */
  static String quote(String s) {
    return quoted(s, '"', false);
  }

  /** A double-quoted Go string literal with every non-ASCII rune escaped. */
  static String quoteToAscii(String s) {
    return quoted(s, '"', true);
  }

  /** A single-quoted Go rune literal; an invalid rune becomes U+FFFD. */
  static String quoteRune(int r, boolean asciiOnly) {
    StringBuilder sb = new StringBuilder("'");
    appendEscaped(sb, isValidRune(r) ? r : REPLACEMENT, '\'', asciiOnly);
    return sb.append('\'').toString();
  }

  /** True when {@code s} can be written as a back-quoted raw string: no controls but tab. */
  static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\uFEFF' || (cp < ' ' && cp != '\t') || cp == '`' || cp == 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  static boolean isPrint(int cp) {
    if (cp < 0x80) {
      return cp >= 0x20 && cp < 0x7F;
    }
    if (cp > MAX_RUNE) {
      return false;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  /** A rune UTF-8 can encode: in range and not a surrogate. */
  static boolean isValidRune(long r) {
    return r >= 0 && r <= MAX_RUNE && !(r >= 0xD800 && r <= 0xDFFF);
  }

  private static String quoted(String s, char quote, boolean asciiOnly) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      appendEscaped(sb, isValidRune(cp) ? cp : REPLACEMENT, quote, asciiOnly);
    }
    return sb.append(quote).toString();
  }

  private static void appendEscaped(StringBuilder sb, int r, char quote, boolean asciiOnly) {
    if (r == quote || r == '\\') {
      sb.append('\\').appendCodePoint(r);
      return;
    }
    if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
      sb.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 0x07 -> sb.append("\\a");
      case '\b' -> sb.append("\\b");
      case '\f' -> sb.append("\\f");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 0x0B -> sb.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7F) {
          sb.append("\\x").append(HEX.charAt(r >> 4)).append(HEX.charAt(r & 0xF));
        } else if (r < 0x10000) {
          appendHex(sb.append("\\u"), r, 4);
        } else {
          appendHex(sb.append("\\U"), r, 8);
        }
      }
    }
  }

  private static void appendHex(StringBuilder sb, int r, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX.charAt((r >> shift) & 0xF));
    }
  }
}
