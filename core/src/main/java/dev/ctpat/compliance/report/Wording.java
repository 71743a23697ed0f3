package dev.ctpat.compliance.report;

import dev.ctpat.compliance.Requirement;
import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.evidence.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The words the human-readable formats use for statuses, levels and frameworks. */
final class Wording {
  private static final Map<String, String> FRAMEWORKS = Map.of(
      "nist_csf_2", "NIST CSF 2.0",
      "cis_v8", "CIS Controls v8");

  private Wording() {}

  static String status(Status status) {
    return switch (status) {
      case PASS -> "Pass";
      case FAIL -> "Fail";
      case INSUFFICIENT_EVIDENCE -> "Insufficient evidence";
      case NOT_APPLICABLE -> "Not applicable";
      case WAIVED -> "Waived";
    };
  }

  static String requirement(Requirement requirement) {
    return requirement == Requirement.MUST ? "Must" : "Should";
  }

  static String severity(Severity severity) {
    String id = id(severity);
    return Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }

  /** The lower-case word the report uses, e.g. {@code high}. */
  static String id(Severity severity) {
    return severity.name().toLowerCase(Locale.ROOT);
  }

  /** A framework's display name, e.g. {@code NIST CSF 2.0} for {@code nist_csf_2}. */
  static String framework(String key) {
    return FRAMEWORKS.getOrDefault(key, key);
  }

  /** The text of a waiver for people: scope, reason, approver, expiry. */
  static String waiver(ReportDocument.Waiver w) {
    String scope = w.scope() == null ? "whole criterion" : w.scope();
    return (w.id() == null ? "" : w.id() + ": ") + scope + ", \"" + w.reason()
        + "\", approved by " + w.approver() + ", expires " + w.expiresOn();
  }

  /**
   * "waived by WV-1" when the finding is a violation that applied waivers cover, else
   * {@code null}.
   */
  static String waivedBy(ReportDocument.Criterion c, ReportDocument.Finding f) {
    if (f.status() != Status.FAIL) {
      return null;
    }
    List<ReportDocument.Waiver> waivers = c.waiversCovering(f.subItem());
    if (waivers.isEmpty()) {
      return null;
    }
    return "waived by " + waivers.stream()
        .map(w -> w.id() == null ? "a waiver for " + (w.scope() == null ? c.id() : w.scope())
            : w.id())
        .collect(Collectors.joining(", "));
  }

  /** "1 criterion", "14 criteria". */
  static String criteria(int n) {
    return n + (n == 1 ? " criterion" : " criteria");
  }

  /** A label for a field of the report's {@code engine} object. */
  static String engineField(String key) {
    return switch (key) {
      case "name" -> "Engine";
      case "version" -> "Engine version";
      case "policy_sha256" -> "Policy pack SHA-256";
      default -> "Engine " + key.replace('_', ' ');
    };
  }

  /** "1 finding", "2 findings". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
