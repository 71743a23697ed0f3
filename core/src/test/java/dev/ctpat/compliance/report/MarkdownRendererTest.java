package dev.ctpat.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  private static final String MD = new MarkdownRenderer().renderToString(SampleReport.document());

  private static List<String> lines() {
    return MD.lines().toList();
  }

  @Test
  void hasATableRowPerCriterion() {
    for (ReportDocument.Criterion c : SampleReport.document().criteria()) {
      assertThat(lines()).anySatisfy(line -> assertThat(line)
          .startsWith("| " + MarkdownRenderer.inline(c.id()) + " | ")
          .endsWith(" | " + c.findings().size() + " |"));
    }
  }

  @Test
  void startsWithTheVerdict() {
    assertThat(lines().subList(0, 5)).containsExactly(
        "# CTPAT cybersecurity assessment: Müller & Söhne Logistik GmbH",
        "",
        "**Not compliant** as of 2026-11-27 · entity type: importer",
        "",
        "Blocking (must criteria that fail or lack evidence): 4.2, 4.3, 4.7, 4.8, 12.8");
  }

  @Test
  void summaryTableCountsEveryStatus() {
    assertThat(MD).contains("| Pass | 6 |\n| Fail | 4 |\n| Insufficient evidence | 2 |\n"
        + "| Not applicable | 1 |\n| Waived | 1 |\n| **Total** | **14** |");
  }

  @Test
  void findingListsSeverityEvidenceAndRemediation() {
    assertThat(MD).contains("1. **Fail** · high · `4.8.lockout`: Password policy "
        + "\"Default Domain Policy\" never locks an account after failed logons (lockout "
        + "threshold 0; allowed: 1 to 10 \\| our default).\n"
        + "   - Evidence: `identity/ad-password-policy.txt:3`\n"
        + "   - Remediation: Set the account lockout threshold to at most 10 failed logons & a"
        + " lockout duration of at least 15 minutes.\n");
  }

  @Test
  void escapesTextSoItCannotInjectHtmlOrBreakTables() {
    assertThat(MD).contains("\\<after separation\\>").doesNotContain("<after separation>");
    assertThat(MarkdownRenderer.inline("a|b*c_d`e")).isEqualTo("a\\|b\\*c\\_d\\`e");
    assertThat(MarkdownRenderer.inline("two\nlines")).isEqualTo("two lines");
    assertThat(MarkdownRenderer.inline("R&D &amp; &#60; & x"))
        .isEqualTo("R\\&D \\&amp; \\&\\#60; & x");
  }

  @Test
  void codeSpansHoldBackticksAndEscapePipesInTables() {
    assertThat(MarkdownRenderer.code("a`b", false)).isEqualTo("``a`b``");
    assertThat(MarkdownRenderer.code("`x", false)).isEqualTo("`` `x ``");
    assertThat(MarkdownRenderer.code("a|b", true)).isEqualTo("`a\\|b`");
  }

  @Test
  void showsWaiversAndMissingEvidence() {
    assertThat(MD).contains("- WV-2026-07: 4.12.offsite\\_copy, \"Cloud backup contract starts")
        .contains("   - Evidence: none (missing)");
  }

  @Test
  void recordsWhatTheResultRestsOn() {
    assertThat(MD).contains("## What this result rests on", "| As of | 2026-11-27 |",
        "| Engine | `ctpat-policy-kit` |", "| Engine version | `0.1.0` |",
        "| Policy pack SHA-256 | `" + SampleReport.POLICY_SHA256 + "` |",
        "| `scans/notes.docx` | not recognized | unreadable | unknown |");
  }
}
