package dev.ctpat.rego.compile;

import java.util.List;

/**
 * A compiled query: its body, the frame it needs, and the variables it reports.
 *
 * @param body the reordered body
 * @param frameSize how many slots an evaluation needs
 * @param outputs the query's named (non-generated) variables, in order of first appearance
 * @param topLevel the literals as written, in source order, for reporting expression values
 * @param captures for each top-level literal, the slot holding its value if it is a term
 *     expression, else null
 */
public record CompiledQuery(Ir.Body body, int frameSize, List<Ir.Local> outputs,
    List<Ir.Literal> topLevel, List<Ir.Local> captures) {
  public CompiledQuery {
    outputs = List.copyOf(outputs);
    topLevel = List.copyOf(topLevel);
    captures = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(captures));
  }
}
