package dev.ctpat.testkit;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctpat.compliance.evidence.EvidenceJson;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.Value;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A normalized evidence document (DESIGN §5) as the JSON tree the policies see. Unlike the
 * typed {@link NormalizedEvidence}, it can hold anything an export might contain: absent and
 * {@code null} fields, wrong types, company-specific keys. Immutable: every change returns a new
 * document.
 *
 * <p>Places in the document are JSON Pointers (RFC 6901), e.g.
 * {@code /password_policies/0/min_length}. Its {@link #toString()} is the pretty-printed JSON,
 * so a shrunk counterexample in a jqwik report reads as the evidence it is.
 */
public final class EvidenceDocument {
  private static final ObjectMapper MAPPER = EvidenceJson.mapper();

  /** Never modified after construction and never handed out. */
  private final ObjectNode root;

  private EvidenceDocument(ObjectNode root) {
    this.root = root;
  }

  /** The JSON form of a typed document, exactly as {@link EvidenceJson} writes it. */
  public static EvidenceDocument of(NormalizedEvidence evidence) {
    Objects.requireNonNull(evidence, "evidence");
    return new EvidenceDocument(MAPPER.valueToTree(evidence));
  }

  /**
   * Reads a document from JSON text.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  public static EvidenceDocument parse(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("an evidence document is a JSON object, not "
          + (node == null ? "nothing" : node.getNodeType()));
    }
    return new EvidenceDocument(object);
  }

  /**
   * A copy of the node at {@code pointer}; a missing node ({@link JsonNode#isMissingNode()})
   * when there is none.
   */
  public JsonNode at(String pointer) {
    return root.at(pointer(pointer)).deepCopy();
  }

  /** True when {@code pointer} names a node, even a {@code null} one. */
  public boolean has(String pointer) {
    return !root.at(pointer(pointer)).isMissingNode();
  }

  /** The number of elements of the array at {@code pointer}; 0 when it is no array. */
  public int count(String pointer) {
    JsonNode node = root.at(pointer(pointer));
    return node.isArray() ? node.size() : 0;
  }

  /**
   * This document with the node at {@code pointer} set to {@code value}, which may be a
   * {@link JsonNode}, {@code null}, a string, number or boolean, a {@link LocalDate}, an
   * {@link java.time.Instant}, an evidence record, or a list or map of these. An object member
   * is added if absent; an array element is replaced.
   *
   * @throws IllegalArgumentException when the parent of {@code pointer} is not an object or
   *     array, or the array index is out of range
   */
  public EvidenceDocument with(String pointer, Object value) {
    JsonNode node = value instanceof JsonNode n ? n.deepCopy() : MAPPER.valueToTree(value);
    return edit(pointer, (parent, last) -> {
      if (parent instanceof ObjectNode object) {
        object.set(last.getMatchingProperty(), node);
      } else {
        ((ArrayNode) parent).set(index(parent, last, pointer), node);
      }
    });
  }

  /**
   * This document with {@code value} (anything {@link #with} takes) added at the end of the
   * array at {@code pointer}; when there is no array there, with an array of just {@code value}
   * in its place.
   *
   * @throws IllegalArgumentException when the parent of {@code pointer} is not an object or
   *     array
   */
  public EvidenceDocument append(String pointer, Object value) {
    JsonNode current = root.at(pointer(pointer));
    if (!current.isArray()) {
      return with(pointer, List.of(value));
    }
    JsonNode node = value instanceof JsonNode n ? n.deepCopy() : MAPPER.valueToTree(value);
    return transform(copy -> ((ArrayNode) copy.at(pointer(pointer))).add(node));
  }

  /**
   * This document without the node at {@code pointer}: an object member is removed, an array
   * element is taken out (the later elements move up). Removing a node that is absent changes
   * nothing.
   */
  public EvidenceDocument without(String pointer) {
    if (!has(pointer)) {
      return this;
    }
    return edit(pointer, (parent, last) -> {
      if (parent instanceof ObjectNode object) {
        object.remove(last.getMatchingProperty());
      } else {
        ((ArrayNode) parent).remove(index(parent, last, pointer));
      }
    });
  }

  /**
   * This document with the node at {@code pointer} replaced by {@code change} applied to (a
   * copy of) it; {@code change} sees a missing node when there is none.
   */
  public EvidenceDocument update(String pointer, UnaryOperator<JsonNode> change) {
    return with(pointer, change.apply(at(pointer)));
  }

  /** The pointers of the elements of the array at {@code pointer}, in order. */
  public List<String> elements(String pointer) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count(pointer); i++) {
      out.add(pointer + "/" + i);
    }
    return out;
  }

  /** The pointer of every node of the document except the root, depth first. */
  public List<String> pointers() {
    List<String> out = new ArrayList<>();
    collect("", root, out);
    return out;
  }

  /** {@code organization.as_of}, or {@code null} when it is absent or not a date. */
  public LocalDate asOf() {
    JsonNode day = root.at("/organization/as_of");
    if (!day.isTextual()) {
      return null;
    }
    try {
      return LocalDate.parse(day.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The document as an engine value, the input of a policy evaluation. */
  public Value toValue() {
    return Json.parse(root.toString());
  }

  /** Compact JSON. */
  public String toCompactJson() {
    return root.toString();
  }

  /**
   * Pretty-printed JSON, two-space indentation; an object or array of plain values (a
   * {@code source}, a list of groups) stays on one line when it is short.
   */
  public String toJson() {
    return JsonText.pretty(root);
  }

  /**
   * What differs from {@code other}, one line per changed place: {@code /pointer: old -> new},
   * with {@code (absent)} for a place only one document has. Empty when they are equal.
   */
  public List<String> diff(EvidenceDocument other) {
    List<String> out = new ArrayList<>();
    JsonText.diff("", root, other.root, out);
    return out;
  }

  /** The pretty-printed JSON: what a jqwik report shows for a counterexample. */
  @Override
  public String toString() {
    return toJson();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvidenceDocument other && root.equals(other.root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  /** A document made by changing a copy of this one's tree; for the kit's own mutators. */
  EvidenceDocument transform(Consumer<ObjectNode> change) {
    ObjectNode copy = root.deepCopy();
    change.accept(copy);
    return new EvidenceDocument(copy);
  }

  /** Adds the pointer of every node below {@code node}, escaping {@code ~} and {@code /}. */
  private static void collect(String pointer, JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.properties().forEach(f -> {
        String child = pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
        out.add(child);
        collect(child, f.getValue(), out);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(pointer + "/" + i);
        collect(pointer + "/" + i, node.get(i), out);
      }
    }
  }

  private interface Edit {
    void apply(JsonNode parent, JsonPointer last);
  }

  private EvidenceDocument edit(String pointer, Edit edit) {
    JsonPointer p = pointer(pointer);
    if (p.matches()) {
      throw new IllegalArgumentException("cannot replace or remove the whole document");
    }
    ObjectNode copy = root.deepCopy();
    JsonNode parent = copy.at(p.head());
    if (!parent.isContainerNode()) {
      throw new IllegalArgumentException(pointer + ": the parent "
          + (parent.isMissingNode() ? "does not exist" : "is " + parent.getNodeType()));
    }
    edit.apply(parent, p.last());
    return new EvidenceDocument(copy);
  }

  private static int index(JsonNode array, JsonPointer last, String pointer) {
    int i = last.getMatchingIndex();
    if (i < 0 || i >= array.size()) {
      throw new IllegalArgumentException(pointer + ": no element " + last.getMatchingProperty()
          + " in an array of " + array.size());
    }
    return i;
  }

  private static JsonPointer pointer(String pointer) {
    Objects.requireNonNull(pointer, "pointer");
    try {
      return JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a JSON Pointer: " + pointer, e);
    }
  }
}
