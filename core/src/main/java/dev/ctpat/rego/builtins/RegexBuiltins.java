package dev.ctpat.rego.builtins;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OPA's regular expression builtins ({@code regex.*} and the deprecated {@code re_match}).
 * Patterns use RE2 syntax through RE2/J, as Go's {@code regexp} does; the iteration over
 * matches, splitting and {@code $1}/{@code ${name}} replacement reproduce Go's
 * {@code FindAll}, {@code Split}, {@code ReplaceAllString} and {@code Expand}, including their
 * treatment of empty matches.
 */
final class RegexBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "regex";

  @Override
  public void register(Consumer<Builtin> out) {
    BuiltinFunction match = (ctx, args) -> BooleanValue.of(
        RegexPatterns.compile(Operands.string(args, 0)).matcher(Operands.string(args, 1)).find());
    out.accept(Builtin.function(CATEGORY, "regex.match",
        Types.fn(Types.BOOLEAN, Types.STRING, Types.STRING), match));
    out.accept(Builtin.function(CATEGORY, "re_match",
        Types.fn(Types.BOOLEAN, Types.STRING, Types.STRING), match));
    out.accept(Builtin.function(CATEGORY, "regex.is_valid",
        Types.fn(Types.BOOLEAN, Types.ANY), (ctx, args) -> BooleanValue.of(isValid(args.get(0)))));
    out.accept(Builtin.function(CATEGORY, "regex.split",
        Types.fn(Types.arrayOf(Types.STRING), Types.STRING, Types.STRING),
        (ctx, args) -> strings(split(
            RegexPatterns.compile(Operands.string(args, 0)), Operands.string(args, 1)))));
    out.accept(Builtin.function(CATEGORY, "regex.find_n",
        Types.fn(Types.arrayOf(Types.STRING), Types.STRING, Types.STRING, Types.NUMBER),
        RegexBuiltins::findN));
    out.accept(Builtin.function(CATEGORY, "regex.find_all_string_submatch_n",
        Types.fn(Types.arrayOf(Types.arrayOf(Types.STRING)),
            Types.STRING, Types.STRING, Types.NUMBER),
        RegexBuiltins::findAllSubmatches));
    out.accept(Builtin.function(CATEGORY, "regex.replace",
        Types.fn(Types.STRING, Types.STRING, Types.STRING, Types.STRING),
        (ctx, args) -> StringValue.of(replaceAll(Operands.string(args, 0),
            RegexPatterns.compile(Operands.string(args, 1)), Operands.string(args, 2)))));
    out.accept(Builtin.function(CATEGORY, "regex.template_match",
        Types.fn(Types.BOOLEAN, Types.STRING, Types.STRING, Types.STRING, Types.STRING),
        (ctx, args) -> BooleanValue.of(RegexTemplate.matches(Operands.string(args, 0),
            Operands.string(args, 1), Operands.string(args, 2), Operands.string(args, 3)))));
    out.accept(Builtin.function(CATEGORY, "regex.globs_match",
        Types.fn(Types.BOOLEAN, Types.STRING, Types.STRING),
        (ctx, args) -> BooleanValue.of(RegexGlobIntersection.nonEmpty(
            Operands.string(args, 0), Operands.string(args, 1)))));
  }

  /** {@code regex.is_valid} is false, not an error, for a non-string. */
  private static boolean isValid(Value pattern) {
    if (!(pattern instanceof StringValue s)) {
      return false;
    }
    try {
      RegexPatterns.compile(s.value());
      return true;
    } catch (BuiltinException e) {
      return false;
    }
  }

  private static Value findN(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    String regex = Operands.string(args, 0);
    String s = Operands.string(args, 1);
    long n = StringBuiltins.longOperand(args, 2);
    List<String> found = new ArrayList<>();
    for (int[] m : allMatches(RegexPatterns.compile(regex), s, n)) {
      found.add(s.substring(m[0], m[1]));
    }
    return strings(found);
  }

  /** Each match as an array of the whole match and its groups; an unmatched group is "". */
  private static Value findAllSubmatches(BuiltinContext ctx, List<Value> args)
      throws BuiltinException {
    String regex = Operands.string(args, 0);
    String s = Operands.string(args, 1);
    long n = StringBuiltins.longOperand(args, 2);
    List<Value> matches = new ArrayList<>();
    for (int[] m : allMatches(RegexPatterns.compile(regex), s, n)) {
      List<String> groups = new ArrayList<>();
      for (int g = 0; g < m.length; g += 2) {
        groups.add(m[g] < 0 ? "" : s.substring(m[g], m[g + 1]));
      }
      matches.add(strings(groups));
    }
    return ArrayValue.of(matches);
  }

  private static ArrayValue strings(List<String> strings) {
    List<Value> out = new ArrayList<>(strings.size());
    strings.forEach(s -> out.add(StringValue.of(s)));
    return ArrayValue.of(out);
  }

  /**
   * Go's {@code FindAll...Index(s, n)}: successive non-overlapping matches, at most {@code n}
   * unless negative. An empty match right after a previous match is skipped, and the search
   * moves on by one code point after an empty match. Each match is given as group offsets
   * {@code [start0, end0, start1, end1, ...]}, -1 for unmatched groups.
   */
  private static List<int[]> allMatches(Pattern p, String s, long n) {
    List<int[]> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    int pos = 0;
    int prevMatchEnd = -1;
    while ((n < 0 || out.size() < n) && pos <= s.length() && m.find(pos)) {
      boolean accept = true;
      if (m.end() == pos) {
        if (m.start() == prevMatchEnd) {
          accept = false; // no empty match right after a match
        }
        pos += pos < s.length() ? Character.charCount(s.codePointAt(pos)) : 1;
      } else {
        pos = m.end();
      }
      prevMatchEnd = m.end();
      if (accept) {
        out.add(groupOffsets(m));
      }
    }
    return out;
  }

  private static int[] groupOffsets(Matcher m) {
    int[] offsets = new int[2 * (m.groupCount() + 1)];
    for (int g = 0; g <= m.groupCount(); g++) {
      offsets[2 * g] = m.start(g);
      offsets[2 * g + 1] = m.end(g);
    }
    return offsets;
  }

  /** Go's {@code Regexp.Split(s, -1)}: the text between matches. */
  private static List<String> split(Pattern p, String s) {
    List<String> out = new ArrayList<>();
    if (s.isEmpty() && !p.pattern().isEmpty()) {
      out.add("");
      return out;
    }
    int begin = 0;
    int end = 0;
    for (int[] match : allMatches(p, s, -1)) {
      end = match[0];
      if (match[1] != 0) {
        out.add(s.substring(begin, end));
      }
      begin = match[1];
    }
    if (end != s.length()) {
      out.add(s.substring(begin));
    }
    return out;
  }

  /**
   * Go's {@code ReplaceAllString}: every match replaced by the expanded template, except an
   * empty match right after a previous match.
   */
  private static String replaceAll(String s, Pattern p, String template) {
    StringBuilder out = new StringBuilder(s.length());
    Matcher m = p.matcher(s);
    int lastMatchEnd = 0;
    int searchPos = 0;
    while (searchPos <= s.length() && m.find(searchPos)) {
      out.append(s, lastMatchEnd, m.start());
      if (m.end() > lastMatchEnd || m.start() == 0) {
        expand(out, template, s, m, p.namedGroups());
      }
      lastMatchEnd = m.end();
      int width = searchPos < s.length() ? Character.charCount(s.codePointAt(searchPos)) : 0;
      if (searchPos + width > m.end()) {
        searchPos += width;
      } else if (searchPos + 1 > m.end()) {
        searchPos++; // only at the end of the input
      } else {
        searchPos = m.end();
      }
    }
    return out.append(s, lastMatchEnd, s.length()).toString();
  }

  /**
   * Go's {@code Regexp.Expand}: {@code $$} is a dollar; {@code $name} and {@code ${name}} insert
   * a group by number or name, where a bare name takes as many letters, digits and underscores
   * as it can ({@code $1x} means group "1x"); an unknown or unmatched group inserts nothing; a
   * {@code $} not followed by a name is literal.
   */
  private static void expand(StringBuilder out, String template, String s, Matcher m,
      Map<String, Integer> names) {
    int i = 0;
    while (i < template.length()) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      out.append(template, i, dollar);
      i = dollar + 1;
      if (template.startsWith("$", i)) {
        out.append('$');
        i++;
        continue;
      }
      GroupRef ref = groupRef(template, i);
      if (ref == null) {
        out.append('$');
        continue;
      }
      i = ref.next();
      int group = ref.number() >= 0 ? ref.number() : names.getOrDefault(ref.name(), -1);
      if (group >= 0 && group <= m.groupCount() && m.start(group) >= 0) {
        out.append(s, m.start(group), m.end(group));
      }
    }
    out.append(template, i, template.length());
  }

  /** A group reference in a template: its name, its number (-1 if not numeric), its end. */
  private record GroupRef(String name, int number, int next) {}

  /** Go's {@code extract}: a leading {@code name} or {@code {name}}, or {@code null}. */
  private static GroupRef groupRef(String template, int i) {
    boolean brace = template.startsWith("{", i);
    int start = brace ? i + 1 : i;
    int end = start;
    while (end < template.length()) {
      int cp = template.codePointAt(end);
      if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
        break;
      }
      end += Character.charCount(cp);
    }
    if (end == start) {
      return null;
    }
    String name = template.substring(start, end);
    if (brace) {
      if (!template.startsWith("}", end)) {
        return null;
      }
      end++;
    }
    return new GroupRef(name, groupNumber(name), end);
  }

  /** The group number a name spells: ASCII digits without a leading zero, below 10^8. */
  private static int groupNumber(String name) {
    if (name.length() > 1 && name.charAt(0) == '0') {
      return -1;
    }
    int num = 0;
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (c < '0' || c > '9' || num >= 100_000_000) {
        return -1;
      }
      num = num * 10 + (c - '0');
    }
    return num;
  }
}
