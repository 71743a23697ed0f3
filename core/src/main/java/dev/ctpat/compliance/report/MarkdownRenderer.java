package dev.ctpat.compliance.report;

import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.report.ReportDocument.Criterion;
import dev.ctpat.compliance.report.ReportDocument.EvidenceFile;
import dev.ctpat.compliance.report.ReportDocument.Finding;
import dev.ctpat.compliance.report.ReportDocument.SubItem;
import dev.ctpat.compliance.report.ReportDocument.Waiver;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as GitHub-flavoured Markdown, for pull-request comments, wikis and job summaries:
 * the verdict, a summary table, a table with one row per criterion, a section per criterion
 * with its sub-items, findings, waivers and crosswalk, and what the result rests on. Text from
 * the report is escaped, so a message cannot break the layout or inject HTML.
 */
public final class MarkdownRenderer implements ReportRenderer {
  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public String fileExtension() {
    return "md";
  }

  @Override
  public void render(ReportDocument report, Writer out) throws IOException {
    StringBuilder md = new StringBuilder();
    header(report, md);
    summary(report, md);
    overview(report, md);
    md.append("## Criteria in detail\n\n");
    for (Criterion c : report.criteria()) {
      criterion(c, md);
    }
    basis(report, md);
    out.write(md.toString());
  }

  private static void header(ReportDocument report, StringBuilder md) {
    md.append("# CTPAT cybersecurity assessment")
        .append(report.organizationName().map(n -> ": " + inline(n)).orElse("")).append("\n\n");
    md.append(report.summary().compliant() ? "**Compliant**" : "**Not compliant**")
        .append(" as of ").append(report.asOf())
        .append(report.entity().map(e -> " · entity type: " + inline(e)).orElse(""))
        .append("\n\n");
    List<Criterion> blocking = report.blockingCriteria();
    if (!blocking.isEmpty()) {
      md.append("Blocking (must criteria that fail or lack evidence): ")
          .append(blocking.stream().map(Criterion::id).collect(Collectors.joining(", ")))
          .append("\n\n");
    }
  }

  private static void summary(ReportDocument report, StringBuilder md) {
    md.append("## Summary\n\n| Status | Criteria |\n|---|---:|\n");
    for (Status s : Status.values()) {
      md.append("| ").append(Wording.status(s)).append(" | ")
          .append(report.summary().count(s)).append(" |\n");
    }
    md.append("| **Total** | **").append(report.summary().total()).append("** |\n\n");
  }

