package dev.ctpat.rego.builtins;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The "Did you mean ...?" hints of gqlparser's validation messages: options close to what was
 * typed (within graphql-js's threshold of edits, a case change counting as one), nearest first,
 * at most five, as {@code "a", "b", or "c"}.
 */
final class GraphqlSuggestions {
  private static final int MAX_LISTED = 5;

  private GraphqlSuggestions() {}

  /** The options close enough to {@code input}, nearest first (ties keep their order). */
  static List<String> similar(String input, List<String> options) {
    // graphql-js's threshold, on the length in bytes as Go measures it.
    int threshold = input.getBytes(StandardCharsets.UTF_8).length * 2 / 5 + 1;
    record Candidate(String option, int distance) {}
    List<Candidate> close = new ArrayList<>();
    for (String option : options) {
      int distance = lexicalDistance(input, option);
      if (distance <= threshold) {
        close.add(new Candidate(option, distance));
      }
    }
    close.sort(Comparator.comparingInt(Candidate::distance));
    return close.stream().map(Candidate::option).toList();
  }

  /** {@code " <prefix> "a" or "b"?"} for the options similar to {@code typed}; else empty. */
  static String quoted(String prefix, String typed, List<String> options) {
    List<String> similar = similar(typed, options);
    return similar.isEmpty() ? "" : " " + prefix + " " + quotedOrList(similar) + "?";
  }

  /** Like {@link #quoted}, without quotes around the options. */
  static String unquoted(String prefix, String typed, List<String> options) {
    List<String> similar = similar(typed, options);
    return similar.isEmpty() ? "" : " " + prefix + " " + orList(similar) + "?";
  }

  static String quotedOrList(List<String> items) {
    return orList(items.stream().map(i -> "\"" + i + "\"").toList());
  }

  /** {@code A}, {@code A or B}, {@code A, B, or C}; only the first five items. */
  static String orList(List<String> items) {
    List<String> listed = items.subList(0, Math.min(items.size(), MAX_LISTED));
    if (listed.size() == 2) {
      return listed.get(0) + " or " + listed.get(1);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < listed.size(); i++) {
      if (i > 0) {
        sb.append(i == listed.size() - 1 ? ", or " : ", ");
      }
      sb.append(listed.get(i));
    }
    return sb.toString();
  }

  /** Levenshtein distance over code points, where a change of case alone counts as one edit. */
  static int lexicalDistance(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    String lowerA = a.toLowerCase(Locale.ROOT);
    String lowerB = b.toLowerCase(Locale.ROOT);
    if (lowerA.equals(lowerB)) {
      return 1;
    }
    int[] x = lowerA.codePoints().toArray();
    int[] y = lowerB.codePoints().toArray();
    int[] previous = new int[y.length + 1];
    int[] current = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      current[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length];
  }
}
