package dev.ctpat.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ctpat.compliance.evidence.EvidenceJson;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/** Reads test fixtures the way the collector reads evidence files. */
public final class Fixtures {
  private static final JsonSchema SCHEMA = loadSchema();

  /** The collection day of every fixture read through this class, as in the collector tests. */
  public static final LocalDate COLLECTED_ON = LocalDate.of(2026, 11, 27);

  private Fixtures() {}

  /** The fixture at {@code fixtures/<path>}, decoded like an evidence file. */
  public static EvidenceInput input(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new EvidenceInput(path, TextDecoder.decode(in.readAllBytes()).text(), COLLECTED_ON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TextDecoder.BinaryContentException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Reads a fixture with {@code adapter}, checking first that the adapter recognizes it. */
  public static AdapterResult read(EvidenceAdapter adapter, String path) {
    EvidenceInput input = input(path);
    assertThat(adapter.detect(input)).as("detects %s", path).isNotEqualTo(EvidenceAdapter.Match.NONE);
    return adapter.read(input);
  }

  /** An adapter's fragment on its own, read from text (for malformed-input tests). */
  public static AdapterResult readText(EvidenceAdapter adapter, String path, String text) {
    return adapter.read(new EvidenceInput(path, text, COLLECTED_ON));
  }

  public static Path directory() {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Schema violations of the document's JSON; empty when it fits the contract. */
  public static Set<ValidationMessage> schemaViolations(NormalizedEvidence evidence) {
    try {
      ObjectMapper json = EvidenceJson.mapper();
      return SCHEMA.validate(json.readTree(EvidenceJson.write(evidence)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema loadSchema() {
    try (InputStream in = Fixtures.class.getResourceAsStream(
        "/dev/ctpat/compliance/normalized-evidence.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
