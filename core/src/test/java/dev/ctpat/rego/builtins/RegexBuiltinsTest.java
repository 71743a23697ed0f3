package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected results agree with Go's regexp package, which OPA uses. */
class RegexBuiltinsTest {
  private final Family regex = new Family(new RegexBuiltins());

  private static void assertBuiltinError(BuiltinException e, String message) {
    assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    assertThat(e).hasMessage(message);
  }

  @Test
  void registersOpaNamesInTheRegexCategory() {
    assertThat(regex.builtins().keySet()).containsExactlyInAnyOrder("regex.match", "re_match",
        "regex.is_valid", "regex.split", "regex.find_n", "regex.find_all_string_submatch_n",
        "regex.replace", "regex.template_match", "regex.globs_match");
    assertThat(regex.builtins().values()).allMatch(b -> b.category().equals("regex"));
    assertThat(regex.builtin("regex.is_valid").type())
        .isEqualTo(Types.fn(Types.BOOLEAN, Types.ANY));
    assertThat(regex.builtin("regex.find_all_string_submatch_n").type().result())
        .isEqualTo(Types.arrayOf(Types.arrayOf(Types.STRING)));
  }

  @Nested
  class Match {
    @ParameterizedTest(name = "regex.match(`{0}`, \"{1}\") = {2}")
    @CsvSource(delimiter = '|', value = {
        "^[a-z]+\\[[0-9]+\\]$ | foo[1]      | true",
        "^[a-z]+\\[[0-9]+\\]$ | foo[\"bar\"] | false",
        "b                    | abc         | true",
        "^b                   | abc         | false",
        "(?i)ABC              | xabcx       | true",
        "^.$                  | 😀          | true",
        "^\\p{Greek}+$        | αβγ         | true",
        "''                   | ''          | true",
    })
    void findsMatchAnywhere(String pattern, String value, boolean expected) throws Exception {
      assertThat(regex.call("regex.match", str(pattern), str(value)))
          .isEqualTo(BooleanValue.of(expected));
      assertThat(regex.call("re_match", str(pattern), str(value)))
          .isEqualTo(BooleanValue.of(expected));
    }

    @Test
    void dotDoesNotMatchNewlineUnlessAsked() throws Exception {
      assertThat(regex.call("regex.match", str("a.c"), str("a\nc"))).isEqualTo(BooleanValue.FALSE);
      assertThat(regex.call("regex.match", str("(?s)a.c"), str("a\nc")))
          .isEqualTo(BooleanValue.TRUE);
    }

    @ParameterizedTest(name = "`{0}`: {1}")
    @CsvSource(delimiter = '|', value = {
        "][  | error parsing regexp: missing closing ]: `[`",
        "a)  | error parsing regexp: unexpected ): `a)`",
        "\\  | error parsing regexp: trailing backslash at end of expression: ``",
        "a** | error parsing regexp: invalid nested repetition operator: `**`",
        "(?z | error parsing regexp: invalid or unsupported Perl syntax: `(?z`",
    })
    void badPatternsFailWithGoMessages(String pattern, String message) {
      assertBuiltinError(regex.error("regex.match", str(pattern), str("x")), message);
      assertBuiltinError(regex.error("re_match", str(pattern), str("x")), message);
    }
  }

  @Test
  void isValidNeverFails() throws Exception {
    assertThat(regex.call("regex.is_valid", str(".+"))).isEqualTo(BooleanValue.TRUE);
    assertThat(regex.call("regex.is_valid", str("++"))).isEqualTo(BooleanValue.FALSE);
    assertThat(regex.call("regex.is_valid", str(""))).isEqualTo(BooleanValue.TRUE);
    assertThat(regex.call("regex.is_valid", NumberValue.of(10))).isEqualTo(BooleanValue.FALSE);
  }

  @ParameterizedTest(name = "regex.split(`{0}`, \"{1}\") = {2}")
  @CsvSource(delimiter = '|', value = {
      "a           | banana  | [\"b\", \"n\", \"n\", \"\"]",
      "z+          | pizza   | [\"pi\", \"a\"]",
      "^[a-z]+$    | ''      | [\"\"]",
      "''          | abc     | [\"a\", \"b\", \"c\"]",
      "''          | ''      | []",
      ",           | a,b,    | [\"a\", \"b\", \"\"]",
      "x*          | axbc    | [\"a\", \"b\", \"c\"]",
      "\\s+        | ' a  b ' | [\"\", \"a\", \"b\", \"\"]",
      "😀          | x😀y😀   | [\"x\", \"y\", \"\"]",
  })
  void splitAroundMatches(String pattern, String value, String expected) throws Exception {
    assertThat(regex.call("regex.split", str(pattern), str(value))).isEqualTo(json(expected));
  }

