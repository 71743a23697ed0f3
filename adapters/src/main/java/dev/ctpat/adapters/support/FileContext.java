package dev.ctpat.adapters.support;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.CollectionWarning;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The state of reading one file with one adapter: parses the file, makes its sources and collects
 * its warnings.
 */
public final class FileContext {
  private final EvidenceInput input;
  private final String adapter;
  private final List<CollectionWarning> warnings = new ArrayList<>();

  public FileContext(EvidenceInput input, String adapter) {
    this.input = input;
    this.adapter = adapter;
  }

  public String path() {
    return input.path();
  }

  /** The source of an item at {@code line} (1-based; {@code null} when unknown). */
  public Source source(Integer line) {
    return Source.of(input.path(), line, adapter);
  }

  /**
   * The source of an item at {@code line} whose export states its own collection time, so that
   * staleness is judged from the export rather than from when the file was picked up.
   */
  public Source source(Integer line, Instant collectedAt) {
    return new Source(input.path(), line, adapter, collectedAt);
  }

  /**
   * The file as JSON with line numbers; empty when it is not JSON, which is warned at the line
   * of the syntax error.
   */
  public Optional<LocatedJson> parseJson() {
    try {
      return Optional.of(LocatedJson.parse(input.text()));
    } catch (MalformedInputException e) {
      warn(e.line(), e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The file as a CSV table, with rows of the wrong width warned; empty when it has no header or
   * a quoted value never ends, which is warned.
   */
  public Optional<Csv> parseCsv() {
    Csv csv;
    try {
      csv = Csv.parse(input.text());
    } catch (MalformedInputException e) {
      warn(e.line(), e.getMessage());
      return Optional.empty();
    }
    csv.problems().forEach(p -> warn(p.number(), p.text()));
    return Optional.of(csv);
  }

  public void warn(Integer line, String message) {
    warnings.add(new CollectionWarning(input.path(), line, message));
  }

  public AdapterResult result(NormalizedEvidence evidence) {
    return new AdapterResult(evidence, warnings);
  }

  public AdapterResult result(NormalizedEvidence.Builder evidence) {
    return result(evidence.build());
  }
}
