package dev.ctpat.cli;

import dev.ctpat.compliance.Criterion;
import dev.ctpat.compliance.PolicyPack;
import dev.ctpat.compliance.PolicyPackException;
import dev.ctpat.rego.loader.LoadedPolicy;
import dev.ctpat.rego.loader.PolicyLoadException;
import dev.ctpat.rego.loader.PolicyLoader;
import dev.ctpat.rego.syntax.RegoVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ctpat bundle}: writes the CTPAT policy pack (or another pack folder) as an OPA bundle
 * that a stock OPA server loads. The bundle's revision is the pack's digest, the
 * {@code engine.policy_sha256} that reports of this pack show, so a bundle can be matched to
 * the reports it produces. The file is written atomically: readers never see half a bundle.
 */
@Command(
    name = "bundle",
    mixinStandardHelpOptions = true,
    description = {
      "Write the policy pack as an OPA bundle (.manifest, *.rego without tests, data.json).",
      "Load it with: opa run --server --bundle FILE.tar.gz"
    },
    sortOptions = false)
final class BundleCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.tar.gz",
      description = "Where to write the bundle (a gzip-compressed tar archive).")
  private Path output;

  @Option(names = "--pack", paramLabel = "DIR",
      description = "Bundle the policy pack in DIR instead of the built-in CTPAT pack.")
  private Path packDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OpaBundle bundle;
    try {
      bundle = packDir == null ? builtIn() : fromDirectory(packDir);
    } catch (PolicyPackException e) {
      e.problems().forEach(err::println);
      return ExitCodes.INPUT_ERROR;
    } catch (PolicyLoadException e) {
      e.problems().forEach(err::println);
      return ExitCodes.INPUT_ERROR;
    } catch (IOException e) {
      err.println(PolicyPack.BUNDLED_ROOT + ": cannot read the built-in pack: " + e);
      return ExitCodes.INPUT_ERROR;
    }
    try {
      writeAtomically(bundle, output);
    } catch (NoSuchFileException e) {
      err.println(output + ": cannot write the bundle: no such folder "
          + output.toAbsolutePath().getParent());
      return ExitCodes.INPUT_ERROR;
    } catch (IOException e) {
      err.println(output + ": cannot write the bundle: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
    out.println("wrote " + output + ": " + bundle.modulePaths().size() + " modules, roots "
        + bundle.roots() + ", revision " + bundle.revision());
    return ExitCodes.OK;
  }

  /** The CTPAT pack from the ctpat-rego-policies jar (or its classes folder) on the classpath. */
  private static OpaBundle builtIn() throws IOException {
    PolicyPack pack = PolicyPack.bundled();
    // bundled() found and checked the folder; read its files again, as sources, to ship them.
    URL url = PolicyPack.class.getClassLoader().getResource(PolicyPack.BUNDLED_ROOT);
    try {
      if (url.getProtocol().equals("jar")) {
        Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
          return of(zip.getPath(PolicyPack.BUNDLED_ROOT), pack);
        }
      }
      return of(Path.of(url.toURI()), pack);
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate " + url, e);
    }
  }

  private static OpaBundle fromDirectory(Path dir) {
    return of(dir, PolicyPack.fromDirectory(dir));
  }

  private static OpaBundle of(Path root, PolicyPack pack) {
    LoadedPolicy loaded = new PolicyLoader(RegoVersion.V1).load(root);
    String criteria = pack.criteria().all().stream().map(Criterion::id)
        .collect(Collectors.joining(","));
    return OpaBundle.of(loaded, root, pack.sha256(),
        Map.of("policy_sha256", pack.sha256(), "criteria", criteria));
  }

  /** Writes to a temporary file next to the target, then moves it over the target. */
  private static void writeAtomically(OpaBundle bundle, Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      try (OutputStream stream = Files.newOutputStream(temp)) {
        bundle.writeTo(stream);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
