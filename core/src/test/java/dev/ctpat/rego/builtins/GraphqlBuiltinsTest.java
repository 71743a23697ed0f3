package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphqlBuiltinsTest {
  private static final String SCHEMA = """
      type Query {
        hero(episode: Episode!): Character
        search(text: String, limit: Int = 10): [Character]
        review(input: ReviewInput!): Boolean
      }
      enum Episode { NEWHOPE EMPIRE JEDI }
      interface Character { id: ID! name: String }
      type Human implements Character { id: ID! name: String height: Float }
      type Droid implements Character { id: ID! name: String primaryFunction: String }
      input ReviewInput { stars: Int! comment: String }
      """;

  private final Family family = new Family(new GraphqlBuiltins());

  private Value call(String name, Value... args) throws BuiltinException {
    return family.call(name, args);
  }

  private String error(String name, Value... args) {
    BuiltinException e = family.error(name, args);
    assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    return e.getMessage();
  }

  @Test
  void registersOpaSignatures() {
    assertThat(family.builtins().keySet()).containsExactlyInAnyOrder("graphql.parse",
        "graphql.parse_and_verify", "graphql.parse_query", "graphql.parse_schema",
        "graphql.is_valid", "graphql.schema_is_valid");
    assertThat(family.builtin("graphql.parse").arity()).isEqualTo(2);
    assertThat(family.builtin("graphql.schema_is_valid").arity()).isEqualTo(1);
    assertThat(family.builtins().values()).noneMatch(Builtin::nondeterministic);
  }

  @Nested
  class ParseQuery {
    @Test
    void givesGqlparserAstWithoutPositionsOrEmptyMembers() throws Exception {
      assertThat(call("graphql.parse_query", str("{hero {name}}"))).isEqualTo(json("""
          {"Operations": [{"Name": "", "Operation": "query", "SelectionSet": [
            {"Alias": "hero", "Name": "hero",
             "SelectionSet": [{"Alias": "name", "Name": "name"}]}]}]}"""));
    }

    @Test
    void describesVariablesArgumentsAndValueKinds() throws Exception {
      Value ast = call("graphql.parse_query", str("""
          query Q($ep: Episode! = JEDI, $n: [Int]) {
            a: hero(episode: $ep, s: "x", i: 1, f: 1.5, b: true, z: null, l: [1], o: {k: 2})
          }"""));
      assertThat(ast).isEqualTo(json("""
          {"Operations": [{"Name": "Q", "Operation": "query",
            "VariableDefinitions": [
              {"Variable": "ep", "Type": {"NamedType": "Episode", "NonNull": true},
               "DefaultValue": {"Kind": 7, "Raw": "JEDI"}, "Used": false},
              {"Variable": "n", "Type": {"NamedType": "", "NonNull": false,
               "Elem": {"NamedType": "Int", "NonNull": false}}, "Used": false}],
            "SelectionSet": [{"Alias": "a", "Name": "hero", "Arguments": [
              {"Name": "episode", "Value": {"Kind": 0, "Raw": "ep"}},
              {"Name": "s", "Value": {"Kind": 3, "Raw": "x"}},
              {"Name": "i", "Value": {"Kind": 1, "Raw": "1"}},
              {"Name": "f", "Value": {"Kind": 2, "Raw": "1.5"}},
              {"Name": "b", "Value": {"Kind": 5, "Raw": "true"}},
              {"Name": "z", "Value": {"Kind": 6, "Raw": "null"}},
              {"Name": "l", "Value": {"Kind": 8, "Raw": "",
                "Children": [{"Name": "", "Value": {"Kind": 1, "Raw": "1"}}]}},
              {"Name": "o", "Value": {"Kind": 9, "Raw": "",
                "Children": [{"Name": "k", "Value": {"Kind": 1, "Raw": "2"}}]}}]}]}]}"""));
    }

    @Test
    void describesFragmentsAndDirectives() throws Exception {
      Value ast = call("graphql.parse_query",
          str("{ ...F ... on Droid @skip(if: true) { id } } fragment F on Query { a }"));
      assertThat(ast).isEqualTo(json("""
          {"Operations": [{"Name": "", "Operation": "query", "SelectionSet": [
             {"Name": "F"},
             {"TypeCondition": "Droid", "SelectionSet": [{"Alias": "id", "Name": "id"}],
              "Directives": [{"Name": "skip", "Location": "", "Arguments": [
                {"Name": "if", "Value": {"Kind": 5, "Raw": "true"}}]}]}]}],
           "Fragments": [{"Name": "F", "TypeCondition": "Query",
             "SelectionSet": [{"Alias": "a", "Name": "a"}]}]}"""));
    }

    @Test
    void decodesStringEscapesAndBlockStrings() throws Exception {
      Value ast = call("graphql.parse_query",
          str("{ a(s: \"\\u00e9\\n\\\"\", b: \"\"\"\n    first\n      second\n  \"\"\") }"));
      assertThat(ast.toString()).contains("\"Raw\": \"é\\n\\\"\"")
          .contains("\"Raw\": \"first\\n  second\"");
    }

    @Test
    void keepsUnicodeInNamesOfStrings() throws Exception {
      Value ast = call("graphql.parse_query", str("{ a(s: \"日本 😀\") }"));
      assertThat(ast.toString()).contains("日本 😀");
    }

    @Test
    void emptyDocumentIsAnEmptyObject() throws Exception {
      assertThat(call("graphql.parse_query", str("  # only a comment\n"))).isEqualTo(
          ObjectValue.EMPTY);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "{} => expected at least one definition, found } in GraphQL string at location 1:2",
        "{ a => Expected Name, found <EOF> in GraphQL string at location 1:4",
        "query Q => Expected {, found <EOF> in GraphQL string at location 1:8",
        "type T { a: Int } => Unexpected Name \"type\" in GraphQL string at location 1:1",
        "{ a(x: $v) } fragment on on T { b } => Unexpected Name \"on\" in GraphQL string at "
            + "location 1:23",
        "{ a(x: 'y') } => Unexpected <Invalid> in GraphQL string at location 1:8",
        "{ a(x: 01) } => Unexpected <Invalid> in GraphQL string at location 1:9",
        "{ a(x: \"abc) } => Unexpected <Invalid> in GraphQL string at location 1:15",
        "{ ..a } => Expected Name, found <Invalid> in GraphQL string at location 1:3"})
    void reportsGqlparserSyntaxErrors(String query, String message) {
      assertThat(error("graphql.parse_query", str(query))).isEqualTo(message);
    }

    @Test
    void countsColumnsInCodePointsAndLinesAcrossLineBreaks() {
      assertThat(error("graphql.parse_query", str("{ a(s: \"😀😀\")\n\n  }} ")))
          .isEqualTo("Unexpected } in GraphQL string at location 3:4");
    }

    @Test
    void startsColumnsAtTwoAfterACrLfLineBreakAsGqlparserDoes() {
      assertThat(error("graphql.parse_query", str("{ a }\r\n}")))
          .isEqualTo("Unexpected } in GraphQL string at location 2:2");
    }
  }

  @Nested
  class ParseSchema {
    @Test
    void describesTypesWithDescriptionsAndBuiltInFlag() throws Exception {
      Value ast = call("graphql.parse_schema", str("""
          "A greeting"
          type Hello implements & A & B @deprecated {
            \"\"\"
              The world
            \"\"\"
            world(flag: Boolean = true): [String!]!
          }"""));
      assertThat(ast).isEqualTo(json("""
          {"Definitions": [{"Kind": "OBJECT", "Name": "Hello", "Description": "A greeting",
            "BuiltIn": false, "Interfaces": ["A", "B"],
            "Directives": [{"Name": "deprecated", "Location": ""}],
            "Fields": [{"Name": "world", "Description": "The world",
              "Arguments": [{"Name": "flag", "Description": "",
                "Type": {"NamedType": "Boolean", "NonNull": false},
                "DefaultValue": {"Kind": 5, "Raw": "true"}}],
              "Type": {"NamedType": "", "NonNull": true,
                "Elem": {"NamedType": "String", "NonNull": true}}}]}]}"""));
    }

    @Test
    void describesSchemaDirectiveAndExtensionDefinitions() throws Exception {
      Value ast = call("graphql.parse_schema", str("""
          schema { query: Q }
          extend schema @d
          directive @d(a: Int) repeatable on | SCHEMA | FIELD
          extend union U = A
          enum E { X @deprecated }
          input I { a: Int = 1 }"""));
      assertThat(ast).isEqualTo(json("""
          {"Schema": [{"Description": "", "OperationTypes": [{"Operation": "query", "Type": "Q"}]}],
           "SchemaExtension": [{"Description": "", "Directives": [{"Name": "d", "Location": ""}]}],
           "Directives": [{"Name": "d", "Description": "", "IsRepeatable": true,
             "Locations": ["SCHEMA", "FIELD"], "Arguments": [{"Name": "a", "Description": "",
               "Type": {"NamedType": "Int", "NonNull": false}}]}],
           "Extensions": [{"Kind": "UNION", "Name": "U", "Description": "", "BuiltIn": false,
             "Types": ["A"]}],
           "Definitions": [
             {"Kind": "ENUM", "Name": "E", "Description": "", "BuiltIn": false,
              "EnumValues": [{"Name": "X", "Description": "",
                "Directives": [{"Name": "deprecated", "Location": ""}]}]},
             {"Kind": "INPUT_OBJECT", "Name": "I", "Description": "", "BuiltIn": false,
              "Fields": [{"Name": "a", "Description": "",
                "Type": {"NamedType": "Int", "NonNull": false},
                "DefaultValue": {"Kind": 1, "Raw": "1"}}]}]}"""));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "type Hello {} => expected at least one definition, found } in GraphQL string at location "
            + "1:13",
        "extend type Hello => Unexpected <EOF> in GraphQL string at location 1:18",
        "extend scalar S => Unexpected <EOF> in GraphQL string at location 1:16",
        "extend interface I implements J { a: Int } => Unexpected Name \"implements\" in GraphQL "
            + "string at location 1:20",
        "\"d\" extend type T @x => Unexpected String \"d\" in GraphQL string at location 1:2",
        "union U = Wo || Rld => Expected Name, found | in GraphQL string at location 1:15",
        "input I { a(b: Int): Int } => Expected :, found ( in GraphQL string at location 1:12",
        "directive @d on NOWHERE => Unexpected Name \"NOWHERE\" in GraphQL string at location 1:17",
        "schema { query Q } => Expected :, found Name in GraphQL string at location 1:16",
        "type T { a(): Int } => expected at least one definition, found ) in GraphQL string at "
            + "location 1:12",
        "query { a } => Unexpected Name \"query\" in GraphQL string at location 1:1"})
    void reportsGqlparserSyntaxErrors(String schema, String message) {
      assertThat(error("graphql.parse_schema", str(schema))).isEqualTo(message);
    }

    @Test
    void reportsTheLexerErrorWhenTheParserConsumesTheBadToken() {
      assertThat(error("graphql.parse_schema", str("schema { 'x: Q }"))).isEqualTo(
          "Unexpected single quote character ('), did you mean to use a double quote (\")? "
              + "in GraphQL string at location 1:10");
    }

    @Test
    void showsTheLeadByteOfAnUnexpectedNonAsciiCharacterAsGqlparserDoes() {
      assertThat(error("graphql.parse_schema", str("schema { é: Q }"))).isEqualTo(
          "Cannot parse the unexpected character \"\u00c3\". in GraphQL string at location 1:10");
    }

    @Test
    void reportsAnUnterminatedBlockStringAsInvalidTokenOnItsLastLine() {
      assertThat(error("graphql.parse_schema", str("\"\"\"\r")))
          .isEqualTo("Unexpected <Invalid> in GraphQL string at location 2:1");
    }
  }

  @Nested
  class SchemaIsValid {
    @ParameterizedTest
    @ValueSource(strings = {
        "type Query { a: Int }",
        "scalar Hello",
        "extend type User { id: ID! } union U = User",
        "extend schema @directive",
        "directive @foo repeatable on FIELD",
        "type T { f: String @deprecated } enum E { A @deprecated }",
        "interface I { id: ID! } type A implements I { id: ID! other(x: Int): Int }",
        "interface I { a(x: Int): I } type A implements I { a(x: Int, y: Int = 1): A }",
        "schema { query: Root } type Root { a: Int }",
        "directive @include(if: Boolean!) on FIELD"})
    void acceptsValidSchemas(String schema) throws Exception {
      assertThat(call("graphql.schema_is_valid", str(schema))).isEqualTo(BooleanValue.TRUE);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "type T { a: Missing } => input:1:13: Undefined type Missing.",
        "type T implements I { a: Int } => input:1:6: Undefined type \"I\".",
        "scalar String => input:1:8: Cannot redeclare type String.",
        "type T { a: Int a: Int } => input:1:17: Field T.a can only be defined once.",
        "union U = Int => input:1:7: UNION type \"Int\" must be OBJECT.",
        "enum E { true } => input:1:6: ENUM E: non-enum value true.",
        "schema { query: Nope } => input:1:10: Schema root query refers to a type Nope that does "
            + "not exist.",
        "type __T { a: Int } => input:1:6: Name \"__T\" must not begin with \"__\", which is "
            + "reserved by GraphQL introspection.",
        "type T { a: Int @skip(if: true) } => input:1:18: Directive skip is not applicable on "
            + "FIELD_DEFINITION.",
        "type T { a: Int @nope } => input:1:18: Undefined directive nope.",
        "type T { a(x: T): Int } => input:1:12: cannot use T as argument x because OBJECT is not "
            + "a valid input type",
        "input I { a: T } type T { b: Int } => input:1:11: OBJECT a: field must be one of SCALAR, "
            + "ENUM, INPUT_OBJECT.",
        "type T { a: I } input I { b: Int } => input:1:10: OBJECT T: field must be one of SCALAR, "
            + "OBJECT, INTERFACE, UNION, ENUM.",
        "interface I { a: Int } type T implements I { b: Int } => input:1:29: For T to implement "
            + "I it must have a field called a.",
        "interface I { a: Int! } type T implements I { a: Int } => input:1:47: For T to implement "
            + "I the field a must have type Int!.",
        "extend type T { a: Int } scalar T => input:1:13: Cannot extend type T because the base "
            + "type is a SCALAR, not OBJECT.",
        "directive @d on FIELD directive @d on FIELD => input:1:34: Cannot redeclare directive d.",
        "schema { query: T } schema { query: T } type T { a: Int } => input:1:28: Cannot have "
            + "multiple schema entry points, consider schema extensions instead."})
    void rejectsSchemasWithGqlparsersFirstError(String schema, String problem)
        throws Exception {
      assertThat(call("graphql.schema_is_valid", str(schema))).isEqualTo(BooleanValue.FALSE);
      assertThat(error("graphql.parse", str("{ __typename }"), str(schema)))
          .isEqualTo("Error in gqlparser SchemaDocument to Schema conversion: " + problem);
    }

    @Test
    void unparsableSchemaIsInvalidNotAnError() throws Exception {
      assertThat(call("graphql.schema_is_valid", str("type {")))
          .isEqualTo(BooleanValue.FALSE);
    }
  }

  @Nested
  class Validation {
    @ParameterizedTest
    @ValueSource(strings = {
        "query ($e: Episode!) { hero(episode: $e) { id name } }",
        "{ hero(episode: JEDI) { __typename ... on Droid { primaryFunction } } }",
        "{ search(text: \"x\") { ...C } } fragment C on Character { id }",
        "query ($e: Episode = EMPIRE) { hero(episode: $e) { id } }",
        "{ review(input: {stars: 5, comment: \"ok\"}) }",
        "{ a: search { id } b: search { name } }",
        "{ hero(episode: JEDI) { ... on Human { x: name } ... on Droid { x: name } } }",
        "{ __schema { types { name } } }",
        "{ __type(name: \"Human\") { name } }",
        "{ search(limit: 3) { id } }"})
    void acceptsValidQueries(String query) throws Exception {
      assertThat(call("graphql.is_valid", str(query), str(SCHEMA))).isEqualTo(BooleanValue.TRUE);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "{ hero { id } } => Field \"hero\" argument \"episode\" of type \"Episode!\" is required, "
            + "but it was not provided in GraphQL query string at location 1:3",
        "{ hero(episode: JEDI) { id { __typename } } } => Field \"id\" must not have a selection "
            + "since type \"ID\" has no subfields in GraphQL query string at location 1:25",
        "{ review(input: {comment: \"x\"}) } => Field \"ReviewInput.stars\" of required type "
            + "\"Int!\" was not provided in GraphQL query string at location 1:17",
        "{ search(nope: 1) { id } } => Unknown argument \"nope\" on field \"Query.search\" in "
            + "GraphQL query string at location 1:3",
        "query ($e: Episode!) { search { id } } => Variable \"$e\" is never used in GraphQL query "
            + "string at location 1:8",
        "query Q($e: Episode!) { search { id } } => Variable \"$e\" is never used in operation "
            + "\"Q\" in GraphQL query string at location 1:9",
        "{ hero(episode: $e) { id } } => Variable \"$e\" is not defined in GraphQL query string "
            + "at location 1:17",
        "query ($e: Episode) { hero(episode: $e) { id } } => Variable \"$e\" of type \"Episode\" "
            + "used in position expecting type \"Episode!\" in GraphQL query string at "
            + "location 1:37",
        "{ ...Nope } => Unknown fragment \"Nope\" in GraphQL query string at location 1:6",
        "{ search { id } } fragment F on Character { id } => Fragment \"F\" is never used in "
            + "GraphQL query string at location 1:19",
        "{ search { ...F } } fragment F on Character { ...F } => Cannot spread fragment \"F\" "
            + "within itself in GraphQL query string at location 1:50",
        "{ search { ... on Episode { __typename } } } => Fragment cannot condition on non "
            + "composite type \"Episode\" in GraphQL query string at location 1:16",
        "{ search { ... on Nope { id } } } => Unknown type \"Nope\" in GraphQL query string at "
            + "location 1:16",
        "{ search { ... on Query { __typename } } } => Fragment cannot be spread here as objects "
            + "of type \"Character\" can never be of type \"Query\" in GraphQL query string at "
            + "location 1:16",
        "{ search @nope { id } } => Unknown directive \"@nope\" in GraphQL query string at "
            + "location 1:11",
        "{ search @skip(if: true) @skip(if: false) { id } } => The directive \"@skip\" can only "
            + "be used once at this location in GraphQL query string at location 1:27",
        "{ search @deprecated { id } } => Directive \"@deprecated\" may not be used on FIELD in "
            + "GraphQL query string at location 1:11",
        "{ search @skip { id } } => Directive \"@skip\" argument \"if\" of type \"Boolean!\" is "
            + "required, but it was not provided in GraphQL query string at location 1:11",
        "{ search(text: \"a\", text: \"b\") { id } } => There can be only one argument named "
            + "\"text\" in GraphQL query string at location 1:21",
        "{ search { a: id a: name } } => Fields \"a\" conflict because \"id\" and \"name\" are "
            + "different fields. Use different aliases on the fields to fetch both if this was "
            + "intentional in GraphQL query string at location 1:18",
        "{ search(text: \"a\") { id } search(text: \"b\") { id } } => Fields \"search\" conflict "
            + "because they have differing arguments. Use different aliases on the fields to fetch "
            + "both if this was intentional in GraphQL query string at location 1:28",
        "{ search { ...A ...B } } fragment A on Character { x: id } fragment B on Character { x: "
            + "name } => Fields \"x\" conflict because \"id\" and \"name\" are different fields. "
            + "Use different aliases on the fields to fetch both if this was intentional in "
            + "GraphQL query string at location 1:86",
        "{ search { id } search { id: name } } => Fields \"search\" conflict because subfields "
            + "\"id\" conflict because \"id\" and \"name\" are different fields. Use different "
            + "aliases on the fields to fetch both if this was intentional in GraphQL query string "
            + "at location 1:17",
        "{ hero(episode: JEDI) { ... on Human { x: height } ... on Droid { x: name } } } => "
            + "Fields \"x\" conflict because they return conflicting types \"Float\" and "
            + "\"String\". Use different aliases on the fields to fetch both if this was "
            + "intentional in GraphQL query string at location 1:67"})
    void reportsGqlparserValidationErrorsAsOpaDoes(String query, String message) {
      assertThat(error("graphql.parse", str(query), str(SCHEMA))).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "{ hero(episode: JEDI) { nam } } => Cannot query field \"nam\" on type \"Character\". Did "
            + "you mean \"name\"? @ 1:25",
        "{ hero(episode: JEDI) { height } } => Cannot query field \"height\" on type "
            + "\"Character\". Did you mean to use an inline fragment on \"Human\"? @ 1:25",
        "{ hero(episode: JEDI) } => Field \"hero\" of type \"Character\" must have a selection of "
            + "subfields. Did you mean \"hero { ... }\"? @ 1:3",
        "{ hero(episode: JEDO) { id } } => Value \"JEDO\" does not exist in \"Episode!\" enum. "
            + "Did you mean the enum value \"JEDI\"? @ 1:17",
        "{ hero(episode: \"JEDI\") { id } } => Enum \"Episode!\" cannot represent non-enum value: "
            + "\"JEDI\". Did you mean the enum value \"JEDI\"? @ 1:18",
        "{ search(limit: \"3\") { id } } => Int cannot represent non-integer value: \"3\" @ 1:18",
        "{ search(limit: 99999999999999999999) { id } } => Int cannot represent non 32-bit signed "
            + "integer value: 99999999999999999999 @ 1:17",
        "{ search(text: 1.5) { id } } => String cannot represent a non string value: 1.5 @ 1:16",
        "{ review(input: {stars: 1, star: 2}) } => Field \"star\" is not defined by type "
            + "\"ReviewInput\". Did you mean \"stars\"? @ 1:28",
        "mutation { a } => Schema does not support operation type \"mutation\" @ 1:1"})
    void keepsTheLineBreakOfMessagesNotEndingInAPeriodAsOpaDoes(String query, String expected) {
      String[] messageAndLocation = expected.split(" @ ");
      assertThat(error("graphql.parse", str(query), str(SCHEMA))).isEqualTo(
          messageAndLocation[0] + "\n in GraphQL query string at location "
              + messageAndLocation[1]);
    }

    @Test
    void reportsEveryErrorAfterTheFirstInsideTheMessageAsOpaDoes() {
      assertThat(error("graphql.parse", str("{ search { id } } { search { id } }"), str(SCHEMA)))
          .isEqualTo("This anonymous operation must be the only defined operation.\n"
              + "input:1:19: This anonymous operation must be the only defined operation.\n"
              + "input:1:19: There can be only one operation named \"\" in GraphQL query string "
              + "at location 1:1");
    }

    @Test
    void reportsErrorsOfOneOperationInGqlparsersRuleOrder() {
      assertThat(error("graphql.parse", str("query ($e: Character) { search { id } }"),
          str(SCHEMA))).isEqualTo("Variable \"$e\" is never used.\ninput:1:8: Variable \"$e\" "
              + "cannot be non-input type \"Character\" in GraphQL query string at location 1:8");
    }

    @Test
    void acceptsIntegersBeyond32BitsThatFitGoInt64() throws Exception {
      assertThat(call("graphql.is_valid", str("{ search(limit: 3000000000) { id } }"), str(SCHEMA)))
          .isEqualTo(BooleanValue.TRUE);
    }

    @Test
    void failingQueryIsInvalidNotAnError() throws Exception {
      assertThat(call("graphql.is_valid", str("{ nope }"), str(SCHEMA)))
          .isEqualTo(BooleanValue.FALSE);
      assertThat(call("graphql.is_valid", str("{"), str(SCHEMA))).isEqualTo(BooleanValue.FALSE);
      assertThat(call("graphql.is_valid", str("{ search { id } }"), str("type {")))
          .isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void extendedQueryTypeServesAsTheRoot() throws Exception {
      String schema = "extend type Query { entity: E } union E = U extend type U { id: ID! }";
      assertThat(call("graphql.is_valid", str("{ entity { ... on U { id } } }"), str(schema)))
          .isEqualTo(BooleanValue.TRUE);
    }
  }

  @Nested
  class ParseAndVerify {
    @Test
    void givesBothAstsWhenValid() throws Exception {
      Value result = call("graphql.parse_and_verify", str("{ search { id } }"), str(SCHEMA));
      ArrayValue parts = (ArrayValue) result;
      assertThat(parts.get(0)).isEqualTo(BooleanValue.TRUE);
      assertThat(parts.get(1)).isEqualTo(call("graphql.parse_query", str("{ search { id } }")));
      assertThat(parts.get(2)).isEqualTo(call("graphql.parse_schema", str(SCHEMA)));
      assertThat(call("graphql.parse", str("{ search { id } }"), str(SCHEMA)))
          .isEqualTo(ArrayValue.of(parts.get(1), parts.get(2)));
    }

    @Test
    void givesFalseAndEmptyObjectsWhenInvalid() throws Exception {
      assertThat(call("graphql.parse_and_verify", str("{ nope }"), str(SCHEMA)))
          .isEqualTo(json("[false, {}, {}]"));
    }
  }

  @Nested
  class AstObjects {
    @Test
    void roundTripThroughParse() throws Exception {
      Value query = call("graphql.parse_query",
          str("query Q($e: Episode!) { hero(episode: $e) { id } }"));
      Value schema = call("graphql.parse_schema", str(SCHEMA));
      assertThat(call("graphql.parse", query, schema)).isEqualTo(ArrayValue.of(query, schema));
      assertThat(call("graphql.is_valid", query, schema)).isEqualTo(BooleanValue.TRUE);
      assertThat(call("graphql.schema_is_valid", schema)).isEqualTo(BooleanValue.TRUE);
    }

    @Test
    void matchStructMembersIgnoringCaseAndIgnoreUnknownOnes() throws Exception {
      Value schema = json("""
          {"definitions": [{"KIND": "OBJECT", "name": "Query", "extra": 1,
            "fields": [{"name": "a", "type": {"namedType": "Int"}}]}]}""");
      assertThat(call("graphql.is_valid", str("{ a }"), schema)).isEqualTo(BooleanValue.TRUE);
    }

    @Test
    void decodeEverySelectionAsAFieldAsGqlparserDoes() throws Exception {
      Value query = json("""
          {"Operations": [{"Operation": "query", "SelectionSet": [{"Name": "search",
            "SelectionSet": [{"TypeCondition": "Droid", "SelectionSet": [{"Name": "id"}]}]}]}]}""");
      assertThat(error("graphql.parse", query, str(SCHEMA)))
          .isEqualTo("Cannot query field \"\" on type \"Character\" in GraphQL query string");
      assertThat(call("graphql.parse_and_verify", query, str("""
          type Query { search: [T] } type T { id: ID }"""))).isEqualTo(json("[false, {}, {}]"));
    }

    @Test
    void dropSelectionsThatDecodeAsNothingAndMakeEmptyFieldsOfNulls() throws Exception {
      Value query = json("""
          {"Operations": [{"SelectionSet": [{"Name": "search", "SelectionSet": [
            "junk", {"Alias": "x", "Name": "id", "Directives": 7}, null]}]}]}""");
      Value schema = str("type Query { search: T } type T { id: ID }");
      assertThat(error("graphql.parse", query, schema))
          .isEqualTo("Cannot query field \"\" on type \"T\" in GraphQL query string");
    }

    @Test
    void reportGoJsonTypeErrors() {
      assertThat(error("graphql.parse", str("{ a }"), json("{\"Definitions\": [{\"Name\": 1}]}")))
          .isEqualTo("json: cannot unmarshal number into Go struct field "
              + "Definition.Definitions.Name of type string");
      assertThat(error("graphql.parse", str("{ a }"), json("""
          {"Definitions": [{"Fields": [{"Type": {"NonNull": "yes"}}]}]}""")))
          .isEqualTo("json: cannot unmarshal string into Go struct field "
              + "Type.Definitions.Fields.Type.NonNull of type bool");
      assertThat(error("graphql.parse", json("{\"Operations\": [{\"Name\": true}]}"),
          str(SCHEMA))).isEqualTo("json: cannot unmarshal bool into Go value of type string");
      assertThat(error("graphql.parse", json("""
          {"Operations": [{"VariableDefinitions": [{"Variable": 1}]}]}"""), str(SCHEMA)))
          .isEqualTo("json: cannot unmarshal number into Go struct field "
              + "VariableDefinition.Variable of type string");
      assertThat(error("graphql.parse", json("{\"Operations\": \"x\"}"), str(SCHEMA)))
          .isEqualTo("json: cannot unmarshal string into Go struct field QueryDocument.Operations"
              + " of type ast.OperationList");
    }

    @Test
    void reportValidationErrorsWithoutLocation() {
      Value query = json("""
          {"Operations": [{"Operation": "query", "SelectionSet": [{"Name": "nope"}]}]}""");
      assertThat(error("graphql.parse", query, str(SCHEMA)))
          .isEqualTo("Cannot query field \"nope\" on type \"Query\" in GraphQL query string");
    }
  }
}
