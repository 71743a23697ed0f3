package dev.ctpat.rego.loader;

import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The base document being assembled from data files. Objects from different files merge key by
 * key, as OPA merges them; any other value may be set by one file only, even when two files
 * agree on it. Every value remembers the file it came from, so that a conflict names both.
 */
final class DataTree {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Branch root = new Branch("");

  /**
   * Merges a document at a path below {@code data}.
   *
   * @return a description of the conflict, naming the file that set the value first, or empty
   *     when the document merged cleanly
   */
  Optional<String> merge(List<String> path, Value document, String file) {
    Value nested = document;
    for (int i = path.size() - 1; i >= 0; i--) {
      nested = ObjectValue.of(StringValue.of(path.get(i)), nested);
    }
    if (!(nested instanceof ObjectValue object)) {
      return Optional.of("a data file at the root must hold an object but holds "
          + article(nested.typeName()));
    }
    List<String> conflicts = new ArrayList<>();
    mergeObject(root, object, file, "data", conflicts);
    return conflicts.stream().findFirst();
  }

  /** The merged document. */
  ObjectValue toValue() {
    return root.toValue();
  }

  private static void mergeObject(Branch into, ObjectValue object, String file, String at,
      List<String> conflicts) {
    for (Map.Entry<Value, Value> e : object.entries().entrySet()) {
      String key = e.getKey() instanceof StringValue s ? s.value() : Json.write(e.getKey());
      String childAt = at + step(key);
      Entry existing = into.children.get(key);
      if (existing == null) {
        into.children.put(key, entryOf(e.getValue(), file));
      } else if (existing instanceof Branch branch && e.getValue() instanceof ObjectValue o) {
        mergeObject(branch, o, file, childAt, conflicts);
      } else {
        conflicts.add(childAt + " is also defined in " + existing.file());
      }
    }
  }

  private static Entry entryOf(Value value, String file) {
    if (!(value instanceof ObjectValue object)) {
      return new Leaf(value, file);
    }
    Branch branch = new Branch(file);
    object.entries().forEach((k, v) -> branch.children.put(
        k instanceof StringValue s ? s.value() : Json.write(k), entryOf(v, file)));
    return branch;
  }

  private static String step(String key) {
    return IDENTIFIER.matcher(key).matches() ? "." + key : "[" + Json.quote(key) + "]";
  }

  private static String article(String typeName) {
    return ("aeiou".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ") + typeName;
  }

  private sealed interface Entry permits Branch, Leaf {
    /** The file that first set this value. */
    String file();

    Value toValue();
  }

  private record Leaf(Value value, String file) implements Entry {
    @Override
    public Value toValue() {
      return value;
    }
  }

  /** An object; several files may add keys to it. */
  private static final class Branch implements Entry {
    private final String file;
    private final Map<String, Entry> children = new LinkedHashMap<>();

    Branch(String file) {
      this.file = file;
    }

    @Override
    public String file() {
      return file;
    }

    @Override
    public ObjectValue toValue() {
      ObjectValue.Builder b = ObjectValue.builder();
      children.forEach((k, v) -> b.put(k, v.toValue()));
      return b.build();
    }
  }
}
