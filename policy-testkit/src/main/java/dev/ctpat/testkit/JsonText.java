package dev.ctpat.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** JSON text for people: a compact pretty printer and a line-per-change diff. */
final class JsonText {
  /** Containers of plain values whose one-line form is at most this long stay on one line. */
  private static final int LINE = 100;

  private JsonText() {}

  static String pretty(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, "", out);
    return out.toString();
  }

  private static void write(JsonNode node, String indent, StringBuilder out) {
    if (!node.isContainerNode() || node.isEmpty() || fitsOnALine(node)) {
      out.append(oneLine(node));
      return;
    }
    String inner = indent + "  ";
    boolean object = node.isObject();
    out.append(object ? '{' : '[');
    Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
    Iterator<JsonNode> elements = node.elements();
    boolean first = true;
    while (object ? fields.hasNext() : elements.hasNext()) {
      out.append(first ? "\n" : ",\n").append(inner);
      first = false;
      if (object) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.append(quote(field.getKey())).append(": ");
        write(field.getValue(), inner, out);
      } else {
        write(elements.next(), inner, out);
      }
    }
    out.append('\n').append(indent).append(object ? '}' : ']');
  }

  private static boolean fitsOnALine(JsonNode node) {
    for (JsonNode child : node) {
      if (child.isContainerNode() && !child.isEmpty()) {
        return false;
      }
    }
    return oneLine(node).length() <= LINE;
  }

  /** The node on one line, with a space after each comma and colon. */
  private static String oneLine(JsonNode node) {
    if (!node.isContainerNode()) {
      return node.toString();
    }
    StringBuilder out = new StringBuilder(node.isObject() ? "{" : "[");
    if (node.isObject()) {
      node.properties().forEach(f -> out.append(out.length() > 1 ? ", " : "")
          .append(quote(f.getKey())).append(": ").append(oneLine(f.getValue())));
    } else {
      node.elements().forEachRemaining(e -> out.append(out.length() > 1 ? ", " : "")
          .append(oneLine(e)));
    }
    return out.append(node.isObject() ? '}' : ']').toString();
  }

  private static String quote(String text) {
    return TextNode.valueOf(text).toString();
  }

  /** Adds a line for each place under {@code pointer} where {@code a} and {@code b} differ. */
  static void diff(String pointer, JsonNode a, JsonNode b, List<String> out) {
    if (a.equals(b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      a.properties().forEach(f -> keys.add(f.getKey()));
      b.properties().forEach(f -> keys.add(f.getKey()));
      for (String key : keys) {
        diff(pointer + "/" + key.replace("~", "~0").replace("/", "~1"), a.path(key), b.path(key),
            out);
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(pointer + "/" + i, a.get(i), b.get(i), out);
      }
    } else {
      out.add((pointer.isEmpty() ? "/" : pointer) + ": " + shown(a) + " -> " + shown(b));
    }
  }

  private static String shown(JsonNode node) {
    if (node.isMissingNode()) {
      return "(absent)";
    }
    String text = oneLine(node);
    return text.length() <= 2 * LINE ? text : text.substring(0, 2 * LINE) + "...";
  }
}
