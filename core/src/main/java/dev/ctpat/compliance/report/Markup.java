package dev.ctpat.compliance.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A small element tree that serializes to well-formed XML, or to HTML that a strict XML parser
 * also accepts. Building a tree instead of concatenating strings makes every output well formed
 * by construction: text and attribute values are always escaped, and characters XML 1.0 forbids
 * become U+FFFD.
 *
 * <p>Layout is deterministic: an element whose content is only elements puts each child on its
 * own indented line; an element with text or inline children (a, code, span, ...) is written on
 * one line so that no whitespace appears inside running text.
 */
final class Markup {
  /** How empty elements are written. */
  enum Dialect {
    /** Every empty element as {@code <x/>}. */
    XML,
    /**
     * HTML5 that is also XML: void and SVG elements as {@code <x/>}, others as {@code <x></x>},
     * since an HTML parser reads {@code <td/>} as an unclosed start tag.
     */
    HTML
  }

  private static final Set<String> INLINE = Set.of("a", "abbr", "b", "br", "code", "em", "i",
      "small", "span", "strong", "sub", "sup", "time", "text", "tspan");
  private static final Set<String> SELF_CLOSING_IN_HTML = Set.of("area", "br", "circle", "col",
      "ellipse", "hr", "img", "input", "line", "link", "meta", "path", "polygon", "polyline",
      "rect", "wbr");

  private final String name;
  private final List<String> attributes = new ArrayList<>();
  private final List<Object> children = new ArrayList<>();

  private Markup(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * An element with the given attributes, as name-value pairs; a pair whose value is
   * {@code null} is left out.
   */
  static Markup element(String name, String... attributes) {
    Markup m = new Markup(name);
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name-value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      m.attr(attributes[i], attributes[i + 1]);
    }
    return m;
  }

  /** Sets an attribute; a {@code null} value leaves it out. */
  Markup attr(String attribute, String value) {
    if (value != null) {
      attributes.add(attribute);
      attributes.add(value);
    }
    return this;
  }

  /** Appends a child element and returns this element. */
  Markup add(Markup child) {
    children.add(Objects.requireNonNull(child, "child"));
    return this;
  }

  /** Appends a new child element and returns the child. */
  Markup child(String childName, String... childAttributes) {
    Markup child = element(childName, childAttributes);
    children.add(child);
    return child;
  }

  /** Appends a child element holding only text and returns this element. */
  Markup leaf(String childName, String text, String... childAttributes) {
    child(childName, childAttributes).text(text);
    return this;
  }

  /** Appends text, which is escaped when written. */
  Markup text(String text) {
    children.add(Objects.requireNonNull(text, "text"));
    return this;
  }

  /**
   * Appends text written as it is, for the content of a {@code style} element, where HTML
   * does not decode entities. It must therefore need no escaping: no {@code <} or {@code &}.
   */
  Markup raw(String text) {
    if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
      throw new IllegalArgumentException("raw text must not contain < or &");
    }
    children.add(new Raw(text));
    return this;
  }

  /** Writes this element and its content, starting at the current position. */
  void write(Appendable out, Dialect dialect) throws IOException {
    write(out, dialect, 0);
  }

  private void write(Appendable out, Dialect dialect, int depth) throws IOException {
    out.append('<').append(name);
    for (int i = 0; i < attributes.size(); i += 2) {
      out.append(' ').append(attributes.get(i)).append("=\"");
      escape(attributes.get(i + 1), true, out);
      out.append('"');
    }
    if (children.isEmpty()) {
      boolean selfClose = dialect == Dialect.XML || SELF_CLOSING_IN_HTML.contains(name);
      out.append(selfClose ? "/>" : "></" + name + ">");
      return;
    }
    out.append('>');
    if (compact()) {
      for (Object child : children) {
        writeChild(child, out, dialect, depth);
      }
    } else {
      for (Object child : children) {
        newline(out, depth + 1);
        writeChild(child, out, dialect, depth + 1);
      }
      newline(out, depth);
    }
    out.append("</").append(name).append('>');
  }

  private static void writeChild(Object child, Appendable out, Dialect dialect, int depth)
      throws IOException {
    if (child instanceof Markup m) {
      m.write(out, dialect, depth);
    } else if (child instanceof Raw r) {
      out.append(r.text());
    } else {
      escape((String) child, false, out);
    }
  }

  private boolean compact() {
    for (Object child : children) {
      if (!(child instanceof Markup m) || INLINE.contains(m.name)) {
        return true;
      }
    }
    return false;
  }

  private static void newline(Appendable out, int depth) throws IOException {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  /**
   * Escapes for XML 1.0 content or a double-quoted attribute. In attributes, line breaks and
   * tabs become character references so that parsers do not normalize them to spaces.
   */
  static void escape(String text, boolean attribute, Appendable out) throws IOException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else {
            out.append(allowedInXml(c) ? c : '\uFFFD');
          }
        }
      }
    }
  }

  /** XML 1.0 Char, for a single UTF-16 unit (a lone surrogate is not a character). */
  private static boolean allowedInXml(char c) {
    return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
  }

  private record Raw(String text) {}
}
