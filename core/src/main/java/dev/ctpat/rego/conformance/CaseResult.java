package dev.ctpat.rego.conformance;

import java.util.Objects;

/**
 * The outcome of one conformance case, or of a file that could not be read (then the note is
 * empty).
 *
 * @param file the case's file, as displayed in reports
 * @param note the case's name
 * @param status whether it passed
 * @param reason why it failed or was skipped; empty when it passed
 */
public record CaseResult(String file, String note, Status status, String reason) {
  public CaseResult {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }

  static CaseResult passed(ConformanceCase c) {
    return new CaseResult(c.file(), c.note(), Status.PASSED, "");
  }

  static CaseResult failed(ConformanceCase c, String reason) {
    return new CaseResult(c.file(), c.note(), Status.FAILED, reason);
  }

  static CaseResult skipped(ConformanceCase c, String reason) {
    return new CaseResult(c.file(), c.note(), Status.SKIPPED, reason);
  }

  /** How a case ended. */
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }
}
