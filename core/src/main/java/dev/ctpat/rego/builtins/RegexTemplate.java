package dev.ctpat.rego.builtins;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code regex.template_match} patterns: literal text with regular expressions between a start
 * and an end delimiter, e.g. {@code urn:foo:{.*}}. The text is matched literally, each delimited
 * part as a regular expression, and the whole against the entire value. Delimited parts may nest
 * delimiters (balanced), as in OPA's gorilla/mux-derived implementation.
 */
final class RegexTemplate {
  private static final int CACHE_SIZE = 100;
  private static final Cache<String, Pattern> CACHE =
      CacheBuilder.newBuilder().maximumSize(CACHE_SIZE).build();
  /** The characters Go's {@code regexp.QuoteMeta} escapes. */
  private static final String META = "\\.+*?()|[]{}^$";

  private RegexTemplate() {}

  /** True when {@code value} matches the template. */
  static boolean matches(String template, String value, String start, String end)
      throws BuiltinException {
    // OPA measures the delimiters in UTF-8 bytes; its message for a bad end delimiter reports
    // the start delimiter's length, which is reproduced here.
    int startLength = start.getBytes(StandardCharsets.UTF_8).length;
    if (startLength != 1) {
      throw BuiltinException.error("start delimiter has to be exactly one character long but is "
          + startLength + " long");
    }
    if (end.getBytes(StandardCharsets.UTF_8).length != 1) {
      throw BuiltinException.error("end delimiter has to be exactly one character long but is "
          + startLength + " long");
    }
    String key = start + end + template;
    Pattern p = CACHE.getIfPresent(key);
    if (p == null) {
      p = compile(template, start.charAt(0), end.charAt(0));
      CACHE.put(key, p);
    }
    return p.matcher(value).find();
  }

  private static Pattern compile(String template, char open, char close)
      throws BuiltinException {
    List<Integer> bounds = delimiterBounds(template, open, close);
    StringBuilder regex = new StringBuilder("^");
    int end = 0;
    for (int i = 0; i < bounds.size(); i += 2) {
      String raw = template.substring(end, bounds.get(i));
      end = bounds.get(i + 1);
      String part = template.substring(bounds.get(i) + 1, end - 1);
      regex.append(quoteMeta(raw)).append('(').append(part).append(')');
      // Each part must be a valid expression on its own, which also words the error.
      RegexPatterns.compileUncached("^" + part + "$");
    }
    regex.append(quoteMeta(template.substring(end))).append('$');
    return RegexPatterns.compileUncached(regex.toString());
  }

  /** The start and end (exclusive) of every outermost delimited part. */
  private static List<Integer> delimiterBounds(String template, char open, char close)
      throws BuiltinException {
    List<Integer> bounds = new ArrayList<>();
    int level = 0;
    int start = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == open) {
        if (++level == 1) {
          start = i;
        }
      } else if (c == close) {
        if (--level == 0) {
          bounds.add(start);
          bounds.add(i + 1);
        } else if (level < 0) {
          throw unbalanced(template);
        }
      }
    }
    if (level != 0) {
      throw unbalanced(template);
    }
    return bounds;
  }

  private static BuiltinException unbalanced(String template) {
    return BuiltinException.error("unbalanced braces in " + SprintfStrconv.quote(template));
  }

  /** Go's {@code regexp.QuoteMeta}. */
  private static String quoteMeta(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (META.indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
