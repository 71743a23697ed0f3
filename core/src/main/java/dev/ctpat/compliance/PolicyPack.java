package dev.ctpat.compliance;

import com.google.common.base.Suppliers;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.ctpat.rego.loader.LoadedPolicy;
import dev.ctpat.rego.loader.PolicyLoadException;
import dev.ctpat.rego.loader.PolicyLoader;
import dev.ctpat.rego.loader.RegoFile;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A set of Rego policies and their data: the bundled CTPAT pack, a user's own policies, or
 * both together. Files load as {@code opa eval -d ROOT} loads them: {@code .rego} files are
 * modules, {@code .json}/{@code .yaml} files are data at their folder's path below the root
 * ({@code ctpat/config/data.json} lands at {@code data.ctpat.config}). The criteria come from
 * the packages' METADATA (see {@link Criterion}). Immutable; the modules are parsed and checked
 * when the pack loads, and compiled once per {@link Assessor}.
 */
public final class PolicyPack {
  /** Where the ctpat-rego-policies jar keeps the CTPAT pack. */
  public static final String BUNDLED_ROOT = "dev/ctpat/policies";

  private static final Supplier<PolicyPack> BUNDLED = Suppliers.memoize(
      () -> fromClasspath(PolicyPack.class.getClassLoader(), BUNDLED_ROOT));

  private final String origin;
  private final List<Module> modules;
  private final ObjectValue data;
  private final Criteria criteria;
  private final String sha256;

  private PolicyPack(String origin, List<Module> modules, ObjectValue data, String sha256) {
    this.origin = origin;
    this.modules = List.copyOf(modules);
    this.data = data;
    this.sha256 = sha256;
    this.criteria = CriterionMetadata.read(this.modules);
  }

  /**
   * The CTPAT cybersecurity pack (criteria 4.1-4.13 and 12.8), from the ctpat-rego-policies
   * jar on the class path of this class; loaded on first use, then shared.
   *
   * @throws PolicyPackException when the jar is not on the classpath or the pack is invalid
   */
  public static PolicyPack bundled() {
    return BUNDLED.get();
  }

  /**
   * The policies under a folder of the classpath, e.g. {@code com/example/policies}, in a
   * directory or a jar. When several classpath entries have that folder (a test-classes folder
   * of a Java package of the same name, for instance), the first that holds a module is used.
   *
   * @throws PolicyPackException when no such folder holds a module, or the policies are invalid
   */
  public static PolicyPack fromClasspath(ClassLoader loader, String root) {
    Objects.requireNonNull(loader, "loader");
    String folder = stripSlashes(Objects.requireNonNull(root, "root"));
    String origin = "classpath:" + folder;
    List<URL> urls;
    try {
      urls = Collections.list(loader.getResources(folder));
    } catch (IOException e) {
      throw new PolicyPackException(List.of(origin + ": cannot search the classpath: " + e));
    }
    for (URL url : urls) {
      Optional<PolicyPack> pack = loadUrl(origin, folder, url);
      if (pack.isPresent()) {
        return pack.get();
      }
    }
    throw new PolicyPackException(List.of(origin + ": no Rego policies in such a folder on the "
        + "classpath" + (folder.equals(BUNDLED_ROOT)
            ? " (is the ctpat-rego-policies jar on the classpath?)" : "")));
  }

  /** The pack in the folder at {@code url}, or empty when it holds no module. */
  private static Optional<PolicyPack> loadUrl(String origin, String folder, URL url) {
    try {
      switch (url.getProtocol()) {
        case "file":
          return nonEmpty(origin, Path.of(url.toURI()));
        case "jar":
          Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
          try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            return nonEmpty(origin, zip.getPath(folder));
          }
        default:
          throw new PolicyPackException(List.of(origin + ": cannot list " + url
              + "; copy the policies to a folder and use fromDirectory"));
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      throw new PolicyPackException(List.of(origin + ": cannot read " + url + ": " + e));
    }
  }

