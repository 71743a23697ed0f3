package dev.ctpat.adapters.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code key value} or {@code key = value} setting of a line-oriented config file, with its
 * line. Keys keep their case; {@link #is} compares case-insensitively.
 */
public record KeyValue(String key, String value, int line) {

  public boolean is(String name) {
    return key.equalsIgnoreCase(name);
  }

  /**
   * The settings of {@code lines}: blank lines and lines starting with one of {@code comments}
   * are skipped; the key ends at {@code =} or the first blank, whichever comes first.
   */
  public static List<KeyValue> parse(List<String> lines, String comments) {
    List<KeyValue> result = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (text.isEmpty() || comments.indexOf(text.charAt(0)) >= 0) {
        continue;
      }
      int end = 0;
      while (end < text.length() && text.charAt(end) != '=' && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      String rest = text.substring(end).strip();
      if (rest.startsWith("=")) {
        rest = rest.substring(1).strip();
      }
      result.add(new KeyValue(text.substring(0, end), rest, i + 1));
    }
    return result;
  }

  /** The value as an integer, or {@code null} when it is not one. */
  public Integer intValue() {
    return Numbers.parseInt(value);
  }

  /** The first word of the value, lower-cased. */
  public String firstWord() {
    String[] words = value.split("\\s+", 2);
    return words[0].toLowerCase(Locale.ROOT);
  }
}
