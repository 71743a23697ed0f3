package dev.ctpat.adapters.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A JSON tree that remembers the line where each object and array starts, so that an item read
 * from a scanner report can point at its line.
 */
public final class LocatedJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;
  private final Map<JsonNode, Integer> lines;

  private LocatedJson(JsonNode root, Map<JsonNode, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  /**
   * Parses {@code text}.
   *
   * @throws MalformedInputException naming the line of the first syntax error
   */
  public static LocatedJson parse(String text) throws MalformedInputException {
    Map<JsonNode, Integer> lines = new IdentityHashMap<>();
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new MalformedInputException(1, "empty JSON document");
      }
      JsonNode root = read(parser, lines);
      if (parser.nextToken() != null) {
        throw new MalformedInputException(parser.currentLocation().getLineNr(),
            "unexpected content after the JSON document");
      }
      return new LocatedJson(root, lines);
    } catch (IOException e) {
      int line = e instanceof JsonProcessingException p && p.getLocation() != null
          ? p.getLocation().getLineNr() : 1;
      throw new MalformedInputException(Math.max(line, 1), "malformed JSON: " + firstLine(e));
    }
  }

  private static String firstLine(IOException e) {
    String message = e.getMessage() == null ? "unreadable" : e.getMessage();
    int cut = message.indexOf('\n');
    return cut < 0 ? message : message.substring(0, cut);
  }

  private static JsonNode read(JsonParser parser, Map<JsonNode, Integer> lines) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        lines.put(object, line);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, read(parser, lines));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        lines.put(array, line);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser, lines));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return NODES.numberNode(parser.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(parser.getBooleanValue());
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new IOException("unexpected token " + parser.currentToken());
    }
  }

  public JsonNode root() {
    return root;
  }

  /** The line where {@code node} (an object or array of this tree) starts; else {@code null}. */
  public Integer line(JsonNode node) {
    return lines.get(node);
  }

  /** Text of a field, or {@code null} when absent, null or not a scalar. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  /** Integer field, or {@code null} when absent or not an integer. */
  public static Integer integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.canConvertToInt() && value.isIntegralNumber()
        ? value.intValue() : null;
  }

  /** Boolean field, also accepting "true"/"false" strings; {@code null} otherwise. */
  public static Boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isBoolean() ? Boolean.valueOf(value.booleanValue()) : Numbers.parseBoolean(value.asText());
  }
}
