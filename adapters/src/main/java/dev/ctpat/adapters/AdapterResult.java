package dev.ctpat.adapters;

import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.List;
import java.util.Objects;

/**
 * What an adapter read from one file: a fragment of the normalized document (only the keys the
 * file speaks about are set) and the problems it met.
 */
public record AdapterResult(NormalizedEvidence evidence, List<CollectionWarning> warnings) {

  public AdapterResult {
    Objects.requireNonNull(evidence, "evidence");
    warnings = List.copyOf(warnings);
  }
}
