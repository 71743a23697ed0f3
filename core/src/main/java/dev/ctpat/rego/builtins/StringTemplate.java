package dev.ctpat.rego.builtins;

import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The subset of Go's {@code text/template} that {@code strings.render_template} supports. OPA
 * hands the whole template language to Go; policies use it to inject values, so this renders:
 *
 * <ul>
 *   <li>literal text, copied as is;
 *   <li>{@code {{.}}} (all variables) and field chains {@code {{.name}}}, {@code {{.a.b.c}}},
 *       with optional spaces inside the delimiters;
 *   <li>comments, <code>{{/&#42; ... &#42;/}}</code>, which print nothing;
 *   <li>the trim markers <code>"&#123;&#123;- "</code> and <code>" -&#125;&#125;"</code>, which
 *       drop the white space before or after the action.
 * </ul>
 *
 * <p>Any other action ({@code if}, {@code range}, {@code with}, pipelines, functions, variables,
 * literals) fails with an "unsupported action" error rather than rendering differently from OPA.
 *
 * <p>Values print as Go prints the JSON-decoded form OPA passes to the template: strings raw,
 * numbers as written, {@code null} as {@code <nil>}, arrays and sets as {@code [a b]}, objects as
 * {@code map[k:v]} with sorted keys. A missing key prints {@code <undefined>} (OPA rewrites Go's
 * {@code <no value>}, everywhere in the output). Field access on a non-object fails with Go's
 * execution error.
 */
final class StringTemplate {
  private static final String NAME = "template";
  private static final String GO_NO_VALUE = "<no value>";
  private static final String OPA_NO_VALUE = "<undefined>";
  /** Go's template white space, which trim markers remove. */
  private static final String SPACE = " \t\r\n";

  private final String template;
  private final ObjectValue data;
  private final StringBuilder out = new StringBuilder();

  private StringTemplate(String template, ObjectValue data) {
    this.template = template;
    this.data = data;
  }

  /** Renders {@code template} with {@code data} as the template's dot. */
  static String render(String template, ObjectValue data) throws BuiltinException {
    StringTemplate t = new StringTemplate(template, data);
    t.run();
    return t.out.toString().replace(GO_NO_VALUE, OPA_NO_VALUE);
  }

  private void run() throws BuiltinException {
    int pos = 0;
    boolean trimLeadingSpace = false;
    while (true) {
      int open = template.indexOf("{{", pos);
      String text = template.substring(pos, open < 0 ? template.length() : open);
      if (trimLeadingSpace) {
        text = stripLeading(text);
      }
      if (open < 0) {
        out.append(text);
        return;
      }
      boolean trimBefore = template.startsWith("-", open + 2) && isSpaceAt(template, open + 3);
      out.append(trimBefore ? stripTrailing(text) : text);
      int contentStart = open + (trimBefore ? 4 : 2);
      ActionEnd end = template.startsWith("/*", contentStart)
          ? skipComment(open, contentStart)
          : runAction(open, contentStart);
      pos = end.next();
      trimLeadingSpace = end.trimAfter();
    }
  }

  /** Where an action ends: the position after "}}", and whether it had the " -}}" marker. */
  private record ActionEnd(int next, boolean trimAfter) {}

  /** Skips a comment action. */
  private ActionEnd skipComment(int open, int commentStart) throws BuiltinException {
    int end = template.indexOf("*/", commentStart + 2);
    if (end < 0) {
      throw parseError(open, "unclosed comment");
    }
    int after = end + 2;
    if (template.startsWith("}}", after)) {
      return new ActionEnd(after + 2, false);
    }
    if (isSpaceAt(template, after) && template.startsWith("-}}", after + 1)) {
      return new ActionEnd(after + 4, true);
    }
    throw parseError(open, "comment ends before closing delimiter");
  }

  /** Evaluates and prints one action. */
  private ActionEnd runAction(int open, int contentStart) throws BuiltinException {
    int close = template.indexOf("}}", contentStart);
    if (close < 0) {
      throw parseError(template.length(), "unclosed action");
    }
    int contentEnd = close;
    if (close - 2 >= contentStart && template.charAt(close - 1) == '-'
        && isSpaceAt(template, close - 2)) {
      contentEnd = close - 2;
    }
    int exprStart = contentStart;
    while (exprStart < contentEnd && SPACE.indexOf(template.charAt(exprStart)) >= 0) {
      exprStart++;
    }
    String expression = stripTrailing(template.substring(exprStart, contentEnd));
    List<String> fields = fieldChain(expression);
    if (fields == null) {
      throw parseError(open, "unsupported action \"" + template.substring(open, close + 2)
          + "\": only field references such as {{.name}} are supported");
    }
    print(evaluate(fields, exprStart, expression));
    return new ActionEnd(close + 2, contentEnd != close);
  }

  /**
   * The field names of {@code .}, {@code .a} or {@code .a.b}, or {@code null} for anything else.
   * A name is a letter or underscore followed by letters, digits and underscores, as in Go.
   */
  private static List<String> fieldChain(String expression) {
    List<String> fields = new ArrayList<>();
    if (expression.equals(".")) {
      return fields;
    }
    int i = 0;
    while (i < expression.length()) {
      if (expression.charAt(i) != '.') {
        return null;
      }
      int start = ++i;
      while (i < expression.length() && isNameChar(expression.codePointAt(i), i == start)) {
        i += Character.charCount(expression.codePointAt(i));
      }
      if (i == start) {
        return null;
      }
      fields.add(expression.substring(start, i));
    }
    return fields.isEmpty() ? null : fields;
  }

  private static boolean isNameChar(int cp, boolean first) {
    return cp == '_' || Character.isLetter(cp) || (!first && Character.isDigit(cp));
  }

  /**
   * Follows the field chain from the data; {@code null} stands for Go's missing value. A missing
   * key yields a missing value, and so does every field after it, as in Go.
   */
  private Value evaluate(List<String> fields, int nodeStart, String node)
      throws BuiltinException {
    Value current = data;
    for (String field : fields) {
      if (current == null) {
        return null;
      }
      if (current instanceof ObjectValue o) {
        current = o.get(field);
      } else if (current instanceof NullValue) {
        throw execError(nodeStart, node, "nil pointer evaluating interface {}." + field);
      } else {
        throw execError(nodeStart, node,
            "can't evaluate field " + field + " in type interface {}");
      }
    }
    return current;
  }

  private void print(Value v) {
    if (v == null) {
      out.append(GO_NO_VALUE);
    } else {
      printGo(v, out);
    }
  }

  /** Go's {@code fmt.Print} of the JSON-decoded form of {@code v}. */
  private static void printGo(Value v, StringBuilder sb) {
    if (v instanceof StringValue s) {
      sb.append(s.value());
    } else if (v instanceof NumberValue n) {
      sb.append(SprintfBuiltin.numberLiteral(n));
    } else if (v instanceof BooleanValue || v instanceof NullValue) {
      sb.append(v instanceof NullValue ? "<nil>" : v.toString());
    } else if (v instanceof ArrayValue a) {
      printList(a.elements(), sb);
    } else if (v instanceof SetValue s) {
      printList(s.sorted(), sb);
    } else {
      printMap((ObjectValue) v, sb);
    }
  }

  private static void printList(Collection<Value> items, StringBuilder sb) {
    sb.append('[');
    boolean first = true;
    for (Value item : items) {
      if (!first) {
        sb.append(' ');
      }
      first = false;
      printGo(item, sb);
    }
    sb.append(']');
  }

  /** A map prints with its keys in sorted order, non-string keys by their JSON text. */
  private static void printMap(ObjectValue o, StringBuilder sb) {
    Map<String, Value> byKey = new TreeMap<>(StringValue::compareCodePoints);
    o.entries().forEach((k, v) ->
        byKey.put(k instanceof StringValue s ? s.value() : Json.write(k), v));
    sb.append("map[");
    boolean first = true;
    for (Map.Entry<String, Value> e : byKey.entrySet()) {
      if (!first) {
        sb.append(' ');
      }
      first = false;
      sb.append(e.getKey()).append(':');
      printGo(e.getValue(), sb);
    }
    sb.append(']');
  }

  /** Go's parse error: {@code template: NAME:LINE: message}. */
  private BuiltinException parseError(int at, String message) {
    return BuiltinException.error("template: " + NAME + ":" + line(at) + ": " + message);
  }

  /** Go's execution error, located at the node by line and byte column. */
  private BuiltinException execError(int at, String node, String message) {
    String before = template.substring(0, at);
    int lastNewline = before.lastIndexOf('\n');
    int column = utf8Length(lastNewline < 0 ? before : before.substring(lastNewline + 1));
    return BuiltinException.error("template: " + NAME + ":" + line(at) + ":" + column
        + ": executing \"" + NAME + "\" at <" + node + ">: " + message);
  }

  private int line(int at) {
    return 1 + (int) template.substring(0, at).chars().filter(c -> c == '\n').count();
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static boolean isSpaceAt(String s, int i) {
    return i >= 0 && i < s.length() && SPACE.indexOf(s.charAt(i)) >= 0;
  }

  private static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && SPACE.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return s.substring(i);
  }

  private static String stripTrailing(String s) {
    int i = s.length();
    while (i > 0 && SPACE.indexOf(s.charAt(i - 1)) >= 0) {
      i--;
    }
    return s.substring(0, i);
  }
}
