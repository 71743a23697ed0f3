package dev.ctpat.rego.builtins;

import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 6902 JSON Patch on Rego values, as OPA's {@code json.patch} applies it. Beyond JSON, a set
 * is addressed by its members: a path segment naming a member leads to that member, and a member
 * is added under a key equal to itself. Array indexes may be numbers or decimal strings (without
 * leading zeros), and {@code -} addresses the end of an array. Any failure makes the whole patch
 * fail; the caller turns that into "undefined".
 */
final class JsonPatch {
  private JsonPatch() {}

  /** Why a patch could not be applied. */
  static final class PatchFailure extends Exception {
    PatchFailure(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Applies {@code operations} in order to {@code doc}. Returns null when the result is no
   * document at all (the root was removed and not replaced).
   */
  static Value apply(Value doc, List<Value> operations) throws PatchFailure {
    Value current = doc;
    for (Value op : operations) {
      if (!(op instanceof ObjectValue o)) {
        throw new PatchFailure(
            "must be an array of JSON-Patch objects, but at least one element is not an object");
      }
      current = applyOne(current, o);
    }
    return current;
  }

  private static Value applyOne(Value doc, ObjectValue op) throws PatchFailure {
    Value opName = attribute(op, "op");
    if (!(opName instanceof StringValue s)) {
      throw new PatchFailure("attribute 'op' must be a string");
    }
    String name = s.value();
    if (!Set.of("add", "remove", "replace", "move", "copy", "test").contains(name)) {
      throw new PatchFailure("unrecognized op '" + name + "'");
    }
    List<Value> path = path(attribute(op, "path"));
    switch (name) {
      case "add" -> {
        return add(doc, path, attribute(op, "value"));
      }
      case "remove" -> {
        return remove(doc, path);
      }
      case "replace" -> {
        Value value = attribute(op, "value");
        return add(remove(doc, path), path, value);
      }
      case "move" -> {
        List<Value> from = path(attribute(op, "from"));
        Value chunk = get(doc, from);
        return add(remove(doc, from), path, chunk);
      }
      case "copy" -> {
        List<Value> from = path(attribute(op, "from"));
        return add(doc, path, get(doc, from));
      }
      default -> {
        Value value = attribute(op, "value");
        if (!get(doc, path).equals(value)) {
          throw new PatchFailure("test failed");
        }
        return doc;
      }
    }
  }

  private static Value attribute(ObjectValue op, String name) throws PatchFailure {
    Value v = op.get(name);
    if (v == null) {
      throw new PatchFailure("missing '" + name + "' attribute");
    }
    return v;
  }

  private static List<Value> path(Value p) throws PatchFailure {
    try {
      return JsonBuiltins.parsePath(p);
    } catch (BuiltinException e) {
      throw new PatchFailure(e.getMessage());
    }
  }

  // ---- operations on immutable values --------------------------------------------------------

  private static Value add(Value doc, List<Value> path, Value value) throws PatchFailure {
    if (path.isEmpty()) {
      return value;
    }
    Value key = path.get(path.size() - 1);
    return update(doc, path.subList(0, path.size() - 1), parent -> insert(parent, key, value));
  }

  private static Value remove(Value doc, List<Value> path) throws PatchFailure {
    if (path.isEmpty()) {
      if (doc == null) {
        throw new PatchFailure("document already removed");
      }
      return null;
    }
    Value key = path.get(path.size() - 1);
    return update(doc, path.subList(0, path.size() - 1), parent -> delete(parent, key));
  }

  /** The value at {@code path}, which must exist. */
  private static Value get(Value doc, List<Value> path) throws PatchFailure {
    Value current = existing(doc);
    for (Value segment : path) {
      current = child(current, segment);
    }
    return current;
  }

  /** A change to one node. */
  @FunctionalInterface
  private interface Edit {
    Value apply(Value node) throws PatchFailure;
  }

  /** A copy of {@code doc} with the node at {@code path} (which must exist) replaced by an edit. */
  private static Value update(Value doc, List<Value> path, Edit edit) throws PatchFailure {
    Value node = existing(doc);
    if (path.isEmpty()) {
      return edit.apply(node);
    }
    Value segment = path.get(0);
    Value child = child(node, segment);
    Value updated = update(child, path.subList(1, path.size()), edit);
    return replaceChild(node, segment, child, updated);
  }

  private static Value existing(Value doc) throws PatchFailure {
    if (doc == null) {
      throw new PatchFailure("the document was removed");
    }
    return doc;
  }

  private static Value child(Value node, Value segment) throws PatchFailure {
    if (node instanceof ObjectValue o) {
      Value v = o.get(segment);
      if (v == null) {
        throw new PatchFailure("path " + segment + " does not exist in object");
      }
      return v;
    }
    if (node instanceof SetValue s) {
      if (!s.contains(segment)) {
        throw new PatchFailure("path " + segment + " does not exist in set");
      }
      return segment;
    }
    if (node instanceof ArrayValue a) {
      int idx = index(a.size(), segment);
      if (idx < 0 || idx >= a.size()) {
        throw new PatchFailure("path " + segment + " does not exist in array");
      }
      return a.get(idx);
    }
    throw new PatchFailure("expected a composite value for path " + segment);
  }

  private static Value replaceChild(Value node, Value segment, Value old, Value updated)
      throws PatchFailure {
    if (node instanceof ObjectValue o) {
      Map<Value, Value> m = new LinkedHashMap<>(o.entries());
      m.put(segment, updated);
      return ObjectValue.of(m);
    }
    if (node instanceof SetValue s) {
      Set<Value> members = new LinkedHashSet<>(s.elements());
      members.remove(old);
      members.add(updated);
      return SetValue.of(members);
    }
    ArrayValue a = (ArrayValue) node;
    List<Value> items = new ArrayList<>(a.elements());
    items.set(index(a.size(), segment), updated);
    return ArrayValue.of(items);
  }

  private static Value insert(Value parent, Value key, Value value) throws PatchFailure {
    if (parent instanceof ObjectValue o) {
      Map<Value, Value> m = new LinkedHashMap<>(o.entries());
      m.put(key, value);
      return ObjectValue.of(m);
    }
    if (parent instanceof SetValue s) {
      if (!key.equals(value)) {
        throw new PatchFailure("set key " + key + " does not equal value to be inserted " + value);
      }
      Set<Value> members = new LinkedHashSet<>(s.elements());
      members.add(value);
      return SetValue.of(members);
    }
    if (parent instanceof ArrayValue a) {
      int idx = index(a.size(), key);
      if (idx < 0 || idx > a.size()) {
        throw new PatchFailure("index for array insertion out of bounds");
      }
      List<Value> items = new ArrayList<>(a.elements());
      items.add(idx, value);
      return ArrayValue.of(items);
    }
    throw new PatchFailure("expected a composite value to insert into");
  }

  private static Value delete(Value parent, Value key) throws PatchFailure {
    if (parent instanceof ObjectValue o) {
      if (!o.containsKey(key)) {
        throw new PatchFailure("cannot delete child key " + key + " that does not exist");
      }
      Map<Value, Value> m = new LinkedHashMap<>(o.entries());
      m.remove(key);
      return ObjectValue.of(m);
    }
    if (parent instanceof SetValue s) {
      if (!s.contains(key)) {
        throw new PatchFailure("cannot delete child key " + key + " that does not exist");
      }
      Set<Value> members = new LinkedHashSet<>(s.elements());
      members.remove(key);
      return SetValue.of(members);
    }
    if (parent instanceof ArrayValue a) {
      int idx = index(a.size(), key);
      if (idx < 0 || idx >= a.size()) {
        throw new PatchFailure("index for array delete out of bounds");
      }
      List<Value> items = new ArrayList<>(a.elements());
      items.remove(idx);
      return ArrayValue.of(items);
    }
    throw new PatchFailure("expected a composite value to delete from");
  }

  /**
   * An array index from a path segment: an integer, a decimal string without leading zeros, or
   * {@code -} for the position after the last element. Returns -1 for a negative index.
   */
  private static int index(int length, Value segment) throws PatchFailure {
    if (segment instanceof NumberValue n && n.isInt()) {
      return Math.max(n.intValueExact(), -1);
    }
    if (segment instanceof StringValue s) {
      String text = s.value();
      if (text.equals("-")) {
        return length;
      }
      if (!text.equals("0") && text.startsWith("0")) {
        throw new PatchFailure("leading zeros are not allowed in JSON paths");
      }
      try {
        long v = Long.parseLong(text);
        return v < 0 ? -1 : (int) Math.min(v, Integer.MAX_VALUE);
      } catch (NumberFormatException e) {
        throw new PatchFailure("invalid string for indexing");
      }
    }
    throw new PatchFailure("invalid type for indexing");
  }
}
