package dev.ctpat.cli;

import dev.ctpat.rego.loader.LoadedPolicy;
import dev.ctpat.rego.loader.RegoFile;
import dev.ctpat.rego.syntax.Term;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A policy pack as an OPA bundle: a {@code .manifest} (revision, roots, Rego version), every
 * module of the pack except its tests ({@code *_test.rego}) at its path in the pack, and one
 * {@code data.json} holding the pack's data files merged at their paths. A stock OPA loads it
 * with {@code opa run --server --bundle FILE.tar.gz} or {@code opa eval --bundle}.
 */
final class OpaBundle {
  private final SortedMap<String, String> modules;
  private final ObjectValue data;
  private final SortedSet<String> roots;
  private final String revision;
  private final Map<String, String> metadata;

  private OpaBundle(SortedMap<String, String> modules, ObjectValue data, SortedSet<String> roots,
      String revision, Map<String, String> metadata) {
    this.modules = modules;
    this.data = data;
    this.roots = roots;
    this.revision = revision;
    this.metadata = Map.copyOf(metadata);
  }

  /**
   * The bundle of a loaded pack.
   *
   * @param root the folder the pack was loaded from; module paths are made relative to it
   * @param revision the bundle's revision, e.g. the pack's digest
   * @param metadata extra manifest metadata
   */
  static OpaBundle of(LoadedPolicy pack, Path root, String revision,
      Map<String, String> metadata) {
    SortedMap<String, String> modules = new TreeMap<>();
    SortedSet<String> roots = new TreeSet<>();
    for (RegoFile f : pack.modules()) {
      String path = relative(root, f.path());
      if (!path.endsWith("_test.rego")) {
        modules.put(path, f.source());
        roots.add(packageRoot(f.module().packagePath()));
      }
    }
    for (Value key : pack.data().sortedKeys()) {
      roots.add(((StringValue) key).value());
    }
    return new OpaBundle(modules, pack.data(), roots,
        Objects.requireNonNull(revision, "revision"), metadata);
  }

  String revision() {
    return revision;
  }

  /** The module paths, sorted. */
  List<String> modulePaths() {
    return List.copyOf(modules.keySet());
  }

  /**
   * The first segment of every package and of every top-level data key: the part of
   * {@code data} this bundle owns. For the CTPAT pack that is {@code [ctpat]}.
   */
  SortedSet<String> roots() {
    return roots;
  }

  /** Writes the bundle as a gzip-compressed tar archive; the same pack gives the same bytes. */
  void writeTo(OutputStream out) throws IOException {
    try (TarGzWriter tar = new TarGzWriter(out)) {
      tar.add(".manifest", utf8(manifest()));
      for (Map.Entry<String, String> m : modules.entrySet()) {
        tar.add(m.getKey(), utf8(m.getValue()));
      }
      tar.add("data.json", utf8(Json.writePretty(data) + "\n"));
    }
  }

  private String manifest() {
    ObjectValue.Builder meta = ObjectValue.builder();
    metadata.forEach((k, v) -> meta.put(StringValue.of(k), StringValue.of(v)));
    ObjectValue manifest = ObjectValue.builder()
        .put(StringValue.of("revision"), StringValue.of(revision))
        .put(StringValue.of("roots"), Json.fromJava(List.copyOf(roots)))
        .put(StringValue.of("rego_version"), Json.fromJava(1))
        .put(StringValue.of("metadata"), meta.build())
        .build();
    return Json.writePretty(manifest) + "\n";
  }

  /** The first segment of a module's package, e.g. {@code ctpat} for {@code data.ctpat.lib}. */
  static String packageRoot(Term.Ref packagePath) {
    List<Term> path = packagePath.path();
    if (!path.isEmpty() && path.get(0) instanceof Term.Scalar s
        && s.value() instanceof StringValue root) {
      return root.value();
    }
    throw new IllegalArgumentException("package without a name: " + packagePath);
  }

  private static String relative(Path root, String file) {
    Path path = root.getFileSystem().getPath(file);
    return root.relativize(path).toString().replace('\\', '/');
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