  @Nested
  class Find {
    @ParameterizedTest(name = "regex.find_n(`{0}`, \"{1}\", {2}) = {3}")
    @CsvSource(delimiter = '|', value = {
        "a.      | paranormal | -1 | [\"ar\", \"an\", \"al\"]",
        "a.      | paranormal | 2  | [\"ar\", \"an\"]",
        "a.      | paranormal | 0  | []",
        "bork    | paranormal | -1 | []",
        "a*      | baaab      | -1 | [\"\", \"aaa\", \"\"]",
        "''      | 😀a        | -1 | [\"\", \"\", \"\"]",
        "\\d+    | a1b22c333  | 5  | [\"1\", \"22\", \"333\"]",
        "(?i)é   | ÉéE        | -1 | [\"É\", \"é\"]",
    })
    void findN(String pattern, String value, int n, String expected) throws Exception {
      assertThat(regex.call("regex.find_n", str(pattern), str(value), NumberValue.of(n)))
          .isEqualTo(json(expected));
    }

    @ParameterizedTest(name = "regex.find_all_string_submatch_n(`{0}`, \"{1}\", {2}) = {3}")
    @CsvSource(delimiter = '|', value = {
        "a(x*)b                      | -ab-axb-  | -1 | [[\"ab\", \"\"], [\"axb\", \"x\"]]",
        "(?P<user>\\w+)@(?P<h>\\w+)  | x@y z@w   | 1  | [[\"x@y\", \"x\", \"y\"]]",
        "'(a)|(b)'                   | ab        | -1 | "
            + "[[\"a\", \"a\", \"\"], [\"b\", \"\", \"b\"]]",
        "[^aouiye]([aouiye])([^aouiye])? | somestri | -1 | "
            + "[[\"som\", \"o\", \"m\"], [\"ri\", \"i\", \"\"]]",
        "q                           | abc       | -1 | []",
    })
    void findAllSubmatches(String pattern, String value, int n, String expected)
        throws Exception {
      assertThat(regex.call("regex.find_all_string_submatch_n", str(pattern), str(value),
          NumberValue.of(n))).isEqualTo(json(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"regex.find_n", "regex.find_all_string_submatch_n"})
    void countMustBeAnInteger(String name) {
      BuiltinException e = regex.error(name, str("a"), str("a"), NumberValue.parse("1.5"));
      assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
      assertThat(e).hasMessage("operand 3 must be integer number but got floating-point number");
    }
  }

  @ParameterizedTest(name = "regex.replace(\"{0}\", `{1}`, \"{2}\") = \"{3}\"")
  @CsvSource(delimiter = '|', value = {
      "-wy-wxxy-  | w(x*)y                        | 0                  | -0-0-",
      "foo        | (foo)                         | $1$1               | foofoo",
      // $1x names group "1x", which does not exist.
      "foo        | (foo)                         | $1x                | ''",
      "foo        | (foo)                         | ${1}x              | foox",
      "banana     | a                             | $$                 | b$n$n$",
      "John Smith | (?P<first>\\w+) (?P<last>\\w+) | '${last}, ${first}' | 'Smith, John'",
      "foo        | (?P<n>o)                      | $n                 | foo",
      "foo        | (o)                           | [$0]               | f[o][o]",
      "foo        | (o)                           | $2                 | f",
      "foo        | (o)                           | $01                | f",
      "foo        | o                             | a$                 | fa$a$",
      // No empty match right after a match, and empty matches advance by a code point.
      "baaac      | a*                            | X                  | XbXcX",
      "😀         | ''                            | -                  | -😀-",
      "abc        | x                             | y                  | abc",
  })
  void replaceExpandsGoTemplates(String value, String pattern, String template, String expected)
      throws Exception {
    assertThat(regex.call("regex.replace", str(value), str(pattern), str(template)))
        .isEqualTo(str(expected));
  }

  @Test
  void replaceWithBadPatternFails() {
    assertBuiltinError(regex.error("regex.replace", str("foo"), str("["), str("$1")),
        "error parsing regexp: missing closing ]: `[`");
  }

