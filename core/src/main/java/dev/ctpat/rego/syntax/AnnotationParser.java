package dev.ctpat.rego.syntax;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads METADATA comment blocks. A block starts with a comment whose text begins with
 * {@code METADATA} and continues with comments on the following lines that start in column 1;
 * their text, minus one leading space, is a YAML mapping. The YAML is loaded with SnakeYAML's
 * safe constructor and the YAML 1.2 core schema Go's yaml.v3 uses (so {@code yes} and dates stay
 * strings), and the fields OPA types are checked.
 *
 * <p>Which statement a block applies to, and so its default scope, is decided by the module
 * parser; {@link Draft#scope()} is null when the block names no scope.
 */
final class AnnotationParser {
  /** A parsed block, before its scope is settled. */
  record Draft(Location location, String scope, boolean entrypoint, Map<String, Object> fields) {}

  /** The blocks of a module and the errors found reading them. */
  record Result(List<Draft> drafts, List<ParseException.SyntaxError> errors) {}

  private record Block(Location location, List<Tokens.Comment> lines) {}

  private static final String HINT = "METADATA";

  private AnnotationParser() {}

  static Result parse(String file, List<Tokens.Comment> comments) {
    List<Draft> drafts = new ArrayList<>();
    List<ParseException.SyntaxError> errors = new ArrayList<>();
    for (Block block : blocks(file, comments)) {
      try {
        drafts.add(read(file, block));
      } catch (InvalidMetadata e) {
        errors.add(new ParseException.SyntaxError(e.location, e.getMessage()));
      }
    }
    return new Result(drafts, errors);
  }

  private static List<Block> blocks(String file, List<Tokens.Comment> comments) {
    List<Block> blocks = new ArrayList<>();
    Block current = null;
    Tokens.Comment previous = null;
    for (Tokens.Comment c : comments) {
      if (current != null && c.line() == previous.line() + 1 && c.column() == 1) {
        current.lines().add(c);
      } else {
        current = null;
        if (c.text().strip().startsWith(HINT)) {
          current = new Block(new Location(file, c.line(), c.column()), new ArrayList<>());
          blocks.add(current);
        }
      }
      previous = c;
    }
    return blocks;
  }

  private static Draft read(String file, Block block) {
    StringBuilder yamlText = new StringBuilder();
    for (Tokens.Comment line : block.lines()) {
      String text = line.text();
      yamlText.append(text.startsWith(" ") ? text.substring(1) : text).append('\n');
    }
    if (yamlText.toString().isBlank()) {
      throw new InvalidMetadata(block.location(), "expected METADATA block, found whitespace");
    }
    Object loaded = load(file, block, yamlText.toString());
    if (!(loaded instanceof Map<?, ?>)) {
      throw new InvalidMetadata(block.location(),
          "invalid METADATA block: expected a YAML mapping");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) normalize(loaded, "", block.location());
    FieldCheck check = new FieldCheck(fields, block.location());
    check.string("scope");
    check.string("title");
    check.string("description");
    check.stringList("organizations");
    check.list("related_resources", AnnotationParser::checkRelatedResource);
    check.list("authors", AnnotationParser::checkAuthor);
    check.list("schemas", AnnotationParser::checkSchema);
    check.map("custom");
    check.map("compile");
    Object entrypoint = check.bool("entrypoint");
    return new Draft(block.location(), (String) fields.get("scope"),
        Boolean.TRUE.equals(entrypoint), fields);
  }

  private static Object load(String file, Block block, String text) {
    try {
      return newYaml().load(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 0 : mark.getLine();
      Location where = line < block.lines().size()
          ? new Location(file, block.lines().get(line).line(), block.lines().get(line).column())
          : block.location();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw new InvalidMetadata(where, "yaml: line " + (line + 1) + ": " + problem);
    } catch (YAMLException e) {
      throw new InvalidMetadata(block.location(), "yaml: " + e.getMessage());
    }
  }

  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
        new CoreSchemaResolver());
  }

  /**
   * Turns SnakeYAML's objects into the plain values the rest of the engine understands:
   * string-keyed maps, lists, strings, booleans, integers, finite doubles and null.
   */
  private static Object normalize(Object o, String path, Location location) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new InvalidMetadata(location, "invalid map key type(s): " + path);
        }
        String child = path.isEmpty() ? key : path + "/" + key;
        out.put(key, normalize(e.getValue(), child, location));
      }
      return out;
    }
    if (o instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      int i = 0;
      for (Object item : c) {
        out.add(normalize(item, path + "/" + i++, location));
      }
      return out;
    }
    if (o instanceof Date d) {
      return d.toInstant().toString();
    }
    if (o instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (o instanceof Double d && !Double.isFinite(d)) {
      throw new InvalidMetadata(location, "invalid METADATA value at " + path + ": " + d);
    }
    return o;
  }

  private static String checkRelatedResource(Object item) {
    String problem;
    if (item instanceof String s) {
      problem = s.isEmpty() ? "ref URL may not be empty string" : null;
    } else if (item instanceof Map<?, ?> m) {
      problem = m.get("ref") instanceof String ref && !ref.isBlank()
          ? null : "'ref' value required in object";
    } else {
      problem = "invalid value type, must be string or map";
    }
    return problem == null ? null : "invalid related-resource definition " + item + ": " + problem;
  }

  private static String checkAuthor(Object item) {
    String problem;
    if (item instanceof String s) {
      problem = s.isBlank() ? "author is an empty string" : null;
    } else if (item instanceof Map<?, ?> m) {
      boolean named = m.get("name") instanceof String n && !n.isBlank();
      boolean mailed = m.get("email") instanceof String e && !e.isBlank();
      problem = named || mailed ? null : "'name' and/or 'email' values required in object";
    } else {
      problem = "invalid value type, must be string or map";
    }
    return problem == null ? null : "invalid author definition " + item + ": " + problem;
  }

  private static String checkSchema(Object item) {
    return item instanceof Map<?, ?> m && m.size() == 1 ? null : "invalid schema declaration";
  }

  /** Checks the types OPA's annotation struct gives the well-known fields. */
  private record FieldCheck(Map<String, Object> fields, Location location) {
    void string(String name) {
      require(name, fields.get(name) instanceof String, "a string");
    }

    Object bool(String name) {
      require(name, fields.get(name) instanceof Boolean, "a boolean");
      return fields.get(name);
    }

    void map(String name) {
      require(name, fields.get(name) instanceof Map, "a mapping");
    }

    void stringList(String name) {
      require(name, fields.get(name) instanceof List<?> l
          && l.stream().allMatch(String.class::isInstance), "a list of strings");
    }

    /** A list whose items {@code itemCheck} accepts (it returns an error message or null). */
    void list(String name, Function<Object, String> itemCheck) {
      require(name, fields.get(name) instanceof List, "a list");
      if (fields.get(name) instanceof List<?> items) {
        for (Object item : items) {
          String problem = itemCheck.apply(item);
          if (problem != null) {
            throw new InvalidMetadata(location, problem);
          }
        }
      }
    }

    private void require(String name, boolean ok, String expected) {
      if (fields.get(name) != null && !ok) {
        throw new InvalidMetadata(location,
            "invalid METADATA field '" + name + "': expected " + expected);
      }
    }
  }

  /** A METADATA block that cannot be read. */
  private static final class InvalidMetadata extends RuntimeException {
    private final transient Location location;

    InvalidMetadata(Location location, String message) {
      super(message, null, false, false);
      this.location = location;
    }
  }

  /** The YAML 1.2 core schema: only true/false are booleans, no timestamps or octal. */
  private static final class CoreSchemaResolver extends Resolver {
    private static final Pattern CORE_BOOL =
        Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    private static final Pattern CORE_INT = Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$");
    private static final Pattern CORE_FLOAT = Pattern.compile(
        "^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)$");
    private static final Pattern CORE_NULL = Pattern.compile("^(?:~|null|Null|NULL| )$");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, CORE_BOOL, "tTfF");
      addImplicitResolver(Tag.INT, CORE_INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, CORE_FLOAT, "-+.0123456789");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, CORE_NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }
}
