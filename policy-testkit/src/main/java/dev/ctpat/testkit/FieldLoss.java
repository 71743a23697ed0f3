package dev.ctpat.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The ways a field of an export goes missing. Each is "no evidence" to the policies, and none
 * may make a criterion pass that needs the field.
 */
public enum FieldLoss {
  /** The field is left out. */
  ABSENT,
  /** The field is {@code null}: the export says it does not know. */
  NULL,
  /**
   * The field has a value of another JSON type, as a sloppy export writes it: {@code "14"} for
   * 14, {@code "true"} for true, {@code 1} for a string, {@code {}} for a list, {@code "n/a"} for
   * an object, {@code false} for {@code null}.
   */
  WRONG_TYPE;

  /** The document with the node at {@code pointer} lost this way. */
  public EvidenceDocument apply(EvidenceDocument document, String pointer) {
    return switch (this) {
      case ABSENT -> document.without(pointer);
      case NULL -> document.with(pointer, null);
      case WRONG_TYPE -> document.with(pointer, retyped(document.at(pointer)));
    };
  }

  private static JsonNode retyped(JsonNode node) {
    if (node.isNumber() || node.isBoolean()) {
      return TextNode.valueOf(node.asText());
    }
    if (node.isTextual()) {
      return IntNode.valueOf(1);
    }
    if (node.isArray()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (node.isObject()) {
      return TextNode.valueOf("n/a");
    }
    return BooleanNode.FALSE;
  }
}
