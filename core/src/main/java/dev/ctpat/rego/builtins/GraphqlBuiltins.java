package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.GraphqlAst.Pos;
import dev.ctpat.rego.builtins.GraphqlAst.QueryDocument;
import dev.ctpat.rego.builtins.GraphqlAst.SchemaDocument;
import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.function.Consumer;

/**
 * The GraphQL builtins. {@code graphql.parse_query} and {@code graphql.parse_schema} return a
 * document's syntax tree as an object; {@code graphql.parse}, {@code graphql.parse_and_verify},
 * {@code graphql.is_valid} and {@code graphql.schema_is_valid} also check a schema, and a query
 * against it, each given as GraphQL text or as such an object. OPA delegates all of this to the
 * Go library gqlparser; {@link GraphqlParser}, {@link GraphqlSchema} and {@link GraphqlValidator}
 * reproduce its behaviour and messages, which OPA rewords here as "MESSAGE in GraphQL string at
 * location LINE:COLUMN".
 */
final class GraphqlBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "graphql";
  private static final ArrayValue UNVERIFIED =
      ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);

  /** A step that fails with the builtin error OPA reports. */
  @FunctionalInterface
  private interface Step<T> {
    T run() throws BuiltinException;
  }

  /** A query and a schema that passed validation. */
  private record Verified(QueryDocument query, SchemaDocument schema) {}

  @Override
  public void register(Consumer<Builtin> out) {
    Type ast = Types.objectOf(Types.ANY, Types.ANY);
    Type document = Types.anyOf(Types.STRING, ast);
    out.accept(Builtin.function(CATEGORY, "graphql.parse_query", Types.fn(ast, Types.STRING),
        (ctx, args) -> guarded(() -> GraphqlAstEncoder.encode(
            parseQuery(Operands.string(args, 0))))));
    out.accept(Builtin.function(CATEGORY, "graphql.parse_schema", Types.fn(ast, Types.STRING),
        (ctx, args) -> guarded(() -> GraphqlAstEncoder.encode(
            parseSchema(Operands.string(args, 0))))));
    out.accept(Builtin.function(CATEGORY, "graphql.parse",
        Types.fn(Types.tuple(ast, ast), document, document),
        (ctx, args) -> guarded(() -> asts(verify(args.get(0), args.get(1))))));
    out.accept(Builtin.function(CATEGORY, "graphql.parse_and_verify",
        Types.fn(Types.tuple(Types.BOOLEAN, ast, ast), document, document),
        (ctx, args) -> parseAndVerify(args.get(0), args.get(1))));
    out.accept(Builtin.function(CATEGORY, "graphql.is_valid",
        Types.fn(Types.BOOLEAN, document, document),
        (ctx, args) -> succeeds(() -> verify(args.get(0), args.get(1)))));
    out.accept(Builtin.function(CATEGORY, "graphql.schema_is_valid",
        Types.fn(Types.BOOLEAN, document),
        (ctx, args) -> succeeds(() -> buildSchema(schemaDocument(args.get(0))))));
  }

  /** {@code [true, query AST, schema AST]}, or {@code [false, {}, {}]} on any failure. */
  private static Value parseAndVerify(Value query, Value schema) {
    try {
      ArrayValue asts = guarded(() -> asts(verify(query, schema)));
      return ArrayValue.of(BooleanValue.TRUE, asts.get(0), asts.get(1));
    } catch (BuiltinException e) {
      return UNVERIFIED;
    }
  }

  private static BooleanValue succeeds(Step<?> step) {
    try {
      guarded(step);
      return BooleanValue.TRUE;
    } catch (BuiltinException e) {
      return BooleanValue.FALSE;
    }
  }

  /** Runs a step; a document nested too deeply for the stack fails like an invalid one. */
  private static <T> T guarded(Step<T> step) throws BuiltinException {
    try {
      return step.run();
    } catch (StackOverflowError e) {
      throw BuiltinException.error("GraphQL document nested too deeply");
    }
  }

  private static ArrayValue asts(Verified v) {
    return ArrayValue.of(GraphqlAstEncoder.encode(v.query()), GraphqlAstEncoder.encode(v.schema()));
  }

  /** Reads both documents, builds the schema and validates the query, in OPA's order. */
  private static Verified verify(Value query, Value schema) throws BuiltinException {
    QueryDocument queryDoc = queryDocument(query);
    SchemaDocument schemaDoc = schemaDocument(schema);
    List<GraphqlError> errors = GraphqlValidator.validate(buildSchema(schemaDoc), queryDoc);
    if (!errors.isEmpty()) {
      throw BuiltinException.error(validationMessage(errors));
    }
    return new Verified(queryDoc, schemaDoc);
  }

  private static QueryDocument queryDocument(Value v) throws BuiltinException {
    if (v instanceof StringValue s) {
      return parseQuery(s.value());
    }
    try {
      return GraphqlAstDecoder.queryDocument((ObjectValue) v);
    } catch (GraphqlError e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static SchemaDocument schemaDocument(Value v) throws BuiltinException {
    if (v instanceof StringValue s) {
      return parseSchema(s.value());
    }
    try {
      return GraphqlAstDecoder.schemaDocument((ObjectValue) v);
    } catch (GraphqlError e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static QueryDocument parseQuery(String text) throws BuiltinException {
    try {
      return GraphqlParser.parseQuery(text);
    } catch (GraphqlError e) {
      throw syntaxError(e);
    }
  }

  private static SchemaDocument parseSchema(String text) throws BuiltinException {
    try {
      return GraphqlParser.parseSchema("", text, false);
    } catch (GraphqlError e) {
      throw syntaxError(e);
    }
  }

  private static BuiltinException syntaxError(GraphqlError e) {
    Pos pos = e.pos();
    return BuiltinException.error(e.getMessage() + " in GraphQL string at location "
        + pos.line() + ":" + pos.column());
  }

  private static GraphqlSchema buildSchema(SchemaDocument doc) throws BuiltinException {
    try {
      return GraphqlSchema.build(doc);
    } catch (GraphqlError e) {
      throw BuiltinException.error(
          "Error in gqlparser SchemaDocument to Schema conversion: " + e.describe());
    }
  }

  /**
   * OPA's message for failed validation. It takes gqlparser's text of all errors, one
   * "file:line:column: message" per line, cuts it at the first three colons, and keeps the rest
   * (so later errors stay in the message) without a final ".\n", placed before the first error's
   * location.
   */
  private static String validationMessage(List<GraphqlError> errors) {
    StringBuilder text = new StringBuilder();
    errors.forEach(e -> text.append(e.describe()).append('\n'));
    String[] parts = text.toString().split(":", 4);
    if (parts.length < 4) {
      // Without positions (trees decoded from objects) there is no location to move.
      String message = stripLeadingSpaces(text.substring(text.indexOf(":") + 1));
      return removeSuffix(message, ".\n") + " in GraphQL query string";
    }
    String message = removeSuffix(stripLeadingSpaces(parts[3]), ".\n");
    return message + " in GraphQL query string at location " + parts[1] + ":" + parts[2];
  }

  private static String stripLeadingSpaces(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return s.substring(i);
  }

  private static String removeSuffix(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }
}
