package dev.ctpat.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ctpat.compliance.evidence.EvidenceJson;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import net.jqwik.api.SampleReportingFormat;

/**
 * Makes jqwik report generated evidence records (a {@code PasswordPolicy}, an {@code Endpoint},
 * a whole {@code NormalizedEvidence}) as the evidence JSON the policies see, instead of Java's
 * {@code Record[field=...]} form. Registered as a service in the kit's jar, so it works in every
 * project that has the kit on its test classpath.
 */
public final class EvidenceReportingFormat implements SampleReportingFormat {
  private static final ObjectMapper MAPPER = EvidenceJson.mapper();
  private static final String EVIDENCE_PACKAGE = NormalizedEvidence.class.getPackageName();

  @Override
  public boolean appliesTo(Object value) {
    return value instanceof Record
        && value.getClass().getPackageName().equals(EVIDENCE_PACKAGE);
  }

  @Override
  public Object report(Object value) {
    try {
      return SampleReportingFormat.plainLabel(JsonText.pretty(MAPPER.valueToTree(value)));
    } catch (IllegalArgumentException e) {
      return SampleReportingFormat.plainLabel(String.valueOf(value));
    }
  }
}
