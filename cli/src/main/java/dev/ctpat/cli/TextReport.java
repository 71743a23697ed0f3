package dev.ctpat.cli;

import dev.ctpat.compliance.AssessmentReport;
import dev.ctpat.compliance.CriterionResult;
import dev.ctpat.compliance.Finding;
import dev.ctpat.compliance.Requirement;
import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.evidence.EvidenceFile;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report for people: one table row per criterion, the findings under each criterion that
 * does not pass, then the summary and the verdict. Colours (ANSI) only when asked for, which
 * {@code assess} does only on a terminal.
 */
final class TextReport {
  private static final String RESET = "\u001B[0m";
  private static final int STATUS_WIDTH = "insufficient evidence".length();

  private final StringBuilder out = new StringBuilder();
  private final boolean colour;

  private TextReport(boolean colour) {
    this.colour = colour;
  }

  static String render(AssessmentReport report, boolean colour) {
    return new TextReport(colour).report(report);
  }

  private String report(AssessmentReport report) {
    header(report);
    int idWidth = Math.max(2, report.criteria().stream().mapToInt(c -> c.id().length()).max()
        .orElse(0));
    line(pad("ID", idWidth) + "  " + pad("REQ", 6) + "  " + pad("STATUS", STATUS_WIDTH)
        + "  TITLE");
    for (CriterionResult c : report.criteria()) {
      line(pad(c.id(), idWidth) + "  " + pad(c.requirement().id(), 6) + "  "
          + status(c.status(), STATUS_WIDTH) + "  " + c.title());
      details(c, " ".repeat(idWidth + 2));
    }
    line("");
    summary(report);
    return out.toString();
  }

  private void header(AssessmentReport report) {
    line("CTPAT cybersecurity assessment"
        + (report.organizationName() == null ? "" : ": " + report.organizationName()));
    line("Entity: " + (report.entity() == null ? "(not given)" : report.entity())
        + "   As of: " + report.asOf());
    line("");
  }

  private void details(CriterionResult c, String indent) {
    for (Finding f : c.findings()) {
      String kind = f.status() == Status.FAIL ? "fail" : "insufficient";
      line(indent + "- [" + kind + "] " + f.subItem() + " ("
          + f.severity().name().toLowerCase(Locale.ROOT) + "): " + f.message());
      if (!f.evidence().isEmpty()) {
        line(indent + "  evidence: " + f.evidence().stream().map(Object::toString)
            .collect(Collectors.joining(", ")));
      }
      line(indent + "  fix: " + f.remediation());
    }
    for (CriterionResult.AppliedWaiver w : c.waivers()) {
      line(indent + "- waived" + (w.scope() == null ? "" : " " + w.scope())
          + (w.id() == null ? "" : " by " + w.id()) + ", approved by " + w.approver()
          + " until " + w.expiresOn() + ": " + w.reason());
    }
  }

  private void summary(AssessmentReport report) {
    AssessmentReport.Summary s = report.summary();
    line("Summary:  " + s.pass() + " pass, " + s.fail() + " fail, " + s.insufficientEvidence()
        + " insufficient evidence, " + s.notApplicable() + " not applicable, " + s.waived()
        + " waived");
    List<String> blocking = report.criteria().stream()
        .filter(c -> c.blocks(Requirement.MUST)).map(CriterionResult::id).toList();
    line("Result:   " + (blocking.isEmpty()
        ? paint("1;32", "COMPLIANT") + " (no must criterion fails or lacks evidence)"
        : paint("1;31", "NOT COMPLIANT") + " (must criteria that fail or lack evidence: "
            + String.join(", ", blocking) + ")"));
    List<EvidenceFile> files = report.evidenceFiles();
    long unread = files.stream().filter(f -> f.adapter() == null).count();
    line("Evidence: " + files.size() + " file" + (files.size() == 1 ? "" : "s")
        + (unread == 0 ? "" : " (" + unread + " not recognized)"));
    line("Engine:   " + report.engine().name() + " " + report.engine().version()
        + ", policies sha256:" + report.engine().policySha256().substring(0, 12));
  }

  private String status(Status status, int width) {
    String word = switch (status) {
      case PASS -> "pass";
      case FAIL -> "FAIL";
      case INSUFFICIENT_EVIDENCE -> "insufficient evidence";
      case NOT_APPLICABLE -> "not applicable";
      case WAIVED -> "waived";
    };
    String code = switch (status) {
      case PASS -> "32";
      case FAIL -> "1;31";
      case INSUFFICIENT_EVIDENCE -> "33";
      case NOT_APPLICABLE -> "2";
      case WAIVED -> "36";
    };
    return paint(code, word) + " ".repeat(width - word.length());
  }

  private String paint(String code, String text) {
    return colour ? "\u001B[" + code + "m" + text + RESET : text;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private void line(String text) {
    out.append(text.stripTrailing()).append('\n');
  }
}
