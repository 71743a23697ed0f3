package dev.ctpat.cli;

import dev.ctpat.compliance.AssessmentReport;
import dev.ctpat.compliance.Requirement;

/** What {@code ctpat assess --fail-on} makes the exit status depend on. */
enum FailOn {
  /** Exit 1 when a must criterion fails or lacks evidence: DESIGN §6's "not compliant". */
  MUST,
  /** Exit 1 when any criterion, must or should, fails or lacks evidence. */
  SHOULD,
  /** Always exit 0 once the report is made. */
  NEVER;

  boolean passes(AssessmentReport report) {
    return switch (this) {
      case MUST -> report.compliant(Requirement.MUST);
      case SHOULD -> report.compliant(Requirement.SHOULD);
      case NEVER -> true;
    };
  }
}
