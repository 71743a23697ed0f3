package dev.ctpat.rego.builtins;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * {@code regex.globs_match}: whether two "glob-like" regular expressions, each implicitly
 * anchored at both ends, match a common non-empty string.
 *
 * <p>The syntax is that of the yashtewari/glob-intersection library OPA uses: {@code .} (any
 * character), a character class {@code [a-z0-9_]} (ranges and single characters, no negation),
 * a literal character, each optionally followed by {@code +} (one or more) or {@code *} (zero or
 * more), and {@code \} escaping the next character. Anything else, such as {@code ?}, groups or
 * alternation, is a literal character, as in the library. Malformed globs fail with the
 * library's messages.
 *
 * <p>Unlike the library, which decides by a token-matching heuristic, this builds an automaton
 * for each glob and searches their product, so the answer is exact for the whole syntax. The
 * empty string never counts as a common match: two empty globs do not match here, though the
 * library says they do.
 */
final class RegexGlobIntersection {
  private static final int MAX_RUNE = 0x10FFFF;

  private RegexGlobIntersection() {}

  private enum Repeat { ONCE, ONE_OR_MORE, ZERO_OR_MORE }

  /**
   * One position of a glob: the characters it accepts, as sorted, disjoint, inclusive code point
   * ranges {@code [lo0, hi0, lo1, hi1, ...]}, and how often it may repeat.
   */
  private record Token(int[] ranges, Repeat repeat) {
    boolean overlaps(Token other) {
      int i = 0;
      int j = 0;
      while (i < ranges.length && j < other.ranges.length) {
        if (ranges[i + 1] < other.ranges[j]) {
          i += 2;
        } else if (other.ranges[j + 1] < ranges[i]) {
          j += 2;
        } else {
          return true;
        }
      }
      return false;
    }
  }

  /** True when some non-empty string matches both globs. */
  static boolean nonEmpty(String glob1, String glob2) throws BuiltinException {
    List<Token> a = tokenize(glob1);
    List<Token> b = tokenize(glob2);
    int n = a.size() + 1;
    int m = b.size() + 1;
    // States of the product automaton: (position in a, position in b, consumed anything?).
    boolean[] seen = new boolean[n * m * 2];
    Deque<int[]> queue = new ArrayDeque<>();
    for (int i : closure(a, 0)) {
      for (int j : closure(b, 0)) {
        push(queue, seen, m, i, j, 0);
      }
    }
    while (!queue.isEmpty()) {
      int[] state = queue.poll();
      int i = state[0];
      int j = state[1];
      if (i == a.size() && j == b.size() && state[2] == 1) {
        return true;
      }
      if (i < a.size() && j < b.size() && a.get(i).overlaps(b.get(j))) {
        for (int ni : successors(a, i)) {
          for (int nj : successors(b, j)) {
            push(queue, seen, m, ni, nj, 1);
          }
        }
      }
    }
    return false;
  }

  private static void push(Deque<int[]> queue, boolean[] seen, int m, int i, int j,
      int consumed) {
    int key = (i * m + j) * 2 + consumed;
    if (!seen[key]) {
      seen[key] = true;
      queue.add(new int[] {i, j, consumed});
    }
  }

  /** The positions reachable from {@code i} without consuming: past optional tokens. */
  private static List<Integer> closure(List<Token> glob, int i) {
    List<Integer> out = new ArrayList<>();
    out.add(i);
    while (i < glob.size() && glob.get(i).repeat() == Repeat.ZERO_OR_MORE) {
      out.add(++i);
    }
    return out;
  }

  /** The positions after consuming one character at token {@code i}. */
  private static List<Integer> successors(List<Token> glob, int i) {
    List<Integer> out = new ArrayList<>(closure(glob, i + 1));
    if (glob.get(i).repeat() != Repeat.ONCE) {
      out.add(i); // a repeating token may consume again
    }
    return out;
  }

  // ---- Tokenizing, with the library's positions (in code points) and messages ----

