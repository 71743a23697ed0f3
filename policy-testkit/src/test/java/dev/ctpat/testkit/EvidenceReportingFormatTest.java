package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.compliance.evidence.PasswordPolicy;
import dev.ctpat.compliance.evidence.Source;
import java.util.List;
import java.util.ServiceLoader;
import net.jqwik.api.SampleReportingFormat;
import org.junit.jupiter.api.Test;

class EvidenceReportingFormatTest {
  private static final PasswordPolicy POLICY = new PasswordPolicy("domain default", "ad", 14, true,
      null, 24, 5, 15, false, Source.of("identity/policy.txt", 3, "ad-password-policy"));

  private final EvidenceReportingFormat format = new EvidenceReportingFormat();

  @Test
  void itAppliesToEvidenceRecordsOnly() {
    assertThat(format.appliesTo(POLICY)).isTrue();
    assertThat(format.appliesTo(POLICY.source())).isTrue();
    assertThat(format.appliesTo("domain default")).isFalse();
    assertThat(format.appliesTo(List.of(POLICY))).isFalse();
  }

  @Test
  void aRecordIsReportedAsTheEvidenceJsonThePoliciesSee() {
    assertThat(format.report(POLICY).toString()).isEqualTo("""
        {
          "scope": "domain default",
          "system": "ad",
          "min_length": 14,
          "complexity_required": true,
          "max_age_days": null,
          "history": 24,
          "lockout_threshold": 5,
          "lockout_duration_minutes": 15,
          "mfa_required": false,
          "source": {"file": "identity/policy.txt", "line": 3, "adapter": "ad-password-policy"}
        }""");
  }

  @Test
  void jqwikFindsItAsAService() {
    assertThat(ServiceLoader.load(SampleReportingFormat.class))
        .anyMatch(f -> f instanceof EvidenceReportingFormat);
  }
}