  private static void overview(ReportDocument report, StringBuilder md) {
    md.append("## Criteria\n\n| Criterion | Title | Requirement | Status | Findings |\n")
        .append("|---|---|---|---|---:|\n");
    for (Criterion c : report.criteria()) {
      md.append("| ").append(inline(c.id())).append(" | ").append(inline(c.title())).append(" | ")
          .append(Wording.requirement(c.requirement())).append(" | ")
          .append(Wording.status(c.status())).append(" | ").append(c.findings().size())
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void criterion(Criterion c, StringBuilder md) {
    md.append("### ").append(inline(c.id())).append(' ').append(inline(c.title()))
        .append("\n\n");
    md.append("**Status:** ").append(Wording.status(c.status())).append(" · **Requirement:** ")
        .append(Wording.requirement(c.requirement())).append("\n\n");
    if (!c.description().isEmpty()) {
      md.append("> ").append(inline(c.description())).append("\n\n");
    }
    if (!c.subItems().isEmpty()) {
      md.append("| Sub-item | What is checked | Requirement | Status |\n|---|---|---|---|\n");
      for (SubItem s : c.subItems()) {
        md.append("| ").append(code(s.id(), true)).append(" | ").append(inline(s.title()))
            .append(" | ").append(Wording.requirement(s.requirement())).append(" | ")
            .append(Wording.status(s.status())).append(" |\n");
      }
      md.append('\n');
    }
    findings(c, md);
    if (!c.waivers().isEmpty()) {
      md.append("**Waivers**\n\n");
      for (Waiver w : c.waivers()) {
        md.append("- ").append(inline(Wording.waiver(w))).append('\n');
      }
      md.append('\n');
    }
    crosswalk(c, md);
  }

  private static void findings(Criterion c, StringBuilder md) {
    List<Finding> findings = c.findings();
    if (findings.isEmpty()) {
      md.append("No findings.\n\n");
      return;
    }
    md.append("**Findings**\n\n");
    int n = 1;
    for (Finding f : findings) {
      md.append(n++).append(". **").append(Wording.status(f.status())).append("** · ")
          .append(Wording.id(f.severity())).append(" · ").append(code(f.subItem(), false))
          .append(": ").append(inline(f.message()));
      String waivedBy = Wording.waivedBy(c, f);
      if (waivedBy != null) {
        md.append(" *(").append(inline(waivedBy)).append(")*");
      }
      md.append('\n');
      md.append("   - Evidence: ").append(f.evidence().isEmpty() ? "none (missing)"
          : f.evidence().stream().map(e -> code(e.toString(), false))
              .collect(Collectors.joining(", "))).append('\n');
      if (!f.remediation().isEmpty()) {
        md.append("   - Remediation: ").append(inline(f.remediation())).append('\n');
      }
    }
    md.append('\n');
  }

  private static void crosswalk(Criterion c, StringBuilder md) {
    if (c.crosswalk().isEmpty()) {
      return;
    }
    md.append("**Crosswalk**");
    if (!c.crosswalk().basis().isEmpty()) {
      md.append(" (").append(inline(c.crosswalk().basis())).append(')');
    }
    md.append("\n\n");
    for (Map.Entry<String, List<String>> e : c.crosswalk().frameworks().entrySet()) {
      if (!e.getValue().isEmpty()) {
        md.append("- ").append(inline(Wording.framework(e.getKey()))).append(": ")
            .append(inline(String.join(", ", e.getValue()))).append('\n');
      }
    }
    md.append('\n');
  }

  private static void basis(ReportDocument report, StringBuilder md) {
    md.append("## What this result rests on\n\n| | |\n|---|---|\n");
    md.append("| As of | ").append(report.asOf()).append(" |\n");
    for (Map.Entry<String, String> e : report.engine().fields().entrySet()) {
      md.append("| ").append(inline(Wording.engineField(e.getKey()))).append(" | ")
          .append(code(e.getValue(), true)).append(" |\n");
    }
    md.append('\n');
    if (report.evidenceFiles().isEmpty()) {
      md.append("No evidence files are listed.\n");
      return;
    }
    md.append("| Evidence file | Adapter | SHA-256 | Collected at | Warnings |\n")
        .append("|---|---|---|---|---|\n");
    for (EvidenceFile f : report.evidenceFiles()) {
      md.append("| ").append(code(f.path(), true)).append(" | ")
          .append(f.adapter() == null ? "not recognized" : inline(f.adapter())).append(" | ")
          .append(f.sha256() == null ? "unreadable" : code(f.sha256(), true)).append(" | ")
          .append(f.collectedAt() == null ? "unknown" : inline(f.collectedAt())).append(" | ")
          .append(inline(String.join("; ", f.warnings()))).append(" |\n");
    }
  }

  /**
   * Text that Markdown shows as written: every character with a meaning in Markdown or HTML
   * (an {@code &} only where it would start an entity) is backslash-escaped and line breaks
   * become spaces.
   */
  static String inline(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean entity = c == '&' && i + 1 < text.length()
          && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '#');
      if ("\\`*_[]<>|#~!".indexOf(c) >= 0 || entity) {
        sb.append('\\').append(c);
      } else if (c == '\n' || c == '\r' || c == '\t') {
        sb.append(' ');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A code span long enough to hold any backticks in the text; inside a table a pipe must
   * still be escaped (GitHub's table syntax is read before code spans).
   */
  static String code(String text, boolean inTable) {
    String body = text.replace('\n', ' ').replace('\r', ' ');
    if (inTable) {
      body = body.replace("|", "\\|");
    }
    String fence = "`";
    while (body.contains(fence)) {
      fence += "`";
    }
    boolean pad = body.startsWith("`") || body.endsWith("`");
    return fence + (pad ? " " + body + " " : body) + fence;
  }
}
