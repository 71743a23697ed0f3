package dev.ctpat.adapters.program;

import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.Numbers;
import dev.ctpat.compliance.evidence.Source;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read field by field with line numbers. A value of the wrong shape becomes a
 * warning naming its line and reads as {@code null}, never as a guess.
 */
final class YamlObject {
  private final MappingNode node;
  private final FileContext context;
  private final Map<String, Node> fields = new LinkedHashMap<>();

  YamlObject(MappingNode node, FileContext context) {
    this.node = node;
    this.context = context;
    for (NodeTuple tuple : node.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        if (fields.put(key.getValue(), tuple.getValueNode()) != null) {
          context.warn(line(key), "duplicate key '" + key.getValue() + "'; the last one is used");
        }
      }
    }
  }

  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  int line() {
    return line(node);
  }

  Source source() {
    return context.source(line());
  }

  boolean has(String key) {
    Node value = fields.get(key);
    return value != null && !isNull(value);
  }

  /** Warns about every key not in {@code known}; a typo must not silently drop evidence. */
  void checkKeys(Set<String> known, String where) {
    for (NodeTuple tuple : node.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && !known.contains(key.getValue())) {
        context.warn(line(key), "unknown key '" + key.getValue() + "' in " + where + "; ignored");
      }
    }
  }

  String string(String key) {
    Node value = fields.get(key);
    if (value == null || isNull(value)) {
      return null;
    }
    if (value instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    context.warn(line(value), key + " must be a single value");
    return null;
  }

  /** A required string: warns when missing. */
  String requiredString(String key, String where) {
    String value = string(key);
    if (value == null) {
      context.warn(line(), where + " has no " + key + "; entry skipped");
    }
    return value;
  }

  Integer integer(String key) {
    String text = string(key);
    Integer value = Numbers.parseInt(text);
    if (text != null && value == null) {
      context.warn(line(fields.get(key)), key + " must be a whole number but is '" + text + "'");
    }
    return value;
  }

  Boolean bool(String key) {
    String text = string(key);
    Boolean value = Numbers.parseBoolean(text);
    if (text != null && value == null) {
      context.warn(line(fields.get(key)), key + " must be true or false but is '" + text + "'");
    }
    return value;
  }

  LocalDate date(String key) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      context.warn(line(fields.get(key)), key + " must be a YYYY-MM-DD date but is '" + text + "'");
      return null;
    }
  }

  /** A required date: warns when missing (a malformed one already warned). */
  LocalDate requiredDate(String key, String where) {
    if (!has(key)) {
      context.warn(line(), where + " has no " + key + "; entry skipped");
      return null;
    }
    return date(key);
  }

  /** An enum value spelled in snake_case; unknown spellings warn with the allowed ones. */
  <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    String constant = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (E candidate : type.getEnumConstants()) {
      if (candidate.name().equals(constant)) {
        return candidate;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E candidate : type.getEnumConstants()) {
      allowed.add(candidate.name().toLowerCase(Locale.ROOT));
    }
    context.warn(line(fields.get(key)),
        key + " '" + text + "' is not one of " + String.join(", ", allowed));
    return null;
  }

  /** A list of strings; a single scalar counts as a one-element list. */
  List<String> strings(String key) {
    Node value = fields.get(key);
    if (value == null || isNull(value)) {
      return null;
    }
    if (value instanceof ScalarNode scalar) {
      return List.of(scalar.getValue());
    }
    if (!(value instanceof SequenceNode sequence)) {
      context.warn(line(value), key + " must be a list");
      return null;
    }
    List<String> result = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (item instanceof ScalarNode scalar) {
        result.add(scalar.getValue());
      } else {
        context.warn(line(item), key + " entries must be single values");
      }
    }
    return result;
  }

  YamlObject object(String key) {
    Node value = fields.get(key);
    if (value == null || isNull(value)) {
      return null;
    }
    if (value instanceof MappingNode mapping) {
      return new YamlObject(mapping, context);
    }
    context.warn(line(value), key + " must be a mapping of keys to values");
    return null;
  }

  /** The mappings of a list; {@code null} when absent, so "not stated" stays distinct from "none". */
  List<YamlObject> objects(String key) {
    Node value = fields.get(key);
    if (value == null || isNull(value)) {
      return null;
    }
    if (!(value instanceof SequenceNode sequence)) {
      context.warn(line(value), key + " must be a list");
      return null;
    }
    List<YamlObject> result = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (item instanceof MappingNode mapping) {
        result.add(new YamlObject(mapping, context));
      } else {
        context.warn(line(item), key + " entries must be mappings of keys to values");
      }
    }
    return result;
  }

  /** A subtree as plain maps, lists, integers, booleans and strings (for thresholds). */
  Object plain(String key) {
    Node value = fields.get(key);
    return value == null ? null : toPlain(value);
  }

  private Object toPlain(Node value) {
    if (isNull(value)) {
      return null;
    }
    if (value instanceof MappingNode mapping) {
      Map<String, Object> result = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k) {
          result.put(k.getValue(), toPlain(tuple.getValueNode()));
        }
      }
      return result;
    }
    if (value instanceof SequenceNode sequence) {
      List<Object> result = new ArrayList<>();
      sequence.getValue().forEach(item -> result.add(toPlain(item)));
      return result;
    }
    String text = ((ScalarNode) value).getValue();
    Integer number = Numbers.parseInt(text);
    if (number != null) {
      return number;
    }
    Boolean flag = "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
    return flag != null ? flag : text;
  }

  private static boolean isNull(Node value) {
    return value instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
  }
}
