package dev.ctpat.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReportIdsTest {
  @Test
  void uuidV5MatchesTheRfc4122Construction() {
    // The DNS namespace of RFC 4122 appendix C; Python's uuid.uuid5(NAMESPACE_DNS, "python.org").
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    assertThat(ReportIds.uuidV5(dns, "python.org"))
        .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
  }

  @Test
  void uuidsDependOnTheReportAndTheName() {
    ReportIds ids = ReportIds.of(SampleReport.document());

    assertThat(ids.uuid("finding/4.8")).isEqualTo(ReportIds.of(SampleReport.document())
        .uuid("finding/4.8")).isNotEqualTo(ids.uuid("finding/4.9"));
  }

  @ParameterizedTest
  @CsvSource({
      "identity/ad users.csv, identity/ad%20users.csv",
      "hr/Zürich.csv, hr/Z%C3%BCrich.csv",
      "scans/a#b?.xml, scans/a%23b%3F.xml",
      "c:stuff/x.txt, ./c:stuff/x.txt",
      "plain.txt, plain.txt"})
  void pathsBecomeUriReferences(String path, String uri) {
    assertThat(ReportIds.uriReference(path)).isEqualTo(uri);
  }
}