  /** The pack under {@code root}, or empty when no {@code .rego} file lies below it. */
  private static Optional<PolicyPack> nonEmpty(String origin, Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      if (files.noneMatch(f -> f.getFileName() != null
          && f.getFileName().toString().endsWith(".rego"))) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new PolicyPackException(List.of(origin + ": cannot list " + root + ": " + e));
    }
    return Optional.of(load(origin, root));
  }

  /**
   * The policies under a folder, such as an organization's own policies.
   *
   * @throws PolicyPackException when the folder is absent or the policies are invalid
   */
  public static PolicyPack fromDirectory(Path dir) {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      throw new PolicyPackException(List.of(dir + ": not a directory"));
    }
    return nonEmpty(dir.toString(), dir).orElseThrow(
        () -> new PolicyPackException(List.of(dir + ": no Rego policies (.rego files)")));
  }

  private static PolicyPack load(String origin, Path root) {
    LoadedPolicy loaded;
    try {
      loaded = new PolicyLoader(RegoVersion.V1).load(root);
    } catch (PolicyLoadException e) {
      throw new PolicyPackException(e.problems().stream().map(Object::toString).toList());
    }
    List<Module> modules = loaded.modules().stream().map(RegoFile::module).toList();
    return new PolicyPack(origin, modules, loaded.data(), digest(root, loaded));
  }

  /**
   * A SHA-256 over the modules' text (by path relative to the root, so the same pack has the
   * same digest wherever it lies) and the canonical JSON of the data.
   */
  private static String digest(Path root, LoadedPolicy loaded) {
    List<RegoFile> files = new ArrayList<>(loaded.modules());
    files.sort(Comparator.comparing(f -> relative(root, f)));
    Hasher hasher = Hashing.sha256().newHasher();
    for (RegoFile f : files) {
      hasher.putString(relative(root, f), StandardCharsets.UTF_8).putByte((byte) 0)
          .putString(f.source(), StandardCharsets.UTF_8).putByte((byte) 0);
    }
    hasher.putString(Json.write(loaded.data()), StandardCharsets.UTF_8);
    return hasher.hash().toString();
  }

  private static String relative(Path root, RegoFile file) {
    Path path = root.getFileSystem().getPath(file.path());
    return root.relativize(path).toString().replace('\\', '/');
  }

  /** Where the pack came from: {@code classpath:FOLDER}, a directory, or several joined by +. */
  public String origin() {
    return origin;
  }

  /** The criteria declared in the policies' METADATA, in criterion order. */
  public Criteria criteria() {
    return criteria;
  }

  /** The parsed modules. */
  public List<Module> modules() {
    return modules;
  }

  /** The data document the files hold, as it appears under {@code data}. */
  public ObjectValue data() {
    return data;
  }

  /** A hex SHA-256 that identifies the pack's content, for reports that must be reproducible. */
  public String sha256() {
    return sha256;
  }

  /**
   * This pack together with another, e.g. the CTPAT pack plus an organization's own criteria.
   *
   * @throws PolicyPackException when their data conflict or they declare the same criterion
   */
  PolicyPack plus(PolicyPack other) {
    List<Module> all = new ArrayList<>(modules);
    all.addAll(other.modules);
    List<String> conflicts = new ArrayList<>();
    ObjectValue merged = ObjectMerge.union(data, other.data, "data", conflicts);
    if (!conflicts.isEmpty()) {
      throw new PolicyPackException(conflicts.stream()
          .map(c -> other.origin + ": " + c + " is also set by " + origin).toList());
    }
    String digest = Hashing.sha256()
        .hashString(sha256 + "+" + other.sha256, StandardCharsets.UTF_8).toString();
    return new PolicyPack(origin + " + " + other.origin, all, merged, digest);
  }

  private static String stripSlashes(String root) {
    String s = root;
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  @Override
  public String toString() {
    return "PolicyPack[" + origin + ", " + criteria.size() + " criteria, sha256=" + sha256 + "]";
  }
}
