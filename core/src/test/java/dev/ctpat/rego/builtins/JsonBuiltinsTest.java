package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBuiltinsTest {
  private final Family family = new Family(new JsonBuiltins());

  private static Value set(Value... members) {
    return SetValue.of(members);
  }

  @Nested
  class Filter {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}|[\"a/b/c\", \"e\"]"
            + "|{\"a\": {\"b\": {\"c\": 7}}, \"e\": 9}",
        "{\"a\": {\"b\": {\"c\": 7, \"d\": 8}, \"e\": 9}}|[\"a/b/c\", \"a/e\"]"
            + "|{\"a\": {\"b\": {\"c\": 7}, \"e\": 9}}",
        "{\"a\": 7}|[]|{}",
        "{}|[\"a/b\"]|{}",
        "{\"a\": [{\"b\": 7, \"c\": 8}, {\"d\": 9}]}|[\"a/0/b\", \"a/1\"]"
            + "|{\"a\": [{\"b\": 7}, {\"d\": 9}]}",
        "{\"a\": [{\"1\": [\"b\", \"c\", \"d\"]}, {\"x\": \"y\"}]}|[\"a/0/1/2\"]"
            + "|{\"a\": [{\"1\": [\"d\"]}]}",
        "{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}|[[\"a\", \"b\", \"c\"], [\"e\"]]"
            + "|{\"a\": {\"b\": {\"c\": 7}}, \"e\": 9}",
        "{\"a\": {\"b\": {\"c\": 7, \"d\": 8, \"x\": 0}}, \"e\": 9}"
            + "|[\"a/b/d\", [\"a\", \"b\", \"c\"]]"
            + "|{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}}",
        "{\"a\": {\"b\": 1, \"c\": 2}}|[\"a/b\", \"a\"]|{\"a\": {\"b\": 1, \"c\": 2}}",
        "{\"a/b\": 1, \"m~n\": 2, \"x\": 3}|[\"/a~1b\", \"m~0n\"]|{\"a/b\": 1, \"m~n\": 2}",
        "{\"a\": 1}|[\"\"]|{}"})
    void keepsOnlyTheGivenPaths(String doc, String paths, String expected) throws Exception {
      assertThat(family.call("json.filter", json(doc), json(paths))).isEqualTo(json(expected));
    }

    @Test
    void acceptsPathsAsASet() throws Exception {
      assertThat(family.call("json.filter", json("{\"a\": {\"b\": 2, \"c\": 3}}"),
          set(str("a/b")))).isEqualTo(json("{\"a\": {\"b\": 2}}"));
    }

    @Test
    void addressesArrayElementsOnlyByStringIndexes() throws Exception {
      assertThat(family.call("json.filter", json("{\"a\": [1, 2]}"), json("[[\"a\", 1]]")))
          .isEqualTo(json("{\"a\": []}"));
    }

    @Test
    void filtersSetMembersByValue() throws Exception {
      Value doc = ObjectValue.of(str("s"), set(str("x"), str("y")));
      assertThat(family.call("json.filter", doc, json("[\"s/x\"]")))
          .isEqualTo(ObjectValue.of(str("s"), set(str("x"))));
    }
  }

  @Nested
  class Remove {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}|[\"a/b/c\", \"e\"]"
            + "|{\"a\": {\"b\": {\"d\": 8}}}",
        "{\"a\": 7}|[]|{\"a\": 7}",
        "{}|[\"a/b\"]|{}",
        "{\"a\": {\"b\": 7}, \"c\": 1}|[\"a\", \"c\"]|{}",
        "{\"a\": [{\"b\": 7, \"c\": 8}, {\"d\": 9}]}|[\"a/0/b\", \"a/1\"]|{\"a\": [{\"c\": 8}]}",
        "{\"a\": {\"b\": {\"c\": 7, \"d\": 8, \"x\": 0}}, \"e\": 9}"
            + "|[\"a/b/d\", [\"a\", \"b\", \"c\"]]"
            + "|{\"a\": {\"b\": {\"x\": 0}}, \"e\": 9}",
        "{\"a\": [0, 1, 2, 3]}|[\"a/1\", \"a/2\"]|{\"a\": [0, 3]}",
        "{\"a\": 1}|[\"\"]|{\"a\": 1}",
        "{\"a\": 1}|[\"a/b/c\"]|{\"a\": 1}"})
    void dropsTheGivenPaths(String doc, String paths, String expected) throws Exception {
      assertThat(family.call("json.remove", json(doc), json(paths))).isEqualTo(json(expected));
    }

    @Test
    void removesSetMembersByValue() throws Exception {
      Value doc = ObjectValue.of(str("s"), set(str("x"), str("y")));
      assertThat(family.call("json.remove", doc, set(str("s/x"))))
          .isEqualTo(ObjectValue.of(str("s"), set(str("y"))));
    }

    @Test
    void rejectsTargetsThatAreNotObjects() {
      BuiltinException e = family.uncheckedError("json.remove", str("foo"), set(str("a/b/c")));
      assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
      assertThat(e.getMessage()).isEqualTo("operand 1 must be object but got string");
    }

    @Test
    void rejectsPathListsThatAreNotCollections() {
      BuiltinException e = family.uncheckedError("json.remove", json("{}"), BooleanValue.TRUE);
      assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
      assertThat(e.getMessage()).isEqualTo("operand 2 must be one of {set, array} but got boolean");
    }

    @Test
    void rejectsPathsThatAreNeitherStringsNorArrays() {
      String prefix = "operand 2 must be one of {set, array} containing string paths or array "
          + "of path segments but got ";
      BuiltinException e = family.uncheckedError("json.remove", json("{}"),
          set(NumberValue.of(1), str("a")));
      assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
      assertThat(e.getMessage()).isEqualTo(prefix + "number");
      assertThat(family.uncheckedError("json.filter", json("{}"), json("[\"a\", {\"x\": 1}]"))
          .getMessage()).isEqualTo(prefix + "object");
    }
  }

  @Nested
  class Patch {
    private Value patch(String doc, String ops) throws BuiltinException {
      return family.call("json.patch", json(doc), json(ops));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"foo\": \"bar\"}|[{\"op\": \"add\", \"path\": \"/baz\", \"value\": \"qux\"}]"
            + "|{\"baz\": \"qux\", \"foo\": \"bar\"}",
        "{\"foo\": [\"bar\", \"baz\"]}"
            + "|[{\"op\": \"add\", \"path\": \"/foo/1\", \"value\": \"qux\"}]"
            + "|{\"foo\": [\"bar\", \"qux\", \"baz\"]}",
        "{\"baz\": \"qux\", \"foo\": \"bar\"}|[{\"op\": \"remove\", \"path\": \"/baz\"}]"
            + "|{\"foo\": \"bar\"}",
        "{\"foo\": [\"bar\", \"qux\", \"baz\"]}|[{\"op\": \"remove\", \"path\": \"/foo/1\"}]"
            + "|{\"foo\": [\"bar\", \"baz\"]}",
        "{\"baz\": \"qux\"}|[{\"op\": \"replace\", \"path\": \"/baz\", \"value\": \"boo\"}]"
            + "|{\"baz\": \"boo\"}",
        "{\"foo\": {\"bar\": \"baz\", \"waldo\": \"fred\"}, \"qux\": {\"corge\": \"grault\"}}"
            + "|[{\"op\": \"move\", \"from\": \"/foo/waldo\", \"path\": \"/qux/thud\"}]"
            + "|{\"foo\": {\"bar\": \"baz\"}, "
            + "\"qux\": {\"corge\": \"grault\", \"thud\": \"fred\"}}",
        "{\"foo\": [\"all\", \"grass\", \"cows\", \"eat\"]}"
            + "|[{\"op\": \"move\", \"from\": \"/foo/1\", \"path\": \"/foo/3\"}]"
            + "|{\"foo\": [\"all\", \"cows\", \"eat\", \"grass\"]}",
        "{\"baz\": [{\"qux\": \"hello\"}]}"
            + "|[{\"op\": \"copy\", \"from\": \"/baz/0\", \"path\": \"/boo\"}]"
            + "|{\"baz\": [{\"qux\": \"hello\"}], \"boo\": {\"qux\": \"hello\"}}",
        "{\"baz\": \"qux\", \"foo\": [\"a\", 2]}"
            + "|[{\"op\": \"test\", \"path\": \"/baz\", \"value\": "
            + "\"qux\"}, {\"op\": \"test\", \"path\": \"/foo/1\", \"value\": 2}]"
            + "|{\"baz\": \"qux\", \"foo\": [\"a\", 2]}",
        "{\"/\": 9, \"~1\": 10}|[{\"op\": \"test\", \"path\": \"/~01\", \"value\": 10}]"
            + "|{\"/\": 9, \"~1\": 10}",
        "[1, 2, [3, [4, 5]]]|[{\"op\": \"add\", \"path\": \"/2/1/-\", \"value\": 6}]"
            + "|[1, 2, [3, [4, 5, 6]]]",
        "{\"foo\": \"bar\"}|[{\"op\": \"add\", \"path\": \"\", \"value\": [1]}]|[1]",
        "{}|[{\"op\": \"add\", \"path\": \"/\", \"value\": 1}]|{\"\": 1}",
        "{\"foo\": 1}|[{\"op\": \"add\", \"path\": \"/0\", \"value\": \"bar\"}]"
            + "|{\"foo\": 1, \"0\": \"bar\"}",
        "{\"foo\": 1}|[{\"op\": \"move\", \"from\": \"/foo\", \"path\": \"/foo\"}]|{\"foo\": 1}",
        "[1, 2, 3, 4]"
            + "|[{\"op\": \"remove\", \"path\": \"/1\"}, {\"op\": \"remove\", \"path\": \"/2\"}]"
            + "|[1, 3]",
        "{\"a\": {\"b\": 1}}|[{\"op\": \"add\", \"path\": [\"a\", \"c\"], \"value\": 2}]"
            + "|{\"a\": {\"b\": 1, \"c\": 2}}",
        "[\"x\"]|[{\"op\": \"replace\", \"path\": [0], \"value\": \"y\"}]|[\"y\"]",
        "{\"foo\": 1}|[]|{\"foo\": 1}",
        "{\"foo\": 1}|[{\"op\": \"test\", \"path\": \"/foo\", \"value\": 1, \"spurious\": 1}]"
            + "|{\"foo\": 1}"})
    void appliesOperationsInOrder(String doc, String ops, String expected) throws Exception {
      assertThat(patch(doc, ops)).isEqualTo(json(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"q\": {\"bar\": 2}}|[{\"op\": \"add\", \"path\": \"/a/b\", \"value\": 1}]",
        "{\"baz\": \"qux\"}|[{\"op\": \"test\", \"path\": \"/baz\", \"value\": \"bar\"}]",
        "{\"/\": 9, \"~1\": 10}|[{\"op\": \"test\", \"path\": \"/~01\", \"value\": \"10\"}]",
        "{\"bar\": [1, 2]}|[{\"op\": \"add\", \"path\": \"/bar/8\", \"value\": 5}]",
        "{\"bar\": [1, 2]}|[{\"op\": \"add\", \"path\": \"/bar/-1\", \"value\": 5}]",
        "[\"foo\", \"bar\"]|[{\"op\": \"test\", \"path\": \"/1e0\", \"value\": \"bar\"}]",
        "[\"foo\", \"bar\"]|[{\"op\": \"test\", \"path\": \"/01\", \"value\": \"bar\"}]",
        "[\"foo\", \"sil\"]|[{\"op\": \"add\", \"path\": \"/bar\", \"value\": 42}]",
        "[1, 2, 3]|[{\"op\": \"add\", \"path\": \"1.2\", \"value\": \"foo\"}]",
        "{\"foo\": \"bar\"}|[{\"op\": \"remove\", \"path\": \"/baz\"}]",
        "[\"foo\", \"bar\"]|[{\"op\": \"remove\", \"path\": \"/2\"}]",
        "{\"bar\": \"baz\"}|[{\"op\": \"replace\", \"path\": \"/foo/bar\", \"value\": false}]",
        "{}|[{\"op\": \"add\", \"value\": \"bar\"}]",
        "{}|[{\"op\": \"add\", \"path\": null, \"value\": \"bar\"}]",
        "[1]|[{\"op\": \"add\", \"path\": \"/-\"}]",
        "[1]|[{\"op\": \"copy\", \"path\": \"/-\"}]",
        "{\"foo\": 1}|[{\"op\": \"move\", \"from\": \"/bar\", \"path\": \"/foo\"}]",
        "{\"foo\": 1}|[{\"op\": \"spam\", \"path\": \"/foo\", \"value\": 1}]",
        "{\"foo\": 1}|[{\"op\": 1, \"path\": \"/foo\"}]",
        "{\"foo\": 1}|[1]",
        "{\"foo\": 1}|[{\"op\": \"remove\", \"path\": \"\"}]",
        "{\"a\": {\"b\": 1}}|[{\"op\": \"move\", \"from\": \"/a\", \"path\": \"/a/c\"}]",
        "\"scalar\"|[{\"op\": \"add\", \"path\": \"/x\", \"value\": 1}]"})
    void isUndefinedWhenAnyOperationFails(String doc, String ops) throws Exception {
      assertThat(patch(doc, ops)).isNull();
    }

    @Test
    void addsAndRemovesSetMembersByValue() throws Exception {
      Value doc = ObjectValue.of(str("foo"), set(str("a"), str("b"), str("c")));
      assertThat(family.call("json.patch", doc,
          json("[{\"op\": \"remove\", \"path\": \"foo/b\"}]")))
          .isEqualTo(ObjectValue.of(str("foo"), set(str("a"), str("c"))));
      assertThat(family.call("json.patch", doc,
          json("[{\"op\": \"add\", \"path\": \"foo/d\", \"value\": \"d\"}]")))
          .isEqualTo(ObjectValue.of(str("foo"), set(str("a"), str("b"), str("c"), str("d"))));
    }

    @Test
    void addingToASetNeedsTheKeyToBeTheValue() throws Exception {
      Value doc = ObjectValue.of(str("foo"), set(str("a")));
      assertThat(family.call("json.patch", doc,
          json("[{\"op\": \"add\", \"path\": \"foo/d\", \"value\": \"e\"}]"))).isNull();
    }

    @Test
    void movesMembersBetweenSets() throws Exception {
      Value doc = ObjectValue.of(str("foo"), set(str("a"), str("b")), str("bar"),
          set(str("c"), str("d")));
      assertThat(family.call("json.patch", doc,
          json("[{\"op\": \"move\", \"from\": \"foo/a\", \"path\": \"bar/a\"}]")))
          .isEqualTo(ObjectValue.of(str("foo"), set(str("b")), str("bar"),
              set(str("a"), str("c"), str("d"))));
    }

    @Test
    void editsInsideACompositeSetMember() throws Exception {
      Value doc = set(json("[1]"));
      Value ops = ArrayValue.of(ObjectValue.of(str("op"), str("add"), str("path"),
          ArrayValue.of(json("[1]"), NumberValue.of(1)), str("value"), NumberValue.of(2)));
      assertThat(family.call("json.patch", doc, ops)).isEqualTo(set(json("[1, 2]")));
    }
  }

  @Nested
  class Schema {
    private static final String ID_SCHEMA =
        "{\"properties\": {\"id\": {\"type\": \"integer\"}}, \"required\": [\"id\"]}";

    private Value error(String field, String type, String desc) {
      return ObjectValue.of(str("error"), str(field + ": " + desc), str("type"), str(type),
          str("field"), str(field), str("desc"), str(desc));
    }

    @Test
    void verifyAcceptsSchemasAsStringsOrObjects() throws Exception {
      Value ok = ArrayValue.of(BooleanValue.TRUE, NullValue.INSTANCE);
      assertThat(family.call("json.verify_schema", str("{}"))).isEqualTo(ok);
      assertThat(family.call("json.verify_schema", str(ID_SCHEMA))).isEqualTo(ok);
      assertThat(family.call("json.verify_schema", json(ID_SCHEMA))).isEqualTo(ok);
    }

    @Test
    void verifyReportsBrokenJson() throws Exception {
      assertThat(family.call("json.verify_schema", str("{ \"a\": \"")))
          .isEqualTo(ArrayValue.of(BooleanValue.FALSE, str("jsonschema: invalid JSON string")));
    }

    @Test
    void verifyReportsSchemasTheMetaSchemaRejects() throws Exception {
      Value result = family.call("json.verify_schema",
          json("{\"properties\": {\"id\": {\"type\": \"UNKNOWN\"}}}"));
      assertThat(((ArrayValue) result).get(0)).isEqualTo(BooleanValue.FALSE);
      assertThat(((ArrayValue) result).get(1).toString()).contains("jsonschema: ", "type");
    }

    @Test
    void verifyRejectsPatternsThatAreNotRe2() throws Exception {
      Value result = family.call("json.verify_schema", json("{\"pattern\": \"(?<=a)b\"}"));
      assertThat(((ArrayValue) result).get(0)).isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void verifyRefusesRemoteReferences() throws Exception {
      Value result = family.call("json.verify_schema",
          json("{\"$ref\": \"http://example.com/schema.json\"}"));
      assertThat(result).isEqualTo(ArrayValue.of(BooleanValue.FALSE, str(
          "jsonschema: remote schema references are not allowed: http://example.com/schema.json")));
    }

    @Test
    void matchReturnsTrueAndNoErrorsForAValidDocument() throws Exception {
      assertThat(family.call("json.match_schema", str("{\"id\": 5}"), str(ID_SCHEMA)))
          .isEqualTo(ArrayValue.of(BooleanValue.TRUE, ArrayValue.EMPTY));
      assertThat(family.call("json.match_schema", str("{}"), str("{}")))
          .isEqualTo(ArrayValue.of(BooleanValue.TRUE, ArrayValue.EMPTY));
    }

    @Test
    void matchDescribesErrorsAsGojsonschemaDoes() throws Exception {
      assertThat(family.call("json.match_schema", json("{\"id\": \"test\"}"), json(ID_SCHEMA)))
          .isEqualTo(ArrayValue.of(BooleanValue.FALSE, ArrayValue.of(error("id", "invalid_type",
              "Invalid type. Expected: integer, given: string"))));
      assertThat(family.call("json.match_schema", json("{}"), json(ID_SCHEMA)))
          .isEqualTo(ArrayValue.of(BooleanValue.FALSE, ArrayValue.of(error("(root)", "required",
              "id is required"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"minimum\": 5}|3|(root)|number_gte|Must be greater than or equal to 5",
        "{\"exclusiveMaximum\": 1.5}|2|(root)|number_lt|Must be less than 1.5",
        "{\"maximum\": 1000000}|2000000|(root)|number_lte|Must be less than or equal to 1000000",
        "{\"multipleOf\": 2}|3|(root)|multiple_of|Must be a multiple of 2",
        "{\"minLength\": 3}|\"ab\"|(root)|string_gte"
            + "|String length must be greater than or equal to 3",
        "{\"maxLength\": 1}|\"ab\"|(root)|string_lte|String length must be less than or equal to 1",
        "{\"pattern\": \"^a\"}|\"b\"|(root)|pattern|Does not match pattern '^a'",
        "{\"format\": \"email\"}|\"x\"|(root)|format|Does not match format 'email'",
        "{\"enum\": [\"a\", 1]}|2|(root)|enum|(root) must be one of the following: \"a\", 1",
        "{\"const\": {\"a\": 1}}|{\"a\": 2}|(root)|const|(root) does not match: {\"a\":1}",
        "{\"items\": {\"maxItems\": 1}}|[[1, 2]]|0|array_max_items|Array must have at most 1 items",
        "{\"minItems\": 2}|[1]|(root)|array_min_items|Array must have at least 2 items",
        "{\"uniqueItems\": true}|[1, 2, 1]|(root)|unique|array items[0,2] must be unique",
        "{\"minProperties\": 1}|{}|(root)|array_min_properties|Must have at least 1 properties",
        "{\"additionalProperties\": false}|{\"x\": 1}|(root)|additional_property_not_allowed"
            + "|Additional property x is not allowed",
        "{\"properties\": {\"a\": {\"type\": [\"string\", \"null\"]}}}|{\"a\": 1}|a|invalid_type"
            + "|Invalid type. Expected: [string,null], given: integer",
        "{\"not\": {\"type\": \"integer\"}}|1|(root)|number_not|Must not validate the schema (not)",
        "{\"dependencies\": {\"a\": [\"b\"]}}|{\"a\": 1}|(root)|missing_dependency"
            + "|Has a dependency on b"})
    void matchUsesGojsonschemaTypesAndWording(String schema, String doc, String field,
        String type, String desc) throws Exception {
      assertThat(family.call("json.match_schema", str(doc), str(schema)))
          .isEqualTo(ArrayValue.of(BooleanValue.FALSE, ArrayValue.of(error(field, type, desc))));
    }

    @Test
    void matchNamesNestedFieldsWithDotsAndIndexes() throws Exception {
      Value result = family.call("json.match_schema", json("{\"a\": [{\"b\": \"x\"}]}"),
          json("{\"properties\": {\"a\": {\"items\": {\"properties\": {\"b\": "
              + "{\"type\": \"number\"}}}}}}"));
      assertThat(result).isEqualTo(ArrayValue.of(BooleanValue.FALSE, ArrayValue.of(
          error("a.0.b", "invalid_type", "Invalid type. Expected: number, given: string"))));
    }

    @Test
    void matchFailsForABrokenDocumentOrSchema() {
      assertThat(family.error("json.match_schema", str("{ \"a\": \""), str("{}")).getMessage())
          .isEqualTo("invalid JSON string");
      assertThat(family.error("json.match_schema", str("{}"), str("{ \"a\": \"")).code())
          .isEqualTo(BuiltinException.BUILTIN_ERROR);
      assertThat(family.error("json.match_schema", str("{\"id\": 5}"),
          json("{\"properties\": {\"id\": {\"type\": \"UNKNOWN\"}}}")).code())
          .isEqualTo(BuiltinException.BUILTIN_ERROR);
    }

    @Test
    void matchHonoursTheDeclaredDraft() throws Exception {
      Value schema = json("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", "
          + "\"prefixItems\": [{\"type\": \"string\"}]}");
      Value result = family.call("json.match_schema", str("[1]"), schema);
      assertThat(((ArrayValue) result).get(0)).isEqualTo(BooleanValue.FALSE);
    }
  }
}
