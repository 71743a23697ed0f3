package dev.ctpat.compliance;

import dev.ctpat.compliance.evidence.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One reason for a criterion's status: a violation ({@link Status#FAIL}) or evidence that is
 * missing, unreadable or stale ({@link Status#INSUFFICIENT_EVIDENCE}).
 *
 * @param subItem the sub-item it concerns, or the criterion id when it concerns the whole
 *     criterion
 * @param status {@link Status#FAIL} or {@link Status#INSUFFICIENT_EVIDENCE}
 * @param message what was found, naming the evidence item
 * @param severity how serious it is
 * @param evidence where the evidence behind it is; empty when the evidence is missing
 * @param remediation what to do about it
 */
public record Finding(
    String subItem,
    Status status,
    String message,
    Severity severity,
    List<EvidenceRef> evidence,
    String remediation) {

  public Finding {
    Objects.requireNonNull(subItem, "subItem");
    Objects.requireNonNull(status, "status");
    if (status != Status.FAIL && status != Status.INSUFFICIENT_EVIDENCE) {
      throw new IllegalArgumentException(
          "a finding's status is fail or insufficient_evidence, not " + status.id());
    }
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(severity, "severity");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(remediation, "remediation");
  }

  /**
   * A place in an evidence file.
   *
   * @param file the file, relative to the evidence directory
   * @param line the 1-based line, or {@code null} when the item has no single line
   */
  public record EvidenceRef(String file, Integer line) {
    public EvidenceRef {
      Objects.requireNonNull(file, "file");
    }

    /** {@code file:line}, or {@code file} without a line. */
    @Override
    public String toString() {
      return line == null ? file : file + ":" + line;
    }
  }
}
