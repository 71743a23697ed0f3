package dev.ctpat.compliance.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the JSON formats (SARIF, OSCAL) the same way every time: keys in insertion order,
 * two-space indentation, {@code \n} line ends whatever the platform, a final newline, and the
 * writer left open for the caller.
 */
final class JsonOutput {
  private static final ObjectMapper MAPPER = new ObjectMapper(
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build());
  private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());

  private JsonOutput() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static void write(JsonNode tree, Writer out) throws IOException {
    PRETTY.writeValue(out, tree);
    out.write('\n');
  }

  /** The compact form of a tree, for hashing. */
  static String compact(JsonNode tree) throws IOException {
    return MAPPER.writeValueAsString(tree);
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
