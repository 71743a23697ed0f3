package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.num;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.set;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringBuiltinsTest {
  private final Family strings = new Family(new StringBuiltins());

  private Value call(String name, Value... args) throws BuiltinException {
    return strings.call(name, args);
  }

  private static void assertTypeError(BuiltinException e, String message) {
    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e).hasMessage(message);
  }

  private static void assertBuiltinError(BuiltinException e, String message) {
    assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    assertThat(e).hasMessage(message);
  }

  @Test
  void registersOpaNamesInTheStringsCategory() {
    assertThat(strings.builtins().keySet()).containsExactlyInAnyOrder(
        "concat", "contains", "endswith", "startswith", "format_int", "indexof", "indexof_n",
        "lower", "upper", "replace", "split", "substring", "trim", "trim_left", "trim_prefix",
        "trim_right", "trim_suffix", "trim_space", "strings.any_prefix_match",
        "strings.any_suffix_match", "strings.count", "strings.render_template",
        "strings.replace_n", "strings.reverse");
    assertThat(strings.builtins().values()).allMatch(b -> b.category().equals("strings"));
    assertThat(strings.builtin("substring").type())
        .isEqualTo(Types.fn(Types.STRING, Types.STRING, Types.NUMBER, Types.NUMBER));
    assertThat(strings.builtin("strings.replace_n").type().args())
        .containsExactly(Types.objectOf(Types.STRING, Types.STRING), Types.STRING);
  }

  @Nested
  class Concat {
    @Test
    void joinsArrayInOrder() throws Exception {
      assertThat(call("concat", str("/"), json("[\"\", \"foo\", \"bar\", \"0\"]")))
          .isEqualTo(str("/foo/bar/0"));
    }

    @Test
    void joinsSetInSortedOrder() throws Exception {
      assertThat(call("concat", str(", "), set("\"b\"", "\"a\"", "\"c\"")))
          .isEqualTo(str("a, b, c"));
    }

    @Test
    void emptyAndSingleCollections() throws Exception {
      assertThat(call("concat", str("-"), json("[]"))).isEqualTo(str(""));
      assertThat(call("concat", str("-"), set())).isEqualTo(str(""));
      assertThat(call("concat", str("-"), json("[\"x\"]"))).isEqualTo(str("x"));
    }

    @Test
    void rejectsNonStringMembers() {
      assertTypeError(strings.error("concat", str(","), json("[\"a\", 1]")),
          "operand 2 must be array of strings but got array containing number");
      assertTypeError(strings.error("concat", str(","), set("null")),
          "operand 2 must be set of strings but got set containing null");
    }
  }

  @ParameterizedTest(name = "{0}(\"{1}\", \"{2}\") = {3}")
  @CsvSource(delimiter = '|', value = {
      "contains   | abcdefgh | defg | true",
      "contains   | abc      | ''   | true",
      "contains   | abc      | abcd | false",
      "contains   | å😀ö     | 😀   | true",
      "startswith | abcdefgh | abcd | true",
      "startswith | abcdefgh | bcd  | false",
      "startswith | ''       | ''   | true",
      "endswith   | abcdefgh | fgh  | true",
      "endswith   | abcdefgh | fg   | false",
      "endswith   | å😀      | 😀   | true",
  })
  void substringPredicates(String name, String s, String part, boolean expected)
      throws Exception {
    assertThat(call(name, str(s), str(part))).isEqualTo(BooleanValue.of(expected));
  }

  @Nested
  class FormatInt {
    @ParameterizedTest(name = "format_int({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', value = {
        "15.5                    | 16 | f",
        "-15.5                   | 16 | -f",
        "255                     | 16 | ff",
        "10                      | 2  | 1010",
        "8                       | 8  | 10",
        "3.1                     | 10 | 3",
        "-3.9                    | 10 | -3",
        "0.5                     | 10 | 0",
        "9223372036854775807     | 10 | 9223372036854775807",
        "18446744073709551616    | 16 | 10000000000000000",
        // Beyond 64 bits OPA goes through a 64-bit-mantissa big.Float and loses low digits.
        "12345678901234567890123 | 10 | 12345678901234567889920",
    })
    void formatsTruncatedValue(String number, int base, String expected) throws Exception {
      assertThat(call("format_int", num(number), NumberValue.of(base))).isEqualTo(str(expected));
    }

    @Test
    void rejectsOtherBases() {
      assertTypeError(strings.error("format_int", num("4.1"), num("199")),
          "operand 2 must be one of {2, 8, 10, 16}");
      assertTypeError(strings.error("format_int", num("4"), num("2.5")),
          "operand 2 must be one of {2, 8, 10, 16}");
    }
  }

  @Nested
  class IndexOf {
    @ParameterizedTest(name = "indexof(\"{0}\", \"{1}\") = {2}")
    @CsvSource(delimiter = '|', value = {
        "abcdefgh       | cde   | 2",
        "abcabcabcdefgh | cde   | 8",
        "abcdefgh       | xyz   | -1",
        "μx             | x     | 1",
        "μ              | μμ    | -1",
        "skön var våren | vår   | 9",
        "🍧🍨🧁🍰🍮     | 🍮    | 4",
        "🍧🍨🧁🍰🍮     | 🍨🧁  | 1",
    })
    void countsCodePoints(String haystack, String needle, int expected) throws Exception {
      assertThat(call("indexof", str(haystack), str(needle))).isEqualTo(NumberValue.of(expected));
    }

    @Test
    void emptyNeedleIsAnError() {
      assertBuiltinError(strings.error("indexof", str("abc"), str("")), "empty search character");
      assertBuiltinError(strings.error("indexof_n", str("abc"), str("")), "empty search character");
    }

    @ParameterizedTest(name = "indexof_n(\"{0}\", \"{1}\") = {2}")
    @CsvSource(delimiter = '|', value = {
        "dreamweaver | e   | [2, 6, 9]",
        "aaaa        | aa  | [0, 1, 2]",
        "🍧a🍧a      | a   | [1, 3]",
        "😀😀😀      | 😀😀 | [0, 1]",
        "abc         | x   | []",
    })
    void indexOfNFindsOverlappingOccurrences(String haystack, String needle, String expected)
        throws Exception {
      assertThat(call("indexof_n", str(haystack), str(needle))).isEqualTo(json(expected));
    }
  }

  @ParameterizedTest(name = "{0}(\"{1}\") = \"{2}\"")
  @CsvSource(delimiter = '|', value = {
      "upper | AbCdEf | ABCDEF",
      "lower | AbCdEf | abcdef",
      "upper | äöü    | ÄÖÜ",
      // Go maps rune by rune: no "SS" for ß, no dotted i̇ for İ.
      "upper | straße | STRAßE",
      "lower | İ      | i",
      "upper | ǅ      | Ǆ",
      "lower | ''     | ''",
      "upper | 😀a    | 😀A",
  })
  void caseMappingIsPerCodePoint(String name, String input, String expected) throws Exception {
    assertThat(call(name, str(input))).isEqualTo(str(expected));
  }

  @ParameterizedTest(name = "replace(\"{0}\", \"{1}\", \"{2}\") = \"{3}\"")
  @CsvSource(delimiter = '|', value = {
      "foo.bar.baz | .   | ,   | foo,bar,baz",
      "aaaa        | aa  | b   | bb",
      "''          | hi  | bye | ''",
      "abc         | ''  | -   | -a-b-c-",
      "😀😁        | ''  | -   | -😀-😁-",
      "''          | ''  | x   | x",
      "abc         | x   | y   | abc",
  })
  void replaceAllOccurrences(String s, String old, String replacement, String expected)
      throws Exception {
    assertThat(call("replace", str(s), str(old), str(replacement))).isEqualTo(str(expected));
  }

  @ParameterizedTest(name = "split(\"{0}\", \"{1}\") = {2}")
  @CsvSource(delimiter = '|', value = {
      "foo.bar.baz | .  | [\"foo\", \"bar\", \"baz\"]",
      "foo         | .  | [\"foo\"]",
      "''          | .  | [\"\"]",
      "a..b.       | .  | [\"a\", \"\", \"b\", \"\"]",
      "a--b--c     | -- | [\"a\", \"b\", \"c\"]",
      "abc         | '' | [\"a\", \"b\", \"c\"]",
      "😀é         | '' | [\"😀\", \"é\"]",
      "''          | '' | []",
  })
  void splitOnLiteralDelimiter(String s, String delimiter, String expected) throws Exception {
    assertThat(call("split", str(s), str(delimiter))).isEqualTo(json(expected));
  }

  @Nested
  class Substring {
    @ParameterizedTest(name = "substring(\"{0}\", {1}, {2}) = \"{3}\"")
    @CsvSource(delimiter = '|', value = {
        "abcdefgh    | 2 | 3             | cde",
        "abcdefgh    | 2 | -1            | cdefgh",
        "abcdefgh    | 2 | 10000         | cdefgh",
        "abcdefgh    | 0 | 8             | abcdefgh",
        "abcdefgh    | 0 | 0             | ''",
        "aaa         | 3 | -1            | ''",
        "aaa         | 7 | 2             | ''",
        "''          | 0 | 5             | ''",
        "åäö         | 0 | 2             | åä",
        "aåäö        | 2 | -1            | äö",
        "😀😁😂       | 1 | 1             | 😁",
        "abcdefghåäö | 2 | 10000         | cdefghåäö",
        "abc         | 1 | 1000000000000 | bc",
    })
    void countsCodePoints(String s, long offset, long length, String expected)
        throws Exception {
      assertThat(call("substring", str(s), NumberValue.of(offset), NumberValue.of(length)))
          .isEqualTo(str(expected));
    }

    @Test
    void negativeOffsetIsAnError() {
      assertBuiltinError(strings.error("substring", str("aaa"), num("-1"), num("-1")),
          "negative offset");
      assertBuiltinError(strings.error("substring", str(""), num("-1"), num("1")),
          "negative offset");
    }

    @Test
    void offsetAndLengthMustBeIntegers() {
      assertTypeError(strings.error("substring", str("abc"), num("1.5"), num("1")),
          "operand 2 must be integer number but got floating-point number");
      assertTypeError(strings.error("substring", str("abc"), num("1"), num("0.5")),
          "operand 3 must be integer number but got floating-point number");
    }
  }

  @ParameterizedTest(name = "{0}(\"{1}\", \"{2}\") = \"{3}\"")
  @CsvSource(delimiter = '|', value = {
      "trim        | ...foo.bar... | .        | foo.bar",
      "trim        | ...foo.bar... | .fr      | oo.ba",
      "trim        | ¡¡¡foo, bar!!! | ¡!       | 'foo, bar'",
      "trim        | ¡¡¡foo, bar!!! | i        | ¡¡¡foo, bar!!!",
      "trim        | 😀x😀          | 😀       | x",
      "trim        | abc           | ''       | abc",
      "trim        | ''            | .        | ''",
      "trim_left   | ..foo..       | .        | foo..",
      "trim_right  | ..foo..       | .        | ..foo",
      "trim_prefix | ¡¡¡foo, bar!!! | ¡¡¡foo   | ', bar!!!'",
      "trim_prefix | ¡¡¡foo, bar!!! | ¡¡¡bar   | ¡¡¡foo, bar!!!",
      "trim_prefix | aaa           | a        | aa",
      "trim_suffix | ¡¡¡foo, bar!!! | ', bar!!!' | ¡¡¡foo",
      "trim_suffix | aaa           | a        | aa",
  })
  void trimFamily(String name, String s, String cut, String expected) throws Exception {
    assertThat(call(name, str(s), str(cut))).isEqualTo(str(expected));
  }

  @Test
  void trimSpaceUsesGoWhiteSpace() throws Exception {
    assertThat(call("trim_space", str(" \t\n foo, bar \n\t\r\n"))).isEqualTo(str("foo, bar"));
    assertThat(call("trim_space", str("\u00a0\u3000x\u2009\u0085"))).isEqualTo(str("x"));
    // U+001C..U+001F are white space to Java but not to Go.
    assertThat(call("trim_space", str("\u001cx\u001f"))).isEqualTo(str("\u001cx\u001f"));
    assertThat(call("trim_space", str("   "))).isEqualTo(str(""));
  }

  @Nested
  class AnyPrefixAndSuffixMatch {
    @ParameterizedTest(name = "any_prefix_match({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', value = {
        "[\"a/b/c\", \"a/b/d\", \"e/f/g\"]    | [\"a/\", \"d/\"]  | true",
        "[\"a/b/c\", \"a/b/d\", \"e/f/g\"]    | [\"f/\", \"d/\"]  | false",
        "[\"aa/bb/cc\", \"ee/ff/gg\"]         | [\"a/b\", \"e/f\"] | false",
        "[\"aa/bb/cc\", \"ee/ff/gg\"]         | [\"aa/b\"]        | true",
        "[\"a/b/c\"]                          | \"a/\"            | true",
        "\"a/b/c\"                            | [\"g/\", \"a/b/c\"] | true",
        "\"abc\"                              | \"\"              | true",
        "[]                                   | [\"a\"]           | false",
        "[\"a\"]                              | []                | false",
    })
    void prefixes(String strs, String prefixes, boolean expected) throws Exception {
      assertThat(call("strings.any_prefix_match", json(strs), json(prefixes)))
          .isEqualTo(BooleanValue.of(expected));
    }

    @Test
    void acceptsSets() throws Exception {
      assertThat(call("strings.any_prefix_match", set("\"a/b\"", "\"c/d\""), set("\"c/\"")))
          .isEqualTo(BooleanValue.TRUE);
      assertThat(call("strings.any_suffix_match", set("\"a.txt\""), set("\".md\"", "\".txt\"")))
          .isEqualTo(BooleanValue.TRUE);
    }

    @ParameterizedTest(name = "any_suffix_match({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', value = {
        "[\"a/b/c\", \"x/y\"]  | [\"/c\"]      | true",
        "[\"a/b/c\", \"x/y\"]  | [\"/b\", \"z\"] | false",
        "\"image.png\"         | \".png\"      | true",
        "\"x😀\"               | \"😀\"        | true",
        "\"😀\"                | \"x😀\"       | false",
    })
    void suffixes(String strs, String suffixes, boolean expected) throws Exception {
      assertThat(call("strings.any_suffix_match", json(strs), json(suffixes)))
          .isEqualTo(BooleanValue.of(expected));
    }

    @Test
    void membersMustBeStrings() {
      assertTypeError(strings.error("strings.any_prefix_match", json("[1, 2]"), json("[\"a\"]")),
          "operand 1 must be array of strings but got array containing number");
      assertTypeError(strings.error("strings.any_suffix_match", str("a"), set("true")),
          "operand 2 must be set of strings but got set containing boolean");
    }
  }

  @ParameterizedTest(name = "strings.count(\"{0}\", \"{1}\") = {2}")
  @CsvSource(delimiter = '|', value = {
      "cheese                  | e     | 3",
      "hello hello hello world | hello | 3",
      "dummy                   | x     | 0",
      "aaaa                    | aa    | 2",
      "five                    | ''    | 5",
      "😀😀                    | ''    | 3",
      "''                      | ''    | 1",
  })
  void countsNonOverlappingOccurrences(String s, String needle, int expected) throws Exception {
    assertThat(call("strings.count", str(s), str(needle))).isEqualTo(NumberValue.of(expected));
  }

  @Nested
  class ReplaceN {
    @Test
    void replacesEveryPattern() throws Exception {
      assertThat(call("strings.replace_n", json("{\"<\": \"&lt;\", \">\": \"&gt;\"}"),
          str("This is <b>HTML</b>!"))).isEqualTo(str("This is &lt;b&gt;HTML&lt;/b&gt;!"));
    }

    @Test
    void firstPatternInKeyOrderWinsAtAPosition() throws Exception {
      assertThat(call("strings.replace_n", json("{\"foo\": \"xxx\", \"f\": \"x\"}"),
          str("foobar"))).isEqualTo(str("xoobar"));
      assertThat(call("strings.replace_n", json("{\"ab\": \"1\", \"b\": \"2\"}"), str("abb")))
          .isEqualTo(str("12"));
    }

    @Test
    void replacementsAreNotRescanned() throws Exception {
      assertThat(call("strings.replace_n", json("{\"a\": \"b\", \"b\": \"a\"}"), str("ab")))
          .isEqualTo(str("ba"));
    }

    @Test
    void emptyPatternMatchesBetweenCodePoints() throws Exception {
      assertThat(call("strings.replace_n", json("{\"\": \"-\", \"a\": \"b\"}"), str("ab")))
          .isEqualTo(str("-b-b-"));
      assertThat(call("strings.replace_n", json("{\"\": \"-\"}"), str("😀")))
          .isEqualTo(str("-😀-"));
    }

    @Test
    void noPatterns() throws Exception {
      assertThat(call("strings.replace_n", ObjectValue.EMPTY, str("abc"))).isEqualTo(str("abc"));
    }

    @Test
    void rejectsNonStringKeysAndValues() {
      assertTypeError(strings.error("strings.replace_n",
              ObjectValue.of(NumberValue.of(2), str("x")), str("foo")),
          "operand 1 non-string key found in pattern object");
      assertTypeError(strings.error("strings.replace_n", json("{\"f\": 100}"), str("foo")),
          "operand 1 non-string value found in pattern object");
    }
  }

  @ParameterizedTest(name = "strings.reverse(\"{0}\") = \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "bar  | rab",
      "1😀𝛾 | 𝛾😀1",
      "''   | ''",
  })
  void reverseByCodePoint(String s, String expected) throws Exception {
    assertThat(call("strings.reverse", str(s))).isEqualTo(str(expected));
  }

  @Test
  void reverseSplitsCombiningSequences() throws Exception {
    // A keycap emoji is three code points; Go reverses them like any other runes.
    assertThat(call("strings.reverse", str("2\ufe0f\u20e3"))).isEqualTo(str("\u20e3\ufe0f2"));
  }

  @Nested
  class RenderTemplate {
    private Value render(String template, String varsJson) throws BuiltinException {
      return call("strings.render_template", str(template), json(varsJson));
    }

    @ParameterizedTest(name = "{0} with {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "Hello {{.name}}!          | {\"name\": \"World\"}            | Hello World!",
        "{{ .name }}               | {\"name\": \"x\"}                | x",
        "{{.a.b.c}}                | {\"a\": {\"b\": {\"c\": 7}}}     | 7",
        "{{.n}} {{.f}} {{.t}}      | {\"n\": 10, \"f\": 1.5, \"t\": true} | 10 1.5 true",
        "[{{.x}}]                  | {\"x\": null}                    | [<nil>]",
        "{{.l}}                    | {\"l\": [1, \"a\", [true], null]} | [1 a [true] <nil>]",
        "{{.o}}                    | {\"o\": {\"b\": 1, \"a\": \"x\"}} | map[a:x b:1]",
        "{{.}}                     | {\"k\": 1}                        | map[k:1]",
        "{{.missing}}              | {}                                | <undefined>",
        "{{.missing.deeper}}       | {}                                | <undefined>",
        "a{{/* note */}}b          | {}                                | ab",
        "a  {{- .x -}}  b          | {\"x\": 1}                        | a1b",
        "a  {{- /* c */ -}}  b     | {}                                | ab",
        "a -{{.x}}- b              | {\"x\": 1}                        | a -1- b",
        "{{.ünï_1}}                | {\"ünï_1\": \"u\"}                | u",
        "no actions                | {}                                | no actions",
    })
    void rendersFieldReferences(String template, String vars, String expected)
        throws Exception {
      assertThat(render(template, vars)).isEqualTo(str(expected));
    }

    @Test
    void keepsMultilineTextAndTrimsNewlines() throws Exception {
      assertThat(render("line {{.a}}\n{{- .b}}\n", "{\"a\": 1, \"b\": 2}"))
          .isEqualTo(str("line 12\n"));
    }

    @Test
    void rendersSetsAsSortedLists() throws Exception {
      Value vars = ObjectValue.of(str("s"), set("3", "1", "2"));
      assertThat(call("strings.render_template", str("{{.s}}"), vars)).isEqualTo(str("[1 2 3]"));
    }

    @Test
    void fieldOfAScalarIsAnExecutionError() {
      assertBuiltinError(strings.error("strings.render_template", str("x {{.a.b}}"),
              json("{\"a\": \"str\"}")),
          "template: template:1:4: executing \"template\" at <.a.b>: "
              + "can't evaluate field b in type interface {}");
      assertBuiltinError(strings.error("strings.render_template", str("é\n  {{ .a.b }}"),
              json("{\"a\": null}")),
          "template: template:2:5: executing \"template\" at <.a.b>: "
              + "nil pointer evaluating interface {}.b");
    }

    @Test
    void unsupportedActionsAreErrors() {
      assertBuiltinError(strings.error("strings.render_template", str("{{range .x}}a{{end}}"),
              json("{\"x\": [1]}")),
          "template: template:1: unsupported action \"{{range .x}}\": "
              + "only field references such as {{.name}} are supported");
      assertThat(strings.error("strings.render_template", str("{{.a | printf \"%d\"}}"),
          json("{}"))).hasMessageContaining("unsupported action");
    }

    @Test
    void malformedTemplatesAreParseErrors() {
      assertBuiltinError(strings.error("strings.render_template", str("a\n{{.x"), json("{}")),
          "template: template:2: unclosed action");
      assertBuiltinError(strings.error("strings.render_template", str("{{/* x"), json("{}")),
          "template: template:1: unclosed comment");
      assertBuiltinError(strings.error("strings.render_template", str("{{/* x */ .a}}"),
              json("{}")),
          "template: template:1: comment ends before closing delimiter");
    }
  }
}
