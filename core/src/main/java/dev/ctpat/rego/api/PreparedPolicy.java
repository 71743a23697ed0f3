package dev.ctpat.rego.api;

import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * Compiled modules and data, ready to answer queries. Immutable and thread-safe: any number of
 * threads may evaluate concurrently; each query gets its own evaluation state and caches.
 */
public interface PreparedPolicy {
  /**
   * Evaluates a Rego query ({@code data.authz.allow}, {@code x := data.a[_]; x > 1}).
   *
   * @param query the query text
   * @param input the input document, or {@code null} for none
   * @return every answer; empty when the query is undefined
   * @throws RegoException when the query does not parse or compile, or evaluation fails
   */
  QueryResult query(String query, Value input);

  /**
   * The value of a reference such as {@code data.ctpat.c4_8.result}, or empty if undefined.
   *
   * @throws RegoException when evaluation fails (conflicts, limits, strict builtin errors)
   */
  Optional<Value> evaluate(String ref, Value input);

  /** The modules this policy was compiled from. */
  List<Module> modules();

  /** The base document under {@code data}. */
  Value data();
}
