package dev.ctpat.adapters.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.Program;
import dev.ctpat.compliance.evidence.Source;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProgramFileAdapterTest {
  private static final String FILE = "program/ctpat.yaml";
  private static final AdapterResult EXAMPLE = Fixtures.read(new ProgramFileAdapter(), FILE);

  private static Source line(int line) {
    return Source.of(FILE, line, "program-file");
  }

  @Test
  void documentedExampleReadsWithoutWarnings() {
    assertThat(EXAMPLE.warnings()).isEmpty();
  }

  @Test
  void organizationWithItsLine() {
    assertThat(EXAMPLE.evidence().organization().name()).isEqualTo("Tidewater Gateway Logistics LLC");
    assertThat(EXAMPLE.evidence().organization().entityType()).isEqualTo("third_party_logistics");
    assertThat(EXAMPLE.evidence().organization().asOf()).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(EXAMPLE.evidence().organization().source()).isEqualTo(line(10));
  }

  @Test
  void policyWithCoverageAndReviewDates() {
    Program.Policy policy = EXAMPLE.evidence().program().policies().get(0);

    assertThat(policy.id()).isEqualTo("POL-IT-01");
    assertThat(policy.version()).isEqualTo("4.2");
    assertThat(policy.covers()).hasSize(13).contains("4.10", "12.8");
    assertThat(policy.approvedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(policy.lastReviewedOn()).isEqualTo(LocalDate.of(2026, 8, 20));
    assertThat(policy.source()).isEqualTo(line(23));
  }

  @Test
  void securityTestWithFindingsEachWithItsLine() {
    Program.SecurityTest test = EXAMPLE.evidence().program().securityTests().get(0);

    assertThat(test.type()).isEqualTo(Program.TestType.PENETRATION_TEST);
    assertThat(test.tool()).isNull();
    assertThat(test.source()).isEqualTo(line(69));
    assertThat(test.findings().get(0).source()).isEqualTo(line(76));
    assertThat(test.findings().get(0).fixedOn()).isEqualTo(LocalDate.of(2026, 5, 2));
  }

  @Test
  void waiversSystemsAndThresholds() {
    NormalizedEvidence evidence = EXAMPLE.evidence();

    assertThat(evidence.waivers().get(0).scope()).isEqualTo("4.12.offsite_copy");
    assertThat(evidence.waivers().get(0).source()).isEqualTo(line(198));
    assertThat(evidence.systems().get(0).encryptionAtRest().method()).isEqualTo("SQL Server TDE");
    assertThat(evidence.thresholds()).containsEntry("backup_max_age_days", 7);
    assertThat(evidence.program().monitoring().alertRules()).hasSize(1);
  }

  @Test
  void exampleFitsTheSchema() {
    assertThat(Fixtures.schemaViolations(EXAMPLE.evidence())).isEmpty();
  }

  @Test
  void unknownKeyAndBadValuesWarnWithTheirLineAndTheRestIsRead() {
    AdapterResult result = Fixtures.readText(new ProgramFileAdapter(), "ctpat.yaml", """
        organization:
          name: ACME
        polices: []
        procedures:
          - kind: phishing
            title: Phishing
          - kind: backup
            title: Backup and restore
            approved_on: 01/02/2026
        """);

    assertThat(result.warnings()).extracting(Object::toString).containsExactly(
        "ctpat.yaml:3: unknown key 'polices' in ctpat.yaml; ignored",
        "ctpat.yaml:5: kind 'phishing' is not one of social_engineering, incident_response,"
            + " recovery, remote_access, byod, discipline, threat_sharing, software_licensing,"
            + " access_management, media_sanitization, backup, other",
        "ctpat.yaml:9: approved_on must be a YYYY-MM-DD date but is '01/02/2026'");
    assertThat(result.evidence().program().procedures()).singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(Program.ProcedureKind.BACKUP));
  }

  @Test
  void malformedYamlWarnsWithItsLine() {
    AdapterResult result = Fixtures.readText(new ProgramFileAdapter(), "ctpat.yaml",
        "organization:\n  name: ACME\npolicies: [unclosed\n");

    assertThat(result.warnings()).singleElement()
        .satisfies(w -> assertThat(w.message()).startsWith("malformed YAML"))
        .satisfies(w -> assertThat(w.line()).isNotNull());
  }

  @Test
  void yamlTagsForJavaTypesAreRefused() {
    AdapterResult result = Fixtures.readText(new ProgramFileAdapter(), "ctpat.yaml",
        "organization: !!javax.script.ScriptEngineManager [x]\n");

    assertThat(result.evidence().organization()).isNull();
    assertThat(result.warnings()).hasSize(1);
  }

  @Test
  void waiverWithoutExpiryIsSkipped() {
    AdapterResult result = Fixtures.readText(new ProgramFileAdapter(), "ctpat.yaml", """
        waivers:
          - criterion: "4.12"
            reason: pending
            approver: COO
        """);

    assertThat(result.evidence().waivers()).isEmpty();
    assertThat(result.warnings()).extracting(Object::toString)
        .containsExactly("ctpat.yaml:2: waiver has no expires_on; entry skipped");
  }
}
