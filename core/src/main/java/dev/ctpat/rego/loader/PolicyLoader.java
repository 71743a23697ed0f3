package dev.ctpat.rego.loader;

import dev.ctpat.rego.loader.PolicyLoadException.Problem;
import dev.ctpat.rego.syntax.Location;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.ParseException;
import dev.ctpat.rego.syntax.Parser;
import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.Value;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads policy and data files the way {@code opa eval -d} and {@code opa test} do.
 *
 * <ul>
 *   <li>A path is a file or a directory; directories are walked recursively, in name order.
 *   <li>{@code .rego} files are modules, named by their path as given.
 *   <li>{@code .json}, {@code .yaml} and {@code .yml} files (any name) are data. A file's
 *       document is merged under {@code data} at the path of its folder relative to the given
 *       root: {@code root/a/b/x.json} lands at {@code data.a.b}; a file directly in the root, or
 *       given directly, is merged at the top and must hold an object.
 *   <li>Objects merge key by key; two files setting the same non-object value conflict.
 *   <li>Inside directories, files of other types are ignored. A file given directly with an
 *       unknown extension is tried as Rego, then JSON, then YAML.
 *   <li>A path may be prefixed with a data path: {@code a.b:dir} loads {@code dir} at
 *       {@code data.a.b}.
 * </ul>
 *
 * <p>Loading continues past problems so that one run reports all of them; they are thrown
 * together at the end as a {@link PolicyLoadException}. OPA bundles ({@code .tar.gz}) are not
 * supported.
 */
public final class PolicyLoader {
  private final Parser.ParserOptions parserOptions;

  /** A loader that parses modules with the given Rego syntax. */
  public PolicyLoader(RegoVersion version) {
    this.parserOptions = new Parser.ParserOptions(Objects.requireNonNull(version, "version"));
  }

  /**
   * Loads every module and data file under the given paths.
   *
   * @throws PolicyLoadException with every problem found
   */
  public LoadedPolicy load(List<String> paths) {
    Session session = new Session();
    for (String arg : paths) {
      Target target = Target.parse(arg);
      Path path;
      try {
        path = Path.of(target.path()).normalize();
      } catch (InvalidPathException e) {
        session.problems.add(Problem.inFile(target.path(), "invalid path: " + e.getReason()));
        continue;
      }
      session.walk(path, target.dataPath(), 0, new HashSet<>());
    }
    return session.finish();
  }

  /**
   * Loads every module and data file under one root of any file system, such as a folder
   * inside a jar opened as a zip file system. Files are named in errors by their path's text.
   *
   * @throws PolicyLoadException with every problem found
   */
  public LoadedPolicy load(Path root) {
    Session session = new Session();
    session.walk(Objects.requireNonNull(root, "root"), List.of(), 0, new HashSet<>());
    return session.finish();
  }

  /**
   * Reads one JSON or YAML document, such as an input file. {@code .json} files are read as
   * JSON, {@code .yaml}/{@code .yml} as YAML, anything else as JSON if it is JSON, else YAML.
   *
   * @throws PolicyLoadException if the file cannot be read or parsed
   */
  public static Value readDocument(Path file) {
    String name = file.toString();
    String text;
    try {
      text = readText(file);
    } catch (IOException e) {
      throw new PolicyLoadException(Problem.inFile(name, describe(e)));
    }
    return switch (Kind.of(file)) {
      case JSON -> parseJson(name, text);
      case YAML -> parseYaml(name, text);
      default -> parseJsonOrYaml(name, text);
    };
  }

  private static Value parseJsonOrYaml(String name, String text) {
    try {
      return parseJson(name, text);
    } catch (PolicyLoadException notJson) {
      return parseYaml(name, text);
    }
  }

  private static Value parseJson(String name, String text) {
    try {
      return Json.parse(text);
    } catch (Json.JsonSyntaxException e) {
      throw new PolicyLoadException(problemAt(name, e.line(), e.column(), e.getMessage()));
    }
  }

  private static Value parseYaml(String name, String text) {
    try {
      return YamlValues.parse(text);
    } catch (YamlValues.YamlSyntaxException e) {
      throw new PolicyLoadException(problemAt(name, e.line(), e.column(), e.getMessage()));
    }
  }

  private static Problem problemAt(String file, int line, int column, String message) {
    return new Problem(new Location(file, Math.max(line, 0), Math.max(column, 0)), message);
  }

  /** Reads strict UTF-8, dropping a byte order mark. */
  private static String readText(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new IOException("not valid UTF-8 text", e);
    }
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static List<String> append(List<String> path, String key) {
    List<String> longer = new ArrayList<>(path);
    longer.add(key);
    return List.copyOf(longer);
  }

  /** The state of one {@link #load} call. */
  private final class Session {
    private final Map<String, RegoFile> modules = new LinkedHashMap<>();
    private final DataTree data = new DataTree();
    private final List<Problem> problems = new ArrayList<>();

