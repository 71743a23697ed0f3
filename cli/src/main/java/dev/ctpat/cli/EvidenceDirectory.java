package dev.ctpat.cli;

import dev.ctpat.adapters.CollectionResult;
import dev.ctpat.adapters.CollectionWarning;
import dev.ctpat.adapters.Collector;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Collects an evidence directory with the standard adapters, for {@code assess} and
 * {@code normalize}. What the adapters could not read is written to standard error as
 * {@code FILE:LINE: warning: message}; the rest of the evidence is still collected.
 */
final class EvidenceDirectory {
  private EvidenceDirectory() {}

  /**
   * The normalized evidence of {@code dir}.
   *
   * @throws InputException when {@code dir} is not a readable directory
   */
  static NormalizedEvidence collect(Path dir, Clock clock, PrintWriter err) {
    if (!Files.isDirectory(dir)) {
      throw new InputException(dir + ": not a directory");
    }
    CollectionResult result;
    try {
      result = Collector.collect(dir, clock);
    } catch (UncheckedIOException e) {
      throw new InputException(dir + ": cannot read the evidence directory: "
          + e.getCause().getMessage());
    }
    Set<String> reported = new HashSet<>();
    for (CollectionWarning w : result.warnings()) {
      err.println(dir.resolve(w.file()) + (w.line() == null ? "" : ":" + w.line())
          + ": warning: " + w.message());
      reported.add(w.file());
    }
    for (String file : result.unrecognized()) {
      if (!reported.contains(file)) {
        err.println(dir.resolve(file) + ": warning: not recognized by any adapter; listed in "
            + "evidence_files but not read");
      }
    }
    return result.evidence();
  }
}
