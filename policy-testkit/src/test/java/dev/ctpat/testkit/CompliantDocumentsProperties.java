package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.evidence.EvidenceJson;
import java.io.IOException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The kit's own promise: documents from {@link EvidenceArbitraries#compliantDocuments()} are
 * compliant with the CTPAT pack, and they follow the normalized-evidence contract, so that the
 * other properties start from evidence an adapter could have produced.
 */
class CompliantDocumentsProperties {
  private static final PolicyHarness CTPAT = PolicyHarness.ctpat();

  private static final JsonSchema SCHEMA = JsonSchemaFactory
      .getInstance(SpecVersion.VersionFlag.V202012)
      .getSchema(CompliantDocumentsProperties.class.getResourceAsStream(
          "/dev/ctpat/compliance/normalized-evidence.schema.json"));

  @Provide
  Arbitrary<EvidenceDocument> compliant() {
    return EvidenceArbitraries.compliantDocuments();
  }

  @Property
  void everyCriterionPassesOrDoesNotApply(@ForAll("compliant") EvidenceDocument doc) {
    assertThat(CTPAT.evaluateAll(doc).values())
        .filteredOn(o -> o.status() != Status.PASS && o.status() != Status.NOT_APPLICABLE)
        .isEmpty();
  }

  @Property
  void compliantDocumentsFollowTheSchemaAndReadBackIntoTheModel(
      @ForAll("compliant") EvidenceDocument doc) throws IOException {
    assertThat(SCHEMA.validate(doc.at(""))).isEmpty();
    assertThat(EvidenceDocument.of(EvidenceJson.read(doc.toCompactJson()))).isEqualTo(doc);
  }
}
