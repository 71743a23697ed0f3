package dev.ctpat.compliance.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One file read from the evidence directory.
 *
 * @param path relative to the evidence directory, with forward slashes
 * @param adapter adapter that recognized the file; {@code null} = not recognized
 * @param sha256 lower-case hex digest of the file's bytes; {@code null} when unreadable
 * @param warnings problems met while reading, each naming file and line
 */
public record EvidenceFile(
    String path, String adapter, String sha256, Instant collectedAt, List<String> warnings) {

  public EvidenceFile {
    Objects.requireNonNull(path, "path");
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
