package dev.ctpat.rego.builtins;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Compiles user regular expressions with RE2/J (RE2 syntax and linear-time matching, like Go's
 * {@code regexp}), keeping recently used patterns in a bounded cache shared by all queries.
 * Syntax errors carry Go's message, e.g. {@code error parsing regexp: missing closing ]: `[`}.
 */
final class RegexPatterns {
  private static final int CACHE_SIZE = 200;
  private static final Cache<String, Pattern> CACHE =
      CacheBuilder.newBuilder().maximumSize(CACHE_SIZE).build();

  private RegexPatterns() {}

  /** The compiled pattern, from the cache when possible. */
  static Pattern compile(String regex) throws BuiltinException {
    Pattern p = CACHE.getIfPresent(regex);
    if (p == null) {
      p = compileUncached(regex);
      CACHE.put(regex, p);
    }
    return p;
  }

  /** Compiles without touching the cache, for patterns built from parts. */
  static Pattern compileUncached(String regex) throws BuiltinException {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw BuiltinException.error(goMessage(e, regex));
    }
  }

  /**
   * Go's wording of a syntax error. RE2/J words it the same way except for an unmatched
   * {@code )}, which it reports as an internal stack underflow, and an empty offending
   * expression, which it leaves out.
   */
  private static String goMessage(PatternSyntaxException e, String regex) {
    String description = e.getDescription();
    String expression = e.getPattern();
    if (description.startsWith("regexp/syntax: internal error")
        && "stack underflow".equals(expression)) {
      description = "unexpected )";
      expression = regex;
    }
    return "error parsing regexp: " + description + ": `" + expression + "`";
  }
}
