package dev.ctpat.rego.conformance;

import dev.ctpat.rego.loader.YamlValues;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds and reads conformance files in the format of OPA's YAML test suite: a top-level
 * {@code cases:} list whose entries have {@code note}, {@code query}, {@code modules},
 * {@code data}, {@code input} or {@code input_term}, {@code want_result},
 * {@code want_error_code}, {@code want_error}, {@code strict_error} and {@code sort_bindings}.
 * Other fields are ignored, as OPA's loader ignores them.
 */
public final class ConformanceCases {
  private ConformanceCases() {}

  /**
   * Every {@code .yaml} and {@code .yml} file under the given files or directories, sorted by
   * path, skipping directories whose name is in {@code excludedFolders}.
   *
   * @throws IOException if a root does not exist or a directory cannot be read
   */
  public static List<Path> find(List<Path> roots, Set<String> excludedFolders)
      throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          Path name = dir.getFileName();
          return name != null && excludedFolders.contains(name.toString())
              ? FileVisitResult.SKIP_SUBTREE
              : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    }
    files.sort(Comparator.comparing(Path::toString));
    return files;
  }

  /**
   * Reads the cases of one file.
   *
   * @throws IOException if the file cannot be read
   * @throws ConformanceFormatException if it is not YAML or not in the test-case format
   */
  public static List<ConformanceCase> read(Path file) throws IOException {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new ConformanceFormatException(name + ": not valid UTF-8 text");
    }
    return parse(name, text);
  }

  /**
   * Parses the cases of one file's text.
   *
   * @param file the file name used in reports and messages
   * @throws ConformanceFormatException if the text is not YAML or not in the test-case format
   */
  public static List<ConformanceCase> parse(String file, String text) {
    Value document;
    try {
      document = YamlValues.parse(text);
    } catch (YamlValues.YamlSyntaxException e) {
      throw new ConformanceFormatException(
          file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
    }
    Value cases = document instanceof ObjectValue o ? o.get("cases") : null;
    if (!(cases instanceof ArrayValue list)) {
      throw new ConformanceFormatException(file + ": expected a top-level list named cases");
    }
    List<ConformanceCase> result = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof ObjectValue fields)) {
        throw new ConformanceFormatException(file + ": case " + (i + 1) + " is not a mapping");
      }
      result.add(new Fields(file, i + 1, fields).toCase());
    }
    return result;
  }

  /** Typed access to one case's fields, with messages that say which case and field. */
  private record Fields(String file, int index, ObjectValue object) {
    ConformanceCase toCase() {
      return new ConformanceCase(
          file,
          requiredString("note"),
          requiredString("query"),
          stringList("modules"),
          objectOrEmpty("data"),
          value("input"),
          string("input_term"),
          bindingsList("want_result"),
          string("want_error_code"),
          string("want_error"),
          bool("strict_error"),
          bool("sort_bindings"));
    }

    /** The field's value; an absent field and an explicit null are both null, as in OPA. */
    private Value value(String key) {
      Value v = object.get(key);
      return v instanceof NullValue ? null : v;
    }

    private String string(String key) {
      Value v = value(key);
      if (v == null) {
        return null;
      }
      if (v instanceof StringValue s) {
        return s.value();
      }
      throw wrongType(key, "a string", v);
    }

    private String requiredString(String key) {
      String s = string(key);
      if (s == null) {
        throw new ConformanceFormatException(where() + "missing " + key);
      }
      return s;
    }

    private boolean bool(String key) {
      Value v = value(key);
      if (v == null) {
        return false;
      }
      if (v instanceof BooleanValue b) {
        return b.value();
      }
      throw wrongType(key, "a boolean", v);
    }

    private ObjectValue objectOrEmpty(String key) {
      Value v = value(key);
      if (v == null) {
        return ObjectValue.EMPTY;
      }
      if (v instanceof ObjectValue o) {
        return o;
      }
      throw wrongType(key, "a mapping", v);
    }

    private List<String> stringList(String key) {
      List<String> strings = new ArrayList<>();
      for (Value item : list(key, "a list of strings")) {
        if (!(item instanceof StringValue s)) {
          throw wrongType(key, "a list of strings", item);
        }
        strings.add(s.value());
      }
      return strings;
    }

    private List<ObjectValue> bindingsList(String key) {
      if (value(key) == null) {
        return null;
      }
      List<ObjectValue> rows = new ArrayList<>();
      for (Value item : list(key, "a list of mappings")) {
        if (!(item instanceof ObjectValue o)) {
          throw wrongType(key, "a list of mappings", item);
        }
        rows.add(o);
      }
      return rows;
    }

    private List<Value> list(String key, String expected) {
      Value v = value(key);
      if (v == null) {
        return List.of();
      }
      if (v instanceof ArrayValue a) {
        return a.elements();
      }
      throw wrongType(key, expected, v);
    }

    private ConformanceFormatException wrongType(String key, String expected, Value actual) {
      return new ConformanceFormatException(
          where() + key + " must be " + expected + " but is " + actual.typeName());
    }

    private String where() {
      Value note = object.get("note");
      return file + ": case " + index
          + (note instanceof StringValue s ? " (" + s.value() + ")" : "") + ": ";
    }
  }
}
