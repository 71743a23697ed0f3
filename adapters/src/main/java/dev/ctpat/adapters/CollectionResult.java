package dev.ctpat.adapters;

import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of collecting an evidence directory.
 *
 * @param evidence the normalized document, including {@code evidence_files}
 * @param warnings every problem met, in file order
 * @param unrecognized files no adapter recognized, relative to the directory
 */
public record CollectionResult(
    NormalizedEvidence evidence, List<CollectionWarning> warnings, List<String> unrecognized) {

  public CollectionResult {
    Objects.requireNonNull(evidence, "evidence");
    warnings = List.copyOf(warnings);
    unrecognized = List.copyOf(unrecognized);
  }
}