  @Nested
  class TemplateMatch {
    @ParameterizedTest(name = "regex.template_match(\"{0}\", \"{1}\", \"{2}\", \"{3}\") = {4}")
    @CsvSource(delimiter = '|', value = {
        "urn:foo:{.*}          | urn:foo:bar:baz | { | } | true",
        "urn:foo:<.*>          | urn:foo:bar:baz | < | > | true",
        "urn:foo:{[a-z]+}      | urn:foo:bar:baz | { | } | false",
        "id-{[0-9]{3}}         | id-123          | { | } | true",
        "id-{[0-9]{3}}         | id-1234         | { | } | false",
        "a.b<.*>               | axbc            | < | > | false",
        "a.b<.*>               | a.bc            | < | > | true",
        "<[a-z]+>-<[0-9]+>     | abc-123         | < | > | true",
        "no-vars               | no-vars         | < | > | true",
    })
    void matchesWholeValue(String template, String value, String start, String end,
        boolean expected) throws Exception {
      assertThat(regex.call("regex.template_match", str(template), str(value), str(start),
          str(end))).isEqualTo(BooleanValue.of(expected));
    }

    @Test
    void delimitersMustBeSingleBytes() {
      assertBuiltinError(regex.error("regex.template_match",
          str("x"), str("x"), str("{{"), str("}")),
          "start delimiter has to be exactly one character long but is 2 long");
      // OPA reports the start delimiter's length here.
      assertBuiltinError(regex.error("regex.template_match",
          str("x"), str("x"), str("{"), str("}}")),
          "end delimiter has to be exactly one character long but is 1 long");
      assertBuiltinError(regex.error("regex.template_match",
          str("x"), str("x"), str("é"), str("}")),
          "start delimiter has to be exactly one character long but is 2 long");
    }

    @Test
    void malformedTemplatesFail() {
      assertBuiltinError(regex.error("regex.template_match",
          str("a{b"), str("x"), str("{"), str("}")),
          "unbalanced braces in \"a{b\"");
      assertBuiltinError(regex.error("regex.template_match",
          str("a}b{"), str("x"), str("{"), str("}")),
          "unbalanced braces in \"a}b{\"");
      assertBuiltinError(regex.error("regex.template_match",
          str("x{[}"), str("x"), str("{"), str("}")),
          "error parsing regexp: missing closing ]: `[$`");
    }
  }

  @Nested
  class GlobsMatch {
    @ParameterizedTest(name = "regex.globs_match(`{0}`, `{1}`) = {2}")
    @CsvSource(delimiter = '|', value = {
        "a.a.[0-9]+z  | .b.b2359825792*594823z | true",
        "[a-z]+       | [0-9]*                 | false",
        "b.*          | bar                    | true",
        "a+           | a*                     | true",
        "[a-c]+       | [c-e]+                 | true",
        "[a-b]+       | [c-d]+                 | false",
        "x+y          | xxxy                   | true",
        "x+y          | y                      | false",
        "a*b*c*       | abcabc                 | false",
        ".*           | x                      | true",
        "\\.          | .                      | true",
        "\\.          | a                      | false",
        "\\*          | .+                     | true",
        "(a)?         | (a)?                   | true",
        "[]           | .                      | false",
        "[😀-😂]      | 😁                     | true",
        "ab.*         | .*cd                   | true",
        "ab+          | a[bc]*d                | false",
        // Only the empty string is common to these, and it does not count.
        "a*           | b*                     | false",
        "''           | ''                     | false",
    })
    void intersects(String glob1, String glob2, boolean expected) throws Exception {
      assertThat(regex.call("regex.globs_match", str(glob1), str(glob2)))
          .isEqualTo(BooleanValue.of(expected));
      assertThat(regex.call("regex.globs_match", str(glob2), str(glob1)))
          .isEqualTo(BooleanValue.of(expected));
    }

    @ParameterizedTest(name = "`{0}`")
    @CsvSource(delimiter = '|', value = {
        "pqrs] | pos:5, set-close ']' with no preceding '['",
        "+a    | pos:1, flag '+' must be preceded by a non-flag",
        "a**   | pos:3, flag '*' must be preceded by a non-flag",
        "[a-   | pos:3, range character '-' must be followed by a Unicode character",
        "[-a]  | pos:2, range character '-' must be preceded by a Unicode character",
        "[a-]b | pos:4, range character '-' cannot be followed by a special symbol",
        "[z-a] | pos:4, range is out of order: 'a' comes before 'z' in Unicode",
        "[ab   | pos:3, found [ without matching ]",
        "a\\   | pos:1, input ends with a \\ (escape) character",
    })
    void malformedGlobsFailWithTheLibraryMessages(String glob, String detail) {
      assertBuiltinError(regex.error("regex.globs_match", str(glob), str("a")),
          "input:" + glob + ", " + detail + ": the input provided is invalid");
    }
  }
}
