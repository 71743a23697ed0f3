package dev.ctpat.compliance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * The renderers' shared fixture: a realistic report of all 14 CTPAT criteria with every status
 * (6 pass, 4 fail, 2 insufficient_evidence, 1 not_applicable, 1 waived), a scoped waiver, a
 * finding without evidence, an unrecognized evidence file, and text that needs escaping
 * ({@code &}, {@code <}, quotes, a pipe, umlauts, a space in a path). Plus the published
 * schemas the JSON formats are checked against.
 */
final class SampleReport {
  static final String RESOURCE = "/dev/ctpat/compliance/report/sample-report.json";
  /** The sample's engine.policy_sha256. */
  static final String POLICY_SHA256 =
      "77e30df2889d2174cae8df2f7229f9cb522dd7eca7ea355642bd40b49d3b8f80";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SampleReport() {}

  /** The sample report's JSON tree (a fresh copy). */
  static ObjectNode json() {
    try (InputStream in = SampleReport.class.getResourceAsStream(RESOURCE)) {
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ReportDocument document() {
    return ReportDocument.of(json());
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validation messages of the document against a published schema under schemas/. */
  static Set<ValidationMessage> validate(Schema schema, JsonNode document) {
    return schema.load().validate(document);
  }

  /** The published schemas bundled as test resources (see schemas/README.md). */
  enum Schema {
    SARIF(SarifRenderer.SCHEMA, "sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V4),
    OSCAL_ASSESSMENT_RESULTS("http://csrc.nist.gov/ns/oscal/1.0.4/oscal-ar-schema.json",
        "oscal_assessment-results_schema.json", SpecVersion.VersionFlag.V7),
    REPORT("https://ctpat.dev/schemas/report.schema.json", null, SpecVersion.VersionFlag.V202012);

    private final String id;
    private final String file;
    private final SpecVersion.VersionFlag version;

    Schema(String id, String file, SpecVersion.VersionFlag version) {
      this.id = id;
      this.file = file;
      this.version = version;
    }

    /** The schema, its $id mapped to the bundled copy so nothing is fetched. */
    JsonSchema load() {
      String location = file == null ? "classpath:dev/ctpat/compliance/report.schema.json"
          : "classpath:schemas/" + file;
      JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version,
          builder -> builder.schemaMappers(m -> m.mappings(Map.of(id, location))));
      return factory.getSchema(SchemaLocation.of(id));
    }
  }
}
