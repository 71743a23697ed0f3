package dev.ctpat.rego.api;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.ctpat.rego.compile.CompiledPolicy;
import dev.ctpat.rego.compile.CompiledQuery;
import dev.ctpat.rego.eval.Evaluator;
import dev.ctpat.rego.syntax.Body;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.ParseException;
import dev.ctpat.rego.syntax.Parser;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** The standard {@link PreparedPolicy}: a compiled policy plus a cache of compiled queries. */
final class DefaultPreparedPolicy implements PreparedPolicy {
  private final CompiledPolicy compiled;
  private final Value data;
  private final EngineOptions options;
  private final Cache<String, CompiledQuery> queries =
      CacheBuilder.newBuilder().maximumSize(1_000).build();

  DefaultPreparedPolicy(CompiledPolicy compiled, Value data, EngineOptions options) {
    this.compiled = compiled;
    this.data = data;
    this.options = options;
  }

  @Override
  public QueryResult query(String query, Value input) {
    CompiledQuery q = compile(query);
    Evaluator.Config config = new Evaluator.Config(options.strict(), options.printSink(),
        options.clock().instant(), options.limits(), options.capabilities(), options.runtime(),
        options.optimize(), options.version(), options.coverage());
    return new Evaluator(compiled, data, input, config).run(q);
  }

  @Override
  public Optional<Value> evaluate(String ref, Value input) {
    QueryResult r = query(ref, input);
    if (r.rows().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(r.rows().get(0).expressions().get(0).value());
  }

  private CompiledQuery compile(String query) {
    try {
      return queries.get(query, () -> {
        Body body;
        try {
          body = Parser.parseQuery(query, new Parser.ParserOptions(options.version()));
        } catch (ParseException e) {
          List<RegoError> errors = new ArrayList<>();
          e.errors().forEach(se ->
              errors.add(new RegoError(ParseException.CODE, se.message(), se.location())));
          throw new RegoException(errors);
        }
        return compiled.compileQuery(body, query);
      });
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (com.google.common.util.concurrent.UncheckedExecutionException e) {
      if (e.getCause() instanceof RegoException re) {
        throw re;
      }
      throw e;
    }
  }

  @Override
  public List<Module> modules() {
    return compiled.modules();
  }

  @Override
  public Value data() {
    return data;
  }
}
