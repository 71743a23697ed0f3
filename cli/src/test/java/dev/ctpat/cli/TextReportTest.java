package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.compliance.AssessmentReport;
import dev.ctpat.compliance.Criterion;
import dev.ctpat.compliance.CriterionResult;
import dev.ctpat.compliance.Finding;
import dev.ctpat.compliance.Requirement;
import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.evidence.EvidenceFile;
import dev.ctpat.compliance.evidence.Severity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {
  private static final Criterion BACKUPS = criterion("4.12", "Weekly backups", Requirement.SHOULD,
      "4.12.offsite_copy");
  private static final Criterion ACCOUNTS = criterion("4.8", "Individual accounts",
      Requirement.MUST, "4.8.lockout");
  private static final Criterion TRAINING = criterion("12.8", "Cybersecurity training",
      Requirement.MUST, "12.8.cyber_training");

  @Test
  void rendersATableWithTheFindingsUnderTheirCriterion() {
    String text = TextReport.render(report(), false);

    assertThat(text).isEqualTo("""
        CTPAT cybersecurity assessment: Acme Imports
        Entity: importer   As of: 2026-11-27

        ID    REQ     STATUS                 TITLE
        4.8   must    FAIL                   Individual accounts
              - [fail] 4.8.lockout (high): Password policy ad never locks an account.
                evidence: identity/ad.txt:3, identity/ad.txt
                fix: Lock accounts after at most 10 failed logons.
        4.12  should  waived                 Weekly backups
              - [fail] 4.12.offsite_copy (medium): wms has no off-site copy.
                fix: Copy the backups off site.
              - waived 4.12.offsite_copy by W-1, approved by CFO until 2027-01-31: Cloud tier ordered
        12.8  must    insufficient evidence  Cybersecurity training
              - [insufficient] 12.8.cyber_training (medium): No evidence: personnel is missing.
                fix: Export the HR roster.

        Summary:  0 pass, 1 fail, 1 insufficient evidence, 0 not applicable, 1 waived
        Result:   NOT COMPLIANT (must criteria that fail or lack evidence: 4.8, 12.8)
        Evidence: 2 files (1 not recognized)
        Engine:   ctpat-policy-kit 1.0, policies sha256:0123456789ab
        """);
  }

  @Test
  void aCompliantReportSaysSo() {
    AssessmentReport report = new AssessmentReport(null, null, LocalDate.of(2026, 11, 27),
        List.of(result(ACCOUNTS, Status.PASS, List.of(), List.of())), List.of(), engine());

    assertThat(TextReport.render(report, false))
        .startsWith("CTPAT cybersecurity assessment\nEntity: (not given)   As of: 2026-11-27\n")
        .contains("\nID   REQ     STATUS                 TITLE\n4.8  must    pass                   Individual accounts\n")
        .contains("Result:   COMPLIANT (no must criterion fails or lacks evidence)\n")
        .contains("Evidence: 0 files\n");
  }

  @Test
  void coloursStatusesAndTheVerdictOnlyWhenAsked() {
    String text = TextReport.render(report(), true);

    assertThat(text).contains("\u001B[1;31mFAIL\u001B[0m                   Individual accounts")
        .contains("\u001B[36mwaived\u001B[0m")
        .contains("\u001B[33minsufficient evidence\u001B[0m")
        .contains("Result:   \u001B[1;31mNOT COMPLIANT\u001B[0m");
    assertThat(TextReport.render(report(), false)).doesNotContain("\u001B");
  }

  private static AssessmentReport report() {
    Finding lockout = new Finding("4.8.lockout", Status.FAIL,
        "Password policy ad never locks an account.", Severity.HIGH,
        List.of(new Finding.EvidenceRef("identity/ad.txt", 3),
            new Finding.EvidenceRef("identity/ad.txt", null)),
        "Lock accounts after at most 10 failed logons.");
    Finding offsite = new Finding("4.12.offsite_copy", Status.FAIL, "wms has no off-site copy.",
        Severity.MEDIUM, List.of(), "Copy the backups off site.");
    Finding roster = new Finding("12.8.cyber_training", Status.INSUFFICIENT_EVIDENCE,
        "No evidence: personnel is missing.", Severity.MEDIUM, List.of(), "Export the HR roster.");
    CriterionResult.AppliedWaiver waiver = new CriterionResult.AppliedWaiver("W-1",
        "4.12.offsite_copy", "Cloud tier ordered", "CFO", LocalDate.of(2027, 1, 31));
    return new AssessmentReport("Acme Imports", "importer", LocalDate.of(2026, 11, 27),
        List.of(
            result(ACCOUNTS, Status.FAIL, List.of(lockout), List.of()),
            result(BACKUPS, Status.WAIVED, List.of(offsite), List.of(waiver)),
            result(TRAINING, Status.INSUFFICIENT_EVIDENCE, List.of(roster), List.of())),
        List.of(new EvidenceFile("identity/ad.txt", "secedit", null, null, List.of()),
            new EvidenceFile("notes.txt", null, null, null, List.of())),
        engine());
  }

  private static AssessmentReport.Engine engine() {
    return new AssessmentReport.Engine("ctpat-policy-kit", "1.0",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  }

  private static CriterionResult result(Criterion c, Status status, List<Finding> findings,
      List<CriterionResult.AppliedWaiver> waivers) {
    return new CriterionResult(c, status,
        List.of(new CriterionResult.SubItemResult(c.subItems().get(0), status)), findings,
        waivers);
  }

  private static Criterion criterion(String id, String title, Requirement requirement,
      String subItem) {
    return new Criterion(id, title, "", requirement,
        List.of(new Criterion.SubItem(subItem, "t", requirement)), List.of(),
        Criterion.Crosswalk.NONE, "data.ctpat.criteria.c" + id.replace('.', '_'));
  }
}
