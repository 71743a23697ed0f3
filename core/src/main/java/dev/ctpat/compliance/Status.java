package dev.ctpat.compliance;

import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of a criterion or sub-item (DESIGN §6). A finding carries {@link #FAIL} (a
 * violation) or {@link #INSUFFICIENT_EVIDENCE} (evidence missing, unreadable or stale).
 */
public enum Status {
  /** Every sub-item is met by current evidence. */
  PASS,
  /** Some sub-item is violated; a violation is never hidden behind missing evidence. */
  FAIL,
  /** Nothing fails, but some sub-item cannot be decided from the evidence. */
  INSUFFICIENT_EVIDENCE,
  /** The criterion does not apply, e.g. remote-access rules where no remote access exists. */
  NOT_APPLICABLE,
  /** Every failing sub-item is covered by an active waiver. */
  WAIVED;

  /** The lower-case id used in reports: {@code pass}, {@code insufficient_evidence}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status named by {@code id}, or empty. */
  public static Optional<Status> fromId(String id) {
    for (Status s : values()) {
      if (s.id().equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
