package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The JSON document builtins: {@code json.filter} and {@code json.remove} (keep or drop the
 * values at a list of paths), {@code json.patch} (RFC 6902, see {@link JsonPatch}) and the JSON
 * Schema checks {@code json.verify_schema} and {@code json.match_schema} (see
 * {@link JsonSchemaCheck}).
 *
 * <p>A path is either a string of '/'-separated segments with JSON Pointer escapes ({@code ~1}
 * for '/', {@code ~0} for '~'), or an array of segments of any type. Array elements are addressed
 * by string segments holding their index ("a/0"); a number segment does not match them.
 */
final class JsonBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "object";
  private static final String PATHS_ERROR = "operand 2 must be one of {set, array} containing "
      + "string paths or array of path segments but got ";
  /** Marks the end of a path in a path tree. */
  private static final Object LEAF = new Object();

  @Override
  public void register(Consumer<Builtin> out) {
    Type path = Types.anyOf(Types.STRING, Types.arrayOf(Types.ANY));
    // Set first: the evaluator names union members in order, and OPA's message says {set, array}.
    Type paths = Types.anyOf(Types.setOf(path), Types.arrayOf(path));
    Type object = Types.objectOf(Types.ANY, Types.ANY);
    out.accept(Builtin.function(CATEGORY, "json.filter", Types.fn(Types.ANY, object, paths),
        (ctx, args) -> filter(Operands.object(args, 0), pathTree(args.get(1)))));
    out.accept(Builtin.function(CATEGORY, "json.remove", Types.fn(Types.ANY, object, paths),
        (ctx, args) -> remove(Operands.object(args, 0), pathTree(args.get(1)))));
    Type operation = new Type.Object(Map.of("op", Types.STRING, "path", Types.ANY), Types.ANY,
        Types.ANY);
    out.accept(Builtin.function(CATEGORY, "json.patch",
        Types.fn(Types.ANY, Types.ANY, Types.arrayOf(operation)),
        (ctx, args) -> patch(args.get(0), Operands.array(args, 1))));
    Type schema = Types.anyOf(Types.STRING, object);
    Type schemaError = Types.objectWith("error", Types.STRING, "type", Types.STRING,
        "field", Types.STRING, "desc", Types.STRING);
    out.accept(Builtin.function(CATEGORY, "json.match_schema",
        Types.fn(Types.tuple(Types.BOOLEAN, Types.arrayOf(schemaError)), schema, schema),
        (ctx, args) -> matchSchema(args.get(0), args.get(1))));
    out.accept(Builtin.function(CATEGORY, "json.verify_schema",
        Types.fn(Types.tuple(Types.BOOLEAN, Types.anyOf(Types.NULL, Types.STRING)), schema),
        (ctx, args) -> verifySchema(args.get(0))));
  }

  // ---- paths ---------------------------------------------------------------------------------

  /** The segments of one path; the empty string is the empty path. */
  static List<Value> parsePath(Value path) throws BuiltinException {
    if (path instanceof StringValue s) {
      List<Value> segments = new ArrayList<>();
      if (s.value().isEmpty()) {
        return segments;
      }
      String trimmed = s.value().replaceFirst("^/+", "");
      for (String part : trimmed.split("/", -1)) {
        segments.add(StringValue.of(part.replace("~1", "/").replace("~0", "~")));
      }
      return segments;
    }
    if (path instanceof ArrayValue a) {
      return a.elements();
    }
    throw BuiltinException.typeError(PATHS_ERROR + path.typeName());
  }

  /**
   * The paths as a tree: each node maps a segment to a subtree, or to {@link #LEAF} where a path
   * ends. A path ending where another continues covers it; empty paths are ignored.
   */
  private static Map<Value, Object> pathTree(Value operand) throws BuiltinException {
    List<Value> paths;
    if (operand instanceof ArrayValue a) {
      paths = a.elements();
    } else if (operand instanceof SetValue s) {
      paths = s.sorted();
    } else {
      throw BuiltinException.typeError(
          "operand 2 must be one of {set, array} but got " + operand.typeName());
    }
    Map<Value, Object> root = new LinkedHashMap<>();
    for (Value p : paths) {
      addPath(root, parsePath(p));
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private static void addPath(Map<Value, Object> root, List<Value> path) {
    if (path.isEmpty()) {
      return;
    }
    Map<Value, Object> node = root;
    for (Value segment : path.subList(0, path.size() - 1)) {
      Object child = node.get(segment);
      if (child == LEAF) {
        return;
      }
      if (child == null) {
        child = new LinkedHashMap<Value, Object>();
        node.put(segment, child);
      }
      node = (Map<Value, Object>) child;
    }
    node.put(path.get(path.size() - 1), LEAF);
  }

  /** The key under which {@code pathTree} holds an array's {@code i}th element. */
  private static Value indexKey(int i) {
    return StringValue.of(Integer.toString(i));
  }

  // ---- json.filter ---------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private static Value filter(Value v, Object tree) {
    if (tree == LEAF) {
      return v;
    }
    Map<Value, Object> keep = (Map<Value, Object>) tree;
    if (v instanceof ObjectValue o) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
        Object sub = keep.get(e.getKey());
        if (sub != null) {
          b.put(e.getKey(), filter(e.getValue(), sub));
        }
      }
      return b.build();
    }
    if (v instanceof ArrayValue a) {
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        Object sub = keep.get(indexKey(i));
        if (sub != null) {
          items.add(filter(a.get(i), sub));
        }
      }
      return ArrayValue.of(items);
    }
    if (v instanceof SetValue s) {
      SetValue.Builder b = SetValue.builder();
      for (Value m : s.sorted()) {
        Object sub = keep.get(m);
        if (sub != null) {
          b.add(filter(m, sub));
        }
      }
      return b.build();
    }
    return v;
  }

  // ---- json.remove ---------------------------------------------------------------------------

  /** {@code v} without the paths in {@code tree}; null when {@code v} itself is removed. */
  @SuppressWarnings("unchecked")
  private static Value remove(Value v, Object tree) {
    if (tree == null) {
      return v;
    }
    if (tree == LEAF) {
      return null;
    }
    Map<Value, Object> drop = (Map<Value, Object>) tree;
    if (v instanceof ObjectValue o) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
        Value kept = remove(e.getValue(), drop.get(e.getKey()));
        if (kept != null) {
          b.put(e.getKey(), kept);
        }
      }
      return b.build();
    }
    if (v instanceof ArrayValue a) {
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        Value kept = remove(a.get(i), drop.get(indexKey(i)));
        if (kept != null) {
          items.add(kept);
        }
      }
      return ArrayValue.of(items);
    }
    if (v instanceof SetValue s) {
      SetValue.Builder b = SetValue.builder();
      for (Value m : s.sorted()) {
        Value kept = remove(m, drop.get(m));
        if (kept != null) {
          b.add(kept);
        }
      }
      return b.build();
    }
    return v;
  }

  // ---- json.patch ----------------------------------------------------------------------------

  /** The patched document, or undefined (null) when any operation fails, as in OPA. */
  private static Value patch(Value doc, ArrayValue operations) {
    try {
      return JsonPatch.apply(doc, operations.elements());
    } catch (JsonPatch.PatchFailure e) {
      return null;
    }
  }

  // ---- JSON Schema ---------------------------------------------------------------------------

  private static Value verifySchema(Value schema) {
    try {
      JsonSchemaCheck.verify(schema);
      return ArrayValue.of(BooleanValue.TRUE, NullValue.INSTANCE);
    } catch (JsonSchemaCheck.SchemaError e) {
      return ArrayValue.of(BooleanValue.FALSE, StringValue.of("jsonschema: " + e.getMessage()));
    }
  }

  private static Value matchSchema(Value document, Value schema) throws BuiltinException {
    try {
      return JsonSchemaCheck.match(document, schema);
    } catch (JsonSchemaCheck.SchemaError e) {
      throw BuiltinException.error(e.getMessage());
    }
  }
}
