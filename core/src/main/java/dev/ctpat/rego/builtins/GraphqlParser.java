package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.GraphqlAst.Argument;
import dev.ctpat.rego.builtins.GraphqlAst.ArgumentDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.ChildValue;
import dev.ctpat.rego.builtins.GraphqlAst.Definition;
import dev.ctpat.rego.builtins.GraphqlAst.Directive;
import dev.ctpat.rego.builtins.GraphqlAst.DirectiveDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.EnumValueDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.Field;
import dev.ctpat.rego.builtins.GraphqlAst.FieldDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.FragmentDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.FragmentSpread;
import dev.ctpat.rego.builtins.GraphqlAst.InlineFragment;
import dev.ctpat.rego.builtins.GraphqlAst.Operation;
import dev.ctpat.rego.builtins.GraphqlAst.OperationTypeDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.Pos;
import dev.ctpat.rego.builtins.GraphqlAst.QueryDocument;
import dev.ctpat.rego.builtins.GraphqlAst.SchemaDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.SchemaDocument;
import dev.ctpat.rego.builtins.GraphqlAst.Selection;
import dev.ctpat.rego.builtins.GraphqlAst.TypeRef;
import dev.ctpat.rego.builtins.GraphqlAst.Value;
import dev.ctpat.rego.builtins.GraphqlLexer.Kind;
import dev.ctpat.rego.builtins.GraphqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * gqlparser's recursive-descent parser for executable documents ({@link #parseQuery}) and type
 * system documents ({@link #parseSchema}). It stops at the first error with gqlparser's message
 * and position, e.g. "expected at least one definition, found }" for an empty field list. A
 * lexer error surfaces as "Unexpected <Invalid>" unless the parser consumes the bad token.
 */
final class GraphqlParser {
  private static final Set<String> DIRECTIVE_LOCATIONS = Set.of("QUERY", "MUTATION",
      "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
      "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION",
      "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT",
      "INPUT_FIELD_DEFINITION");

  /** One parsing step that may fail, for the list helpers. */
  @FunctionalInterface
  private interface Step<T> {
    T parse() throws GraphqlError;
  }

  private final GraphqlLexer lexer;
  private final boolean builtIn;
  private Token peeked;
  private Token prev;

  private GraphqlParser(String source, String text, boolean builtIn) {
    this.lexer = new GraphqlLexer(source, text);
    this.builtIn = builtIn;
  }

  /** Parses an executable document (operations and fragments) given by the caller. */
  static QueryDocument parseQuery(String text) throws GraphqlError {
    return new GraphqlParser("", text, false).queryDocument();
  }

  /**
   * Parses a type system document. {@code source} names it in positions; {@code builtIn} marks
   * its type definitions as gqlparser marks the prelude's.
   */
  static SchemaDocument parseSchema(String source, String text, boolean builtIn)
      throws GraphqlError {
    return new GraphqlParser(source, text, builtIn).schemaDocument();
  }

  // ---- Token handling ----

  private Token peek() {
    if (peeked == null) {
      peeked = lexer.read();
    }
    return peeked;
  }

  private Pos peekPos() {
    return peek().pos();
  }

  /** Consumes the next token; consuming an invalid one reports the lexer's own error. */
  private Token next() throws GraphqlError {
    Token t = peek();
    peeked = null;
    prev = t;
    if (t.error() != null) {
      throw t.error();
    }
    return t;
  }

  private Token expect(Kind kind) throws GraphqlError {
    Token t = peek();
    if (t.kind() != kind) {
      throw error(t, "Expected " + kind.text + ", found " + t.kind().text);
    }
    return next();
  }

  private void expectKeyword(String keyword) throws GraphqlError {
    Token t = peek();
    if (t.kind() != Kind.NAME || !t.value().equals(keyword)) {
      throw error(t, "Expected " + SprintfStrconv.quote(keyword) + ", found " + t);
    }
    next();
  }

  private boolean skip(Kind kind) throws GraphqlError {
    if (peek().kind() != kind) {
      return false;
    }
    next();
    return true;
  }

  private GraphqlError unexpected() {
    return unexpected(peek());
  }

  private static GraphqlError unexpected(Token t) {
    return error(t, "Unexpected " + t);
  }

  private static GraphqlError error(Token t, String message) {
    return new GraphqlError(message, t.pos());
  }

  /** Items between {@code open} and {@code close}, possibly none; nothing without {@code open}. */
  private <T> List<T> many(Kind open, Kind close, Step<T> item) throws GraphqlError {
    List<T> items = new ArrayList<>();
    if (!skip(open)) {
      return items;
    }
    while (peek().kind() != close) {
      items.add(item.parse());
    }
    next();
    return items;
  }

  /** Like {@link #many}, but an empty pair of delimiters is an error. */
  private <T> List<T> some(Kind open, Kind close, Step<T> item) throws GraphqlError {
    List<T> items = new ArrayList<>();
    if (!skip(open)) {
      return items;
    }
    while (peek().kind() != close) {
      items.add(item.parse());
    }
    if (items.isEmpty()) {
      throw error(peek(), "expected at least one definition, found " + peek().kind().text);
    }
    next();
    return items;
  }

  private String parseName() throws GraphqlError {
    return expect(Kind.NAME).value();
  }

  // ---- Executable documents ----

  private QueryDocument queryDocument() throws GraphqlError {
    List<Operation> operations = new ArrayList<>();
    List<FragmentDefinition> fragments = new ArrayList<>();
    while (peek().kind() != Kind.EOF) {
      Token t = peek();
      if (t.kind() == Kind.BRACE_L || (t.kind() == Kind.NAME && isOperationType(t.value()))) {
        operations.add(parseOperationDefinition());
      } else if (t.kind() == Kind.NAME && t.value().equals("fragment")) {
        fragments.add(parseFragmentDefinition());
      } else {
        throw unexpected();
      }
    }
    return new QueryDocument(operations, fragments);
  }

  private static boolean isOperationType(String name) {
    return name.equals("query") || name.equals("mutation") || name.equals("subscription");
  }

  private Operation parseOperationDefinition() throws GraphqlError {
    Pos pos = peekPos();
    if (peek().kind() == Kind.BRACE_L) {
      return new Operation("query", "", List.of(), List.of(), parseRequiredSelectionSet(), pos);
    }
    String operation = parseOperationType();
    String name = peek().kind() == Kind.NAME ? next().value() : "";
    List<GraphqlAst.VariableDefinition> variables = parseVariableDefinitions();
    List<Directive> directives = parseDirectives(false);
    return new Operation(operation, name, variables, directives, parseRequiredSelectionSet(),
        pos);
  }

  private String parseOperationType() throws GraphqlError {
    Token t = next();
    if (!isOperationType(t.value())) {
      throw unexpected(t);
    }
    return t.value();
  }

  private List<GraphqlAst.VariableDefinition> parseVariableDefinitions() throws GraphqlError {
    return many(Kind.PAREN_L, Kind.PAREN_R, this::parseVariableDefinition);
  }

  private GraphqlAst.VariableDefinition parseVariableDefinition() throws GraphqlError {
    Pos pos = peekPos();
    String variable = parseVariable();
    expect(Kind.COLON);
    TypeRef type = parseTypeReference();
    Value defaultValue = skip(Kind.EQUALS) ? parseValueLiteral(true) : null;
    return new GraphqlAst.VariableDefinition(variable, type, defaultValue, parseDirectives(false),
        false, pos);
  }

  private String parseVariable() throws GraphqlError {
    expect(Kind.DOLLAR);
    return parseName();
  }

  private List<Selection> parseRequiredSelectionSet() throws GraphqlError {
    if (peek().kind() != Kind.BRACE_L) {
      throw error(peek(), "Expected " + Kind.BRACE_L.text + ", found " + peek().kind().text);
    }
    return some(Kind.BRACE_L, Kind.BRACE_R, this::parseSelection);
  }

  private Selection parseSelection() throws GraphqlError {
    return peek().kind() == Kind.SPREAD ? parseFragment() : parseField();
  }

  private Field parseField() throws GraphqlError {
    Pos pos = peekPos();
    String alias = parseName();
    String name = skip(Kind.COLON) ? parseName() : alias;
    List<Argument> arguments = parseArguments(false);
    List<Directive> directives = parseDirectives(false);
    List<Selection> selections = peek().kind() == Kind.BRACE_L
        ? some(Kind.BRACE_L, Kind.BRACE_R, this::parseSelection)
        : List.of();
    return new Field(alias, name, arguments, directives, selections, pos);
  }

  private List<Argument> parseArguments(boolean isConst) throws GraphqlError {
    return many(Kind.PAREN_L, Kind.PAREN_R, () -> {
      Pos pos = peekPos();
      String name = parseName();
      expect(Kind.COLON);
      return new Argument(name, parseValueLiteral(isConst), pos);
    });
  }

  private Selection parseFragment() throws GraphqlError {
    expect(Kind.SPREAD);
    Token t = peek();
    if (t.kind() == Kind.NAME && !t.value().equals("on")) {
      Pos pos = peekPos();
      String name = parseFragmentName();
      return new FragmentSpread(name, parseDirectives(false), pos);
    }
    Pos pos = peekPos();
    String typeCondition = "";
    // Like gqlparser, any token spelled "on" starts the type condition.
    if (peek().value().equals("on")) {
      next();
      typeCondition = parseName();
    }
    List<Directive> directives = parseDirectives(false);
    return new InlineFragment(typeCondition, directives, parseRequiredSelectionSet(), pos);
  }

  private FragmentDefinition parseFragmentDefinition() throws GraphqlError {
    Pos pos = peekPos();
    expectKeyword("fragment");
    String name = parseFragmentName();
    List<GraphqlAst.VariableDefinition> variables = parseVariableDefinitions();
    expectKeyword("on");
    String typeCondition = parseName();
    List<Directive> directives = parseDirectives(false);
    return new FragmentDefinition(name, variables, typeCondition, directives,
        parseRequiredSelectionSet(), pos);
  }

  private String parseFragmentName() throws GraphqlError {
    if (peek().value().equals("on")) {
      throw unexpected();
    }
    return parseName();
  }

  private Value parseValueLiteral(boolean isConst) throws GraphqlError {
    Token t = peek();
    int kind;
    switch (t.kind()) {
      case BRACKET_L:
        return new Value(GraphqlAst.LIST, "", many(Kind.BRACKET_L, Kind.BRACKET_R,
            () -> new ChildValue("", parseValueLiteral(isConst), null)), t.pos());
      case BRACE_L:
        return new Value(GraphqlAst.OBJECT, "",
            many(Kind.BRACE_L, Kind.BRACE_R, () -> parseObjectField(isConst)), t.pos());
      case DOLLAR:
        if (isConst) {
          throw unexpected();
        }
        return new Value(GraphqlAst.VARIABLE, parseVariable(), List.of(), t.pos());
      case INT:
        kind = GraphqlAst.INT;
        break;
      case FLOAT:
        kind = GraphqlAst.FLOAT;
        break;
      case STRING:
        kind = GraphqlAst.STRING;
        break;
      case BLOCK_STRING:
        kind = GraphqlAst.BLOCK;
        break;
      case NAME:
        kind = switch (t.value()) {
          case "true", "false" -> GraphqlAst.BOOLEAN;
          case "null" -> GraphqlAst.NULL;
          default -> GraphqlAst.ENUM;
        };
        break;
      default:
        throw unexpected();
    }
    next();
    return new Value(kind, t.value(), List.of(), t.pos());
  }

  private ChildValue parseObjectField(boolean isConst) throws GraphqlError {
    Pos pos = peekPos();
    String name = parseName();
    expect(Kind.COLON);
    return new ChildValue(name, parseValueLiteral(isConst), pos);
  }

  private List<Directive> parseDirectives(boolean isConst) throws GraphqlError {
    List<Directive> directives = new ArrayList<>();
    while (peek().kind() == Kind.AT) {
      expect(Kind.AT);
      Pos pos = peekPos();
      String name = parseName();
      directives.add(new Directive(name, parseArguments(isConst), "", pos));
    }
    return directives;
  }

  /**
   * A type reference. Its position is that of the token after {@code [} for lists, and of the
   * token after {@code !} for non-null types, as gqlparser records them.
   */
  private TypeRef parseTypeReference() throws GraphqlError {
    Pos pos;
    String named = "";
    TypeRef elem = null;
    if (skip(Kind.BRACKET_L)) {
      pos = peekPos();
      elem = parseTypeReference();
      expect(Kind.BRACKET_R);
    } else {
      pos = peekPos();
      named = parseName();
    }
    boolean nonNull = false;
    if (skip(Kind.BANG)) {
      pos = peekPos();
      nonNull = true;
    }
    return new TypeRef(named, elem, nonNull, pos);
  }

  // ---- Type system documents ----

  private SchemaDocument schemaDocument() throws GraphqlError {
    List<SchemaDefinition> schema = new ArrayList<>();
    List<SchemaDefinition> schemaExtensions = new ArrayList<>();
    List<DirectiveDefinition> directives = new ArrayList<>();
    List<Definition> definitions = new ArrayList<>();
    List<Definition> extensions = new ArrayList<>();
    while (peek().kind() != Kind.EOF) {
      String description = parseDescription();
      if (peek().kind() != Kind.NAME) {
        throw unexpected();
      }
      switch (peek().value()) {
        case "scalar", "type", "interface", "union", "enum", "input" ->
            definitions.add(parseTypeDefinition(description));
        case "schema" -> schema.add(parseSchemaDefinition(description));
        case "directive" -> directives.add(parseDirectiveDefinition(description));
        case "extend" -> {
          if (!description.isEmpty()) {
            throw unexpected(prev);
          }
          expectKeyword("extend");
          if (peek().value().equals("schema")) {
            schemaExtensions.add(parseSchemaExtension());
          } else {
            extensions.add(parseTypeExtension());
          }
        }
        default -> throw unexpected();
      }
    }
    return new SchemaDocument(schema, schemaExtensions, directives, definitions, extensions);
  }

  private String parseDescription() throws GraphqlError {
    Kind kind = peek().kind();
    return kind == Kind.STRING || kind == Kind.BLOCK_STRING ? next().value() : "";
  }

  private Definition parseTypeDefinition(String description) throws GraphqlError {
    String keyword = peek().value();
    expectKeyword(keyword);
    Pos pos = peekPos();
    String name = parseName();
    return switch (keyword) {
      case "scalar" -> definition(GraphqlAst.SCALAR_KIND, description, name,
          parseDirectives(true), List.of(), List.of(), List.of(), List.of(), pos);
      case "type", "interface" -> {
        List<String> interfaces = parseImplementsInterfaces();
        List<Directive> directives = parseDirectives(true);
        String kind = keyword.equals("type") ? GraphqlAst.OBJECT_KIND : GraphqlAst.INTERFACE_KIND;
        yield definition(kind, description, name, directives, interfaces, parseFieldsDefinition(),
            List.of(), List.of(), pos);
      }
      case "union" -> {
        List<Directive> directives = parseDirectives(true);
        yield definition(GraphqlAst.UNION_KIND, description, name, directives, List.of(),
            List.of(), parseUnionMemberTypes(), List.of(), pos);
      }
      case "enum" -> {
        List<Directive> directives = parseDirectives(true);
        yield definition(GraphqlAst.ENUM_KIND, description, name, directives, List.of(),
            List.of(), List.of(), parseEnumValues(), pos);
      }
      default -> {
        List<Directive> directives = parseDirectives(true);
        yield definition(GraphqlAst.INPUT_OBJECT_KIND, description, name, directives,
            List.of(), parseInputFields(), List.of(), List.of(), pos);
      }
    };
  }

  /**
   * A type extension after {@code extend}. Each kind must extend something; interface
   * extensions take no {@code implements} clause and input extensions take variable directives,
   * as in gqlparser.
   */
  private Definition parseTypeExtension() throws GraphqlError {
    String keyword = peek().value();
    if (!List.of("scalar", "type", "interface", "union", "enum", "input").contains(keyword)) {
      throw unexpected();
    }
    expectKeyword(keyword);
    Pos pos = peekPos();
    String name = parseName();
    Definition extension = switch (keyword) {
      case "scalar" -> definition(GraphqlAst.SCALAR_KIND, "", name, parseDirectives(true),
          List.of(), List.of(), List.of(), List.of(), pos);
      case "type" -> {
        List<String> interfaces = parseImplementsInterfaces();
        List<Directive> directives = parseDirectives(true);
        yield definition(GraphqlAst.OBJECT_KIND, "", name, directives, interfaces,
            parseFieldsDefinition(), List.of(), List.of(), pos);
      }
      case "interface" -> {
        List<Directive> directives = parseDirectives(true);
        yield definition(GraphqlAst.INTERFACE_KIND, "", name, directives, List.of(),
            parseFieldsDefinition(), List.of(), List.of(), pos);
      }
      case "union" -> {
        List<Directive> directives = parseDirectives(true);
        yield definition(GraphqlAst.UNION_KIND, "", name, directives, List.of(), List.of(),
            parseUnionMemberTypes(), List.of(), pos);
      }
      case "enum" -> {
        List<Directive> directives = parseDirectives(true);
        yield definition(GraphqlAst.ENUM_KIND, "", name, directives, List.of(), List.of(),
            List.of(), parseEnumValues(), pos);
      }
      default -> {
        List<Directive> directives = parseDirectives(false);
        yield definition(GraphqlAst.INPUT_OBJECT_KIND, "", name, directives, List.of(),
            parseInputFields(), List.of(), List.of(), pos);
      }
    };
    if (extension.directives().isEmpty() && extension.interfaces().isEmpty()
        && extension.fields().isEmpty() && extension.types().isEmpty()
        && extension.enumValues().isEmpty()) {
      throw unexpected();
    }
    return extension;
  }

  private Definition definition(String kind, String description, String name,
      List<Directive> directives, List<String> interfaces, List<FieldDefinition> fields,
      List<String> types, List<EnumValueDefinition> enumValues, Pos pos) {
    return new Definition(kind, description, name, directives, interfaces, fields, types,
        enumValues, pos, builtIn);
  }

  private SchemaDefinition parseSchemaDefinition(String description) throws GraphqlError {
    expectKeyword("schema");
    Pos pos = peekPos();
    List<Directive> directives = parseDirectives(true);
    return new SchemaDefinition(description, directives,
        some(Kind.BRACE_L, Kind.BRACE_R, this::parseOperationTypeDefinition), pos);
  }

  private SchemaDefinition parseSchemaExtension() throws GraphqlError {
    SchemaDefinition extension = parseSchemaDefinition("");
    if (extension.directives().isEmpty() && extension.operationTypes().isEmpty()) {
      throw unexpected();
    }
    return extension;
  }

  private OperationTypeDefinition parseOperationTypeDefinition() throws GraphqlError {
    Pos pos = peekPos();
    String operation = parseOperationType();
    expect(Kind.COLON);
    return new OperationTypeDefinition(operation, parseName(), pos);
  }

  private List<String> parseImplementsInterfaces() throws GraphqlError {
    List<String> types = new ArrayList<>();
    if (peek().value().equals("implements")) {
      next();
      skip(Kind.AMP);
      types.add(parseName());
      while (skip(Kind.AMP)) {
        types.add(parseName());
      }
    }
    return types;
  }

  private List<FieldDefinition> parseFieldsDefinition() throws GraphqlError {
    return some(Kind.BRACE_L, Kind.BRACE_R, () -> {
      Pos pos = peekPos();
      String description = parseDescription();
      String name = parseName();
      List<ArgumentDefinition> arguments =
          some(Kind.PAREN_L, Kind.PAREN_R, this::parseArgumentDefinition);
      expect(Kind.COLON);
      TypeRef type = parseTypeReference();
      return new FieldDefinition(description, name, arguments, null, type, parseDirectives(true),
          pos);
    });
  }

  private ArgumentDefinition parseArgumentDefinition() throws GraphqlError {
    Pos pos = peekPos();
    String description = parseDescription();
    String name = parseName();
    expect(Kind.COLON);
    TypeRef type = parseTypeReference();
    Value defaultValue = skip(Kind.EQUALS) ? parseValueLiteral(true) : null;
    return new ArgumentDefinition(description, name, defaultValue, type, parseDirectives(true),
        pos);
  }

  private List<FieldDefinition> parseInputFields() throws GraphqlError {
    return some(Kind.BRACE_L, Kind.BRACE_R, () -> {
      ArgumentDefinition input = parseArgumentDefinition();
      return new FieldDefinition(input.description(), input.name(), List.of(),
          input.defaultValue(), input.type(), input.directives(), input.position());
    });
  }

  private List<String> parseUnionMemberTypes() throws GraphqlError {
    List<String> types = new ArrayList<>();
    if (skip(Kind.EQUALS)) {
      skip(Kind.PIPE);
      types.add(parseName());
      while (skip(Kind.PIPE)) {
        types.add(parseName());
      }
    }
    return types;
  }

  private List<EnumValueDefinition> parseEnumValues() throws GraphqlError {
    return some(Kind.BRACE_L, Kind.BRACE_R, () -> {
      Pos pos = peekPos();
      String description = parseDescription();
      String name = parseName();
      return new EnumValueDefinition(description, name, parseDirectives(true), pos);
    });
  }

  private DirectiveDefinition parseDirectiveDefinition(String description) throws GraphqlError {
    expectKeyword("directive");
    expect(Kind.AT);
    Pos pos = peekPos();
    String name = parseName();
    List<ArgumentDefinition> arguments =
        some(Kind.PAREN_L, Kind.PAREN_R, this::parseArgumentDefinition);
    boolean repeatable = peek().kind() == Kind.NAME && peek().value().equals("repeatable");
    if (repeatable) {
      next();
    }
    expectKeyword("on");
    List<String> locations = new ArrayList<>();
    skip(Kind.PIPE);
    locations.add(parseDirectiveLocation());
    while (skip(Kind.PIPE)) {
      locations.add(parseDirectiveLocation());
    }
    return new DirectiveDefinition(description, name, arguments, locations, repeatable, pos);
  }

  private String parseDirectiveLocation() throws GraphqlError {
    Token t = expect(Kind.NAME);
    if (!DIRECTIVE_LOCATIONS.contains(t.value())) {
      throw unexpected(t);
    }
    return t.value();
  }
}
