package dev.ctpat.compliance.report;

import dev.ctpat.compliance.AssessmentReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a compliance report in one output format. Implementations are immutable and
 * thread-safe, and deterministic: the same report always gives the same bytes, with every
 * timestamp taken from the report's as-of date, never from the clock. Every format records
 * what the result rests on: the as-of date, the engine and its version, the digest of the
 * policy pack and the digests of the evidence files, as far as the report has them.
 *
 * <p>{@link ReportFormats} lists the built-in renderers by name.
 */
public interface ReportRenderer {
  /** The format's name, as given to {@code ctpat assess --format}: {@code html}, ... */
  String format();

  /**
   * The file name extension for this format, without the leading dot; unique among the
   * built-in formats so that several can be written to one folder ({@code oscal.json},
   * {@code junit.xml}, ...).
   */
  String fileExtension();

  /** Writes the report as text. Flushes nothing and closes nothing. */
  void render(ReportDocument report, Writer out) throws IOException;

  /** Writes the report in UTF-8, then flushes; the stream stays open. */
  default void render(ReportDocument report, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    render(report, writer);
    writer.flush();
  }

  /** Writes an assessment's report in UTF-8, then flushes; the stream stays open. */
  default void render(AssessmentReport report, OutputStream out) throws IOException {
    render(ReportDocument.of(report), out);
  }

  /** The report as a string. */
  default String renderToString(ReportDocument report) {
    StringWriter out = new StringWriter();
    try {
      render(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out.toString();
  }
}