    LoadedPolicy finish() {
      if (!problems.isEmpty()) {
        throw new PolicyLoadException(problems);
      }
      return new LoadedPolicy(List.copyOf(modules.values()), data.toValue());
    }

    /**
     * Loads a file or directory. Below the root, each directory adds its name to the data path.
     * {@code ancestors} holds the real paths of the directories above, to stop at link cycles.
     */
    void walk(Path path, List<String> dataPath, int depth, Set<Path> ancestors) {
      String name = path.toString().isEmpty() ? "." : path.toString();
      if (!Files.exists(path)) {
        problems.add(Problem.inFile(name, "no such file or directory"));
      } else if (Files.isDirectory(path)) {
        walkDirectory(path, name, depth == 0 ? dataPath : append(dataPath, fileName(path)),
            depth, ancestors);
      } else {
        loadFile(path, name, dataPath, depth);
      }
    }

    private void walkDirectory(Path dir, String name, List<String> dataPath, int depth,
        Set<Path> ancestors) {
      List<Path> children;
      Set<Path> below = new HashSet<>(ancestors);
      try {
        if (!below.add(dir.toRealPath())) {
          problems.add(Problem.inFile(name, "symbolic link cycle"));
          return;
        }
        try (Stream<Path> list = Files.list(dir)) {
          children = list.sorted(Comparator.comparing(PolicyLoader::fileName)).toList();
        }
      } catch (IOException e) {
        problems.add(Problem.inFile(name, describe(e)));
        return;
      }
      for (Path child : children) {
        walk(child, dataPath, depth + 1, below);
      }
    }

    private void loadFile(Path file, String name, List<String> dataPath, int depth) {
      Kind kind = Kind.of(file);
      if (kind == Kind.OTHER && depth > 0) {
        return;
      }
      if (kind == Kind.BUNDLE) {
        problems.add(Problem.inFile(name, "OPA bundles (.tar.gz) are not supported; "
            + "extract the bundle and load the folder"));
        return;
      }
      String text;
      try {
        text = readText(file);
      } catch (IOException e) {
        problems.add(Problem.inFile(name, describe(e)));
        return;
      }
      try {
        switch (kind) {
          case REGO -> addModule(name, text, parseModule(name, text));
          case JSON -> mergeData(name, dataPath, parseJson(name, text));
          case YAML -> mergeData(name, dataPath, parseYaml(name, text));
          default -> loadAnyType(name, text, dataPath);
        }
      } catch (PolicyLoadException e) {
        problems.addAll(e.problems());
      }
    }

    /** A file named explicitly, of unknown type: OPA tries Rego, then JSON, then YAML. */
    private void loadAnyType(String name, String text, List<String> dataPath) {
      try {
        addModule(name, text, parseModule(name, text));
        return;
      } catch (PolicyLoadException notRego) {
        // Not Rego; try the data formats.
      }
      try {
        mergeData(name, dataPath, parseJsonOrYaml(name, text));
      } catch (PolicyLoadException notData) {
        throw new PolicyLoadException(Problem.inFile(name,
            "unrecognized file: not Rego, JSON or YAML"));
      }
    }

    private Module parseModule(String name, String text) {
      try {
        return Parser.parseModule(name, text, parserOptions);
      } catch (ParseException e) {
        List<Problem> found = new ArrayList<>();
        for (ParseException.SyntaxError se : e.errors()) {
          found.add(new Problem(se.location(), ParseException.CODE + ": " + se.message()));
        }
        throw new PolicyLoadException(found);
      }
    }

    private void addModule(String name, String text, Module module) {
      modules.putIfAbsent(name, new RegoFile(name, text, module));
    }

    private void mergeData(String name, List<String> dataPath, Value document) {
      data.merge(dataPath, document, name)
          .ifPresent(conflict -> problems.add(Problem.inFile(name, "merge error: " + conflict)));
    }
  }

  private static String fileName(Path path) {
    Path name = path.getFileName();
    return name == null ? "" : name.toString();
  }

  /** How a file is loaded, by its extension. */
  private enum Kind {
    REGO, JSON, YAML, BUNDLE, OTHER;

    static Kind of(Path file) {
      String name = fileName(file);
      if (name.endsWith(".rego")) {
        return REGO;
      } else if (name.endsWith(".json")) {
        return JSON;
      } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        return YAML;
      } else if (name.endsWith(".tar.gz")) {
        return BUNDLE;
      }
      return OTHER;
    }
  }

  /** A path argument, split into its optional {@code a.b:} data prefix and the path. */
  private record Target(List<String> dataPath, String path) {
    static Target parse(String arg) {
      int colon = arg.indexOf(':');
      // "scheme://..." has no prefix, and neither has ":path" (an empty prefix).
      if (colon <= 0 || arg.indexOf("://") == colon) {
        return new Target(List.of(), arg);
      }
      return new Target(List.of(arg.substring(0, colon).split("\\.")),
          arg.substring(colon + 1));
    }
  }
}