  private static List<Token> tokenize(String glob) throws BuiltinException {
    int[] input = glob.codePoints().toArray();
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < input.length) {
      Rune r = nextRune(input, i);
      i = r.next();
      int[] ranges;
      if (!r.escaped() && r.cp() == '.') {
        ranges = new int[] {0, MAX_RUNE};
      } else if (!r.escaped() && r.cp() == '[') {
        CharClass set = parseClass(input, i);
        ranges = set.ranges();
        i = set.next();
      } else if (!r.escaped() && r.cp() == ']') {
        throw invalid(input, i, "set-close ']' with no preceding '['");
      } else if (!r.escaped() && (r.cp() == '+' || r.cp() == '*')) {
        throw invalid(input, i,
            "flag '" + Character.toString(r.cp()) + "' must be preceded by a non-flag");
      } else {
        ranges = new int[] {r.cp(), r.cp()};
      }
      Repeat repeat = Repeat.ONCE;
      if (i < input.length) {
        Rune flag = nextRune(input, i);
        if (!flag.escaped() && (flag.cp() == '+' || flag.cp() == '*')) {
          repeat = flag.cp() == '+' ? Repeat.ONE_OR_MORE : Repeat.ZERO_OR_MORE;
          i = flag.next();
        }
      }
      tokens.add(new Token(ranges, repeat));
    }
    return tokens;
  }

  /** A code point of the input, whether a backslash escaped it, and where the next one starts. */
  private record Rune(int cp, boolean escaped, int next) {}

  private static Rune nextRune(int[] input, int i) throws BuiltinException {
    if (input[i] != '\\') {
      return new Rune(input[i], false, i + 1);
    }
    if (i == input.length - 1) {
      throw invalid(input, i, "input ends with a \\ (escape) character");
    }
    return new Rune(input[i + 1], true, i + 2);
  }

  private record CharClass(int[] ranges, int next) {}

  /** Parses a character class whose {@code [} ends just before {@code i}. */
  private static CharClass parseClass(int[] input, int i) throws BuiltinException {
    List<int[]> ranges = new ArrayList<>();
    int prev = -1;
    while (i < input.length) {
      Rune r = nextRune(input, i);
      i = r.next();
      if (r.escaped() || (r.cp() != '-' && r.cp() != ']')) {
        ranges.add(new int[] {r.cp(), r.cp()});
        prev = r.cp();
      } else if (r.cp() == ']') {
        return new CharClass(normalize(ranges), i);
      } else {
        if (prev < 0) {
          throw invalid(input, i,
              "range character '-' must be preceded by a Unicode character");
        }
        if (i >= input.length - 1) {
          throw invalid(input, i, "range character '-' must be followed by a Unicode character");
        }
        Rune hi = nextRune(input, i);
        i = hi.next();
        if (!hi.escaped() && (hi.cp() == ']' || hi.cp() == '-')) {
          throw invalid(input, i, "range character '-' cannot be followed by a special symbol");
        }
        if (hi.cp() < prev) {
          throw invalid(input, i, "range is out of order: '" + Character.toString(hi.cp())
              + "' comes before '" + Character.toString(prev) + "' in Unicode");
        }
        ranges.add(new int[] {prev, hi.cp()});
        prev = -1;
      }
    }
    throw invalid(input, i, "found [ without matching ]");
  }

  /** Sorts and merges ranges into the flat, disjoint form {@link Token} expects. */
  private static int[] normalize(List<int[]> ranges) {
    ranges.sort((x, y) -> Integer.compare(x[0], y[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] r : ranges) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && r[0] <= last[1] + 1) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(r.clone());
      }
    }
    return merged.stream().flatMapToInt(Arrays::stream).toArray();
  }

  private static BuiltinException invalid(int[] input, int pos, String message) {
    return BuiltinException.error("input:" + new String(input, 0, input.length) + ", pos:" + pos
        + ", " + message + ": the input provided is invalid");
  }
}
