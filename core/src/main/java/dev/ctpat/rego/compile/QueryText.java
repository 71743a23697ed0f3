package dev.ctpat.rego.compile;

import dev.ctpat.rego.syntax.Literal;
import java.util.ArrayList;
import java.util.List;

/** Recovers each literal's source text from a query string, using the literals' locations. */
final class QueryText {
  private QueryText() {}

  static List<String> split(String source, List<Literal> literals) {
    List<String> out = new ArrayList<>();
    if (source == null) {
      literals.forEach(l -> out.add(""));
      return out;
    }
    int[] lineStarts = lineStarts(source);
    for (int i = 0; i < literals.size(); i++) {
      int start = offset(lineStarts, source, literals.get(i).location().line(),
          literals.get(i).location().column());
      int end = i + 1 < literals.size()
          ? offset(lineStarts, source, literals.get(i + 1).location().line(),
              literals.get(i + 1).location().column())
          : source.length();
      if (start < 0 || end < start) {
        out.add("");
        continue;
      }
      String text = source.substring(start, end).strip();
      while (text.endsWith(";")) {
        text = text.substring(0, text.length() - 1).strip();
      }
      out.add(text);
    }
    return out;
  }

  private static int[] lineStarts(String s) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int offset(int[] lineStarts, String s, int line, int column) {
    if (line < 1 || line > lineStarts.length || column < 1) {
      return -1;
    }
    int off = lineStarts[line - 1];
    return Math.min(s.length(), s.offsetByCodePoints(off,
        Math.min(column - 1, s.codePointCount(off, s.length()))));
  }
}
