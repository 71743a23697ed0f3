package dev.ctpat.compliance;

import java.util.Locale;
import java.util.Optional;

/** How binding a criterion or sub-item is: CTPAT's "Must" and "Should". */
public enum Requirement {
  /** A failure or missing evidence makes the organization non-compliant. */
  MUST,
  /** Reported like a must, but does not affect {@link AssessmentReport#compliant()}. */
  SHOULD;

  /** The lower-case word used in policy METADATA and in reports: {@code must}, {@code should}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The requirement named by {@code id} ({@code must} or {@code should}), or empty. */
  public static Optional<Requirement> fromId(String id) {
    for (Requirement r : values()) {
      if (r.id().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
