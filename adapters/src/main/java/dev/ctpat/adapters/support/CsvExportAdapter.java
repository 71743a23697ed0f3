package dev.ctpat.adapters.support;

import dev.ctpat.adapters.EvidenceInput;

/**
 * An adapter for one kind of CSV export whose columns are found by their aliases (see
 * {@link Csv#column}). Rows of the wrong width are warned before the subclass sees the table.
 */
public abstract class CsvExportAdapter extends ExportAdapter<Csv> {
  /** How much of a file detection looks at: enough for any header line. */
  private static final int HEADER_CHARS = 4096;

  protected CsvExportAdapter(String name) {
    super(name, FileContext::parseCsv);
  }

  /** The header of the file, for detection by column aliases; no columns when there is none. */
  protected static Csv header(EvidenceInput input) {
    return Csv.parseHeader(input.head(HEADER_CHARS));
  }
}
