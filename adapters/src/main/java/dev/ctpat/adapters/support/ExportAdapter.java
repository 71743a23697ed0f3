package dev.ctpat.adapters.support;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.Optional;
import java.util.function.Function;

/**
 * An adapter for one kind of export in a structured format ({@code T}: a JSON tree, a CSV
 * table). Subclasses say how to recognize the export and what to take from it; a file that
 * cannot be parsed yields no evidence, only the warning the parser reported.
 *
 * @param <T> the parsed form of the file
 */
public abstract class ExportAdapter<T> implements EvidenceAdapter {
  private final String name;
  private final Function<FileContext, Optional<T>> parser;

  /**
   * @param parser parses the file of a context, warning there when it cannot
   */
  protected ExportAdapter(String name, Function<FileContext, Optional<T>> parser) {
    this.name = name;
    this.parser = parser;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, name);
    NormalizedEvidence.Builder evidence = parser.apply(context)
        .map(export -> read(export, input, context))
        .orElseGet(NormalizedEvidence::builder);
    return context.result(evidence);
  }

  /** Reads the parsed export; problems go to {@code context} as warnings. */
  protected abstract NormalizedEvidence.Builder read(T export, EvidenceInput input,
      FileContext context);
}
