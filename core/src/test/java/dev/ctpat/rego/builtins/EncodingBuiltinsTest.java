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
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EncodingBuiltinsTest {
  private final Family family = new Family(new EncodingBuiltins());

  private Value call(String name, Value... args) throws BuiltinException {
    return family.call(name, args);
  }

  private String callString(String name, String arg) throws BuiltinException {
    return ((StringValue) call(name, str(arg))).value();
  }

  private void assertError(String expectedCode, String expectedMessage, String name,
      Value... args) {
    BuiltinException e = family.error(name, args);
    assertThat(e.code()).isEqualTo(expectedCode);
    assertThat(e.getMessage()).isEqualTo(expectedMessage);
  }

  @Test
  void registersOpaNamesWithOpaArities() {
    assertThat(family.builtins()).containsOnlyKeys("base64.encode", "base64.decode",
        "base64.is_valid", "base64url.encode", "base64url.encode_no_pad", "base64url.decode",
        "hex.encode", "hex.decode", "urlquery.encode", "urlquery.decode",
        "urlquery.encode_object", "urlquery.decode_object", "json.marshal",
        "json.marshal_with_options", "json.unmarshal", "json.is_valid", "yaml.marshal",
        "yaml.unmarshal", "yaml.is_valid");
    assertThat(family.builtin("json.marshal_with_options").arity()).isEqualTo(2);
    assertThat(family.builtins().values()).noneMatch(Builtin::nondeterministic);
  }

  @Nested
  class Base64 {
    @ParameterizedTest
    @CsvSource({"'',''", "hello,aGVsbG8=", "there,dGhlcmU=", "héllo wörld,aMOpbGxvIHfDtnJsZA==",
        "subjects?_d,c3ViamVjdHM/X2Q="})
    void encodesUtf8BytesWithPadding(String plain, String encoded) throws Exception {
      assertThat(callString("base64.encode", plain)).isEqualTo(encoded);
      assertThat(callString("base64.decode", encoded)).isEqualTo(plain);
    }

    @Test
    void decodeIgnoresLineBreaks() throws Exception {
      assertThat(callString("base64.decode", "aGVs\r\nbG8=\n")).isEqualTo("hello");
    }

    @ParameterizedTest
    @CsvSource({"dGhlcmU,4", "dGh!cmU=,3", "=,0", "aGVsbG8=x,8", "aG=,3", "aGVsbG8=aGVs,8"})
    void decodeReportsTheFirstBadByteAsGoDoes(String input, int offset) {
      assertError(BuiltinException.BUILTIN_ERROR, "illegal base64 data at input byte " + offset,
          "base64.decode", str(input));
    }

    @Test
    void decodedBytesThatAreNotUtf8BecomeReplacementCharacters() throws Exception {
      assertThat(callString("base64.decode", "/w==")).isEqualTo("\ufffd");
    }

    @Test
    void isValidAnswersFalseForBadTextAndForNonStrings() throws Exception {
      assertThat(call("base64.is_valid", str("aGVsbG8="))).isEqualTo(BooleanValue.TRUE);
      assertThat(call("base64.is_valid", str("{'not':'base64'}"))).isEqualTo(BooleanValue.FALSE);
      assertThat(call("base64.is_valid", NumberValue.of(1))).isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void urlVariantsUseTheUrlAlphabet() throws Exception {
      assertThat(callString("base64url.encode", "subjects?_d")).isEqualTo("c3ViamVjdHM_X2Q=");
      assertThat(callString("base64url.encode", "hello")).isEqualTo("aGVsbG8=");
      assertThat(callString("base64url.encode_no_pad", "hello")).isEqualTo("aGVsbG8");
      assertThat(callString("base64url.encode_no_pad", "")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aGVsbG8", "aGVsbG8="})
    void urlDecodeAcceptsTextWithOrWithoutPadding(String encoded) throws Exception {
      assertThat(callString("base64url.decode", encoded)).isEqualTo("hello");
    }

    @Test
    void urlDecodeRejectsImpossibleLengthsAndTheStandardAlphabet() {
      assertError(BuiltinException.BUILTIN_ERROR, "illegal base64url string: aGVsb",
          "base64url.decode", str("aGVsb"));
      assertError(BuiltinException.BUILTIN_ERROR, "illegal base64 data at input byte 11",
          "base64url.decode", str("c3ViamVjdHM/X2Q="));
    }
  }

  @Nested
  class Hex {
    @ParameterizedTest
    @CsvSource({"'',''", "lorem ipsum,6c6f72656d20697073756d", "é,c3a9"})
    void encodesAndDecodesUtf8Bytes(String plain, String encoded) throws Exception {
      assertThat(callString("hex.encode", plain)).isEqualTo(encoded);
      assertThat(callString("hex.decode", encoded)).isEqualTo(plain);
    }

    @Test
    void decodeAcceptsUppercaseDigits() throws Exception {
      assertThat(callString("hex.decode", "4A4b")).isEqualTo("JK");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fghijkl|encoding/hex: invalid byte: U+0067 'g'",
        "abc|encoding/hex: odd length hex string",
        "abz|encoding/hex: invalid byte: U+007A 'z'",
        "a é|encoding/hex: invalid byte: U+0020 ' '",
        "aé|encoding/hex: invalid byte: U+00C3 'Ã'"})
    void decodeReportsGoErrors(String input, String message) {
      assertError(BuiltinException.BUILTIN_ERROR, message, "hex.decode", str(input));
    }
  }

  @Nested
  class UrlQuery {
    @ParameterizedTest
    @CsvSource({"a=b+1,a%3Db%2B1", "'',''", "a b,a+b", "é/?&,%C3%A9%2F%3F%26", "-_.~,-_.~"})
    void encodesAsGoQueryEscapeDoes(String plain, String encoded) throws Exception {
      assertThat(callString("urlquery.encode", plain)).isEqualTo(encoded);
    }

    @ParameterizedTest
    @CsvSource({"a%3Db%2B1,a=b+1", "a+b,a b", "%C3%A9,é", "%e9,\ufffd"})
    void decodesPlusAsSpaceAndPercentEscapes(String encoded, String plain) throws Exception {
      assertThat(callString("urlquery.decode", encoded)).isEqualTo(plain);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a%zz|invalid URL escape \"%zz\"",
        "abc%4|invalid URL escape \"%4\"", "%|invalid URL escape \"%\""})
    void decodeRejectsBadEscapes(String input, String message) {
      assertError(BuiltinException.BUILTIN_ERROR, message, "urlquery.decode", str(input));
    }

    @Test
    void encodeObjectSortsKeysAndRepeatsMultiValuedKeys() throws Exception {
      Value params = json("{\"b\": \"y z\", \"a\": [\"c=b+1\", \"x\"], \"e\": []}");
      assertThat(call("urlquery.encode_object", params)).isEqualTo(str("a=c%3Db%2B1&a=x&b=y+z"));
    }

    @Test
    void encodeObjectTakesSetsInSortedOrder() throws Exception {
      Value params = ObjectValue.of(str("a"), SetValue.of(str("z"), str("b+1")));
      assertThat(call("urlquery.encode_object", params)).isEqualTo(str("a=b%2B1&a=z"));
      assertThat(call("urlquery.encode_object", json("{}"))).isEqualTo(str(""));
    }

    @Test
    void encodeObjectRejectsNonStringValues() {
      String message = "operand 1 values must be string, array[string], or set[string]";
      assertError(BuiltinException.TYPE_ERROR, message, "urlquery.encode_object",
          json("{\"a\": 1}"));
      assertError(BuiltinException.TYPE_ERROR, message, "urlquery.encode_object",
          json("{\"a\": [\"x\", 1]}"));
    }

    @Test
    void decodeObjectGroupsValuesByKeyInOrder() throws Exception {
      assertThat(call("urlquery.decode_object", str("a=value_a1&b=value_b&a=value_a2")))
          .isEqualTo(json("{\"a\": [\"value_a1\", \"value_a2\"], \"b\": [\"value_b\"]}"));
      assertThat(call("urlquery.decode_object", str("a=value_a1&b&&c=x+y%21")))
          .isEqualTo(json("{\"a\": [\"value_a1\"], \"b\": [\"\"], \"c\": [\"x y!\"]}"));
      assertThat(call("urlquery.decode_object", str(""))).isEqualTo(json("{}"));
    }

    @Test
    void decodeObjectRejectsSemicolonsAndBadEscapes() {
      assertError(BuiltinException.BUILTIN_ERROR, "invalid semicolon separator in query",
          "urlquery.decode_object", str("a=1;b=2"));
      assertError(BuiltinException.BUILTIN_ERROR, "invalid URL escape \"%zz\"",
          "urlquery.decode_object", str("a=1&b=%zz"));
    }
  }

  @Nested
  class JsonMarshal {
    @Test
    void writesCompactJsonWithSortedKeysAndSetsAsArrays() throws Exception {
      Value v = ArrayValue.of(ObjectValue.of(
          str("foo"), SetValue.of(NumberValue.of(3), NumberValue.of(1), NumberValue.of(2)),
          str("bar"), NullValue.INSTANCE));
      assertThat(call("json.marshal", v)).isEqualTo(str("[{\"bar\":null,\"foo\":[1,2,3]}]"));
    }

    @Test
    void escapesHtmlCharactersAndLineSeparatorsAsGoDoes() throws Exception {
      assertThat(call("json.marshal", str("<a href=\"x\">&\u2028\b\u0001")))
          .isEqualTo(str("\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u2028\\b\\u0001\""));
    }

    @Test
    void writesNonStringKeysAsTheirJsonText() throws Exception {
      Value v = ObjectValue.of(NumberValue.of(10), str("a"),
          NumberValue.of(9), str("b"));
      assertThat(call("json.marshal", v)).isEqualTo(str("{\"10\":\"a\",\"9\":\"b\"}"));
    }

    @Test
    void keepsNumbersExact() throws Exception {
      Value numbers = json("[1234567890, 2e6, 0.1, 123456789012345678901234567890]");
      assertThat(call("json.marshal", numbers))
          .isEqualTo(str("[1234567890,2000000,0.1,123456789012345678901234567890]"));
    }

    @Test
    void prefixOrIndentImplyPrettyPrintingWithTabsByDefault() throws Exception {
      Value v = json("[1, {\"b\": [], \"a\": {}}]");
      assertThat(call("json.marshal_with_options", v, json("{\"pretty\": true}")))
          .isEqualTo(str("[\n\t1,\n\t{\n\t\t\"a\": {},\n\t\t\"b\": []\n\t}\n]"));
      assertThat(call("json.marshal_with_options", v, json("{\"prefix\": \"> \"}")))
          .isEqualTo(str("> [\n> \t1,\n> \t{\n> \t\t\"a\": {},\n> \t\t\"b\": []\n> \t}\n> ]"));
      assertThat(call("json.marshal_with_options", v, json("{\"indent\": \"  \"}")))
          .isEqualTo(str("[\n  1,\n  {\n    \"a\": {},\n    \"b\": []\n  }\n]"));
    }

    @Test
    void explicitPrettyFalseWinsAndEmptyOptionsAreCompact() throws Exception {
      Value v = json("[1, 2]");
      assertThat(call("json.marshal_with_options", v,
          json("{\"pretty\": false, \"prefix\": \"NO!\", \"indent\": \"BAD!\"}")))
          .isEqualTo(str("[1,2]"));
      assertThat(call("json.marshal_with_options", v, json("{}"))).isEqualTo(str("[1,2]"));
      assertThat(call("json.marshal_with_options", json("[]"),
          json("{\"indent\": \"    \", \"prefix\": \"---\"}"))).isEqualTo(str("---[]"));
    }

    @Test
    void rejectsUnknownOrMistypedOptions() {
      assertError(BuiltinException.TYPE_ERROR,
          "operand 2 object contained unknown key \"include_winning_lottery_numbers\"",
          "json.marshal_with_options", json("[]"),
          json("{\"indent\": \"  \", \"include_winning_lottery_numbers\": true}"));
      assertError(BuiltinException.TYPE_ERROR, "operand 2 key \"pretty\" failed cast to bool",
          "json.marshal_with_options", json("[]"), json("{\"pretty\": 1}"));
      assertError(BuiltinException.TYPE_ERROR,
          "operand 2 key \"prefix\" failed cast to string: operand 1 must be string but got number",
          "json.marshal_with_options", json("[]"), json("{\"indent\": \"\", \"prefix\": 1}"));
    }
  }

  @Nested
  class JsonUnmarshal {
    @Test
    void readsJsonWithExactNumbers() throws Exception {
      Value text = str("[{\"foo\":[1,2,3]}, 1e400, -0.5, \"\\u00e9\\ud83d\\ude00\"]");
      assertThat(call("json.unmarshal", text))
          .isEqualTo(json("[{\"foo\": [1, 2, 3]}, 1e400, -0.5, \"é😀\"]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|EOF",
        "' \n'|EOF",
        "{|unexpected EOF",
        "[1,2|unexpected EOF",
        "\"abc|unexpected EOF",
        "x|invalid character 'x' looking for beginning of value",
        "é|invalid character 'Ã' looking for beginning of value",
        "{\"a\" 1}|invalid character '1' after object key",
        "{\"a\":1 \"b\":2}|invalid character '\"' after object key:value pair",
        "{\"a\":1,}|invalid character '}' looking for beginning of object key string",
        "[1 2]|invalid character '2' after array element",
        "[1,]|invalid character ']' looking for beginning of value",
        "1.e5|invalid character 'e' after decimal point in numeric literal",
        "-x|invalid character 'x' in numeric literal",
        "1e+|unexpected EOF",
        "1ex|invalid character 'x' in exponent of numeric literal",
        "trux|invalid character 'x' in literal true (expecting 'e')",
        "nul|unexpected EOF",
        "\"\\x\"|invalid character 'x' in string escape code",
        "\"\\u12g4\"|invalid character 'g' in \\u hexadecimal character escape",
        "'\"a\tb\"'|invalid character '\\t' in string literal",
        "1 2|error: invalid character '2' after top-level value",
        "{} []|error: invalid character '[' after top-level value",
        "\"a\" \"bc\"|error: invalid character 'bc' after top-level value",
        "1 }|invalid character '}' looking for beginning of value"})
    void reportsGoDecoderErrors(String input, String message) {
      assertError(BuiltinException.BUILTIN_ERROR, message, "json.unmarshal", str(input));
    }

    @Test
    void ignoresATrailingNullAsGoDecoderDoes() throws Exception {
      assertThat(call("json.unmarshal", str("1 null"))).isEqualTo(NumberValue.of(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"json\": \"ok\"}|true", "plainstring|false", "{|false",
        "' 1 '|true", "''|false", "[1] [2]|false", "01|false"})
    void isValidFollowsGoJsonValid(String input, boolean valid) throws Exception {
      assertThat(call("json.is_valid", str(input))).isEqualTo(BooleanValue.of(valid));
    }

    @Test
    void isValidIsFalseForNonStrings() throws Exception {
      assertThat(call("json.is_valid", NumberValue.of(1))).isEqualTo(BooleanValue.FALSE);
    }
  }

  @Nested
  class Yaml {
    @Test
    void marshalWritesBlockStyleWithUnindentedSequences() throws Exception {
      Value v = ArrayValue.of(ObjectValue.of(str("foo"),
          SetValue.of(NumberValue.of(1), NumberValue.of(2), NumberValue.of(3))));
      assertThat(call("yaml.marshal", v)).isEqualTo(str("- foo:\n  - 1\n  - 2\n  - 3\n"));
    }

    @Test
    void marshalQuotesStringsThatWouldReadAsOtherTypes() throws Exception {
      Value v = json("{\"a\": \"true\", \"b\": \"yes\", \"c\": \"1.5\", \"d\": \"\", "
          + "\"e\": \"2001-12-14\", \"f\": \"12:30\", \"g\": \"a: b\", \"h\": \"null\", "
          + "\"i\": \"plain text\", \"j\": \"- x\"}");
      assertThat(call("yaml.marshal", v)).isEqualTo(str("a: \"true\"\nb: \"yes\"\nc: \"1.5\"\n"
          + "d: \"\"\ne: \"2001-12-14\"\nf: \"12:30\"\ng: 'a: b'\nh: \"null\"\ni: plain text\n"
          + "j: '- x'\n"));
    }

    @Test
    void marshalWritesMultiLineTextAsLiteralBlocks() throws Exception {
      assertThat(call("yaml.marshal", json("{\"s\": \"line1\\nline2\"}")))
          .isEqualTo(str("s: |-\n  line1\n  line2\n"));
    }

    @Test
    void marshalOrdersKeysNaturallyAsGoYamlDoes() throws Exception {
      Value doc = json("{\"b10\": 1, \"b9\": 2, \"a\": 3, \"B\": 4, \"_x\": 5}");
      assertThat(call("yaml.marshal", doc))
          .isEqualTo(str("_x: 5\nB: 4\na: 3\nb9: 2\nb10: 1\n"));
    }

    @Test
    void marshalWritesScalarsEmptyCollectionsAndFloats() throws Exception {
      assertThat(call("yaml.marshal", str("foo"))).isEqualTo(str("foo\n"));
      assertThat(call("yaml.marshal", NullValue.INSTANCE)).isEqualTo(str("null\n"));
      assertThat(call("yaml.marshal", json("{\"a\": {}, \"b\": [], \"c\": 1.5, \"d\": 1e-7, "
          + "\"e\": 1e30, \"f\": 12345678901234567890, \"g\": \"é\"}")))
          .isEqualTo(str("a: {}\nb: []\nc: 1.5\nd: 1e-07\ne: 1e+30\nf: 12345678901234567890\n"
              + "g: é\n"));
    }

    @Test
    void roundTripsThroughUnmarshal() throws Exception {
      Value v = json("{\"foo\": [1, 2, 3], \"nested\": {\"s\": \"yes\", \"t\": \"a\\nb\", "
          + "\"n\": null, \"f\": -0.25}}");
      assertThat(call("yaml.unmarshal", call("yaml.marshal", v))).isEqualTo(v);
    }

    @Test
    void unmarshalTypesScalarsAsYaml11() throws Exception {
      String doc = "a: yes\nb: off\nc: y\nd: ~\ne: 0x1F\nf: 017\ng: 09\nh: 1e3\ni: 1_000\n"
          + "j: 2001-12-14\nk: !!binary aGVsbG8=\nl: 'quoted: yes'\nm: 12345678901234567890123\n";
      assertThat(call("yaml.unmarshal", str(doc))).isEqualTo(json("{\"a\": true, \"b\": false, "
          + "\"c\": true, \"d\": null, \"e\": 31, \"f\": 15, \"g\": 9, \"h\": 1000, \"i\": 1000, "
          + "\"j\": \"2001-12-14\", \"k\": \"hello\", \"l\": \"quoted: yes\", "
          + "\"m\": 12345678901234568000000}"));
    }

    @Test
    void unmarshalTurnsKeysIntoStrings() throws Exception {
      assertThat(call("yaml.unmarshal", str("1: a\n1.5: b\ntrue: c\n~: d\non: e")))
          .isEqualTo(json("{\"1\": \"a\", \"1.5\": \"b\", \"true\": \"e\", \"null\": \"d\"}"));
    }

    @Test
    void unmarshalResolvesAliasesAndMergeKeys() throws Exception {
      assertThat(call("yaml.unmarshal", str("a: &x [1, 2]\nb: *x\nc:\n  <<: {k: v, j: 0}\n  j: 1")))
          .isEqualTo(json("{\"a\": [1, 2], \"b\": [1, 2], \"c\": {\"j\": 1, \"k\": \"v\"}}"));
    }

    @Test
    void unmarshalReadsOnlyTheFirstDocument() throws Exception {
      assertThat(call("yaml.unmarshal", str("--- 1\n--- 2"))).isEqualTo(NumberValue.of(1));
      assertThat(call("yaml.unmarshal", str(""))).isEqualTo(NullValue.INSTANCE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1,2,3|yaml: line 1: did not find expected ',' or ']'",
        "a: b: c|yaml: line 1: mapping values are not allowed in this context",
        "'foo:\n - qux: bar\n - baz: {'|yaml: line 3: did not find expected node content",
        "'\tx: 1'|yaml: line 1: found character that cannot start any token",
        "a: &a [*a]|yaml: anchor value contains itself",
        "a: .inf|json: unsupported value: +Inf"})
    void unmarshalReportsGoYamlErrors(String input, String message) {
      assertError(BuiltinException.BUILTIN_ERROR, message, "yaml.unmarshal", str(input));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'foo:\n - qux: bar\n - baz: 2'|true",
        "'foo:\n - qux: bar\n - baz: {'|false", "{\"json\": \"ok\"}|true", "''|true"})
    void isValidTellsWhetherUnmarshalWouldSucceed(String input, boolean valid) throws Exception {
      assertThat(call("yaml.is_valid", str(input))).isEqualTo(BooleanValue.of(valid));
    }

    @Test
    void isValidIsFalseForNonStrings() throws Exception {
      assertThat(call("yaml.is_valid", NumberValue.of(1))).isEqualTo(BooleanValue.FALSE);
    }
  }
}
