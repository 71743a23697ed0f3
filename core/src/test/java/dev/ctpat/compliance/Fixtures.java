package dev.ctpat.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The facade's test pack: three criteria about a building, 1.1 (must, two sub-items), 1.2 (must)
 * and 1.10 (should), under {@code dev/ctpat/compliance/fixture-pack} of the test classpath.
 */
final class Fixtures {
  static final String PACK_RESOURCE = "dev/ctpat/compliance/fixture-pack";

  /** Evidence on which every fixture criterion passes. */
  static final String PASSING = """
      {"organization": {"name": "Acme Imports", "entity_type": "importer", "as_of": "2026-11-27"},
       "doors": [{"name": "front", "locked": true, "source": {"file": "doors.csv", "line": 2}}],
       "alarm": {"armed": true},
       "logbook": {"last_entry": "2026-11-25"},
       "lights_off": true,
       "evidence_files": [{"path": "doors.csv", "adapter": "doors-csv",
         "sha256": "9033df6f540a2f1fe11704ef29cbebd46b3f69a83fae4497a73250792b13ee02",
         "collected_at": "2026-11-27T08:00:00Z", "warnings": []}]}
      """;

  private Fixtures() {}

  /** The fixture pack's folder. */
  static Path packDir() {
    try {
      return Path.of(Fixtures.class.getClassLoader().getResource(PACK_RESOURCE).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fixture pack, loaded once. */
  static PolicyPack pack() {
    return Holder.PACK;
  }

  /** Copies the fixture pack into {@code target}, e.g. to change one of its files. */
  static Path copyPack(Path target) {
    Path source = packDir();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  private static final class Holder {
    static final PolicyPack PACK = PolicyPack.fromDirectory(packDir());
  }
}
