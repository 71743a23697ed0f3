package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GlobBuiltinsTest {
  private final Family glob = new Family(new GlobBuiltins());

  @Test
  void registersOpaNamesAndSignatures() {
    assertThat(glob.builtins().keySet()).containsExactly("glob.match", "glob.quote_meta");
    assertThat(glob.builtins().values()).allMatch(b -> b.category().equals("glob"));
    assertThat(glob.builtin("glob.match").type()).isEqualTo(Types.fn(Types.BOOLEAN,
        Types.STRING, Types.anyOf(Types.arrayOf(Types.STRING), Types.NULL), Types.STRING));
  }

  @Nested
  class Match {
    private boolean matches(String pattern, Value delimiters, String text)
        throws BuiltinException {
      return glob.call("glob.match", str(pattern), delimiters, str(text)) == BooleanValue.TRUE;
    }

    /** Delimiters are a JSON array, or "null". */
    @ParameterizedTest(name = "glob.match(\"{0}\", {1}, \"{2}\") = {3}")
    @CsvSource(delimiter = '|', value = {
        "*.github.com         | [\".\"]        | api.github.com         | true",
        "*.github.com         | [\".\"]        | api.not-github.com     | false",
        "*.github.com         | [\".\"]        | a.b.github.com         | false",
        "**.github.com        | [\".\"]        | a.b.github.com         | true",
        "api.**.com           | [\".\"]        | api.github.com         | true",
        "*:github:com         | [\":\"]        | api:github:com         | true",
        "*                    | [\".\"]        | foo.bar                | false",
        "*                    | []             | foo.bar                | false",
        "*                    | null           | foo.bar                | true",
        "foo*                 | null           | foo.bar                | true",
        "*                    | [\".\"]        | ''                     | true",
        "''                   | null           | ''                     | true",
        "''                   | null           | b                      | false",
        "?at                  | []             | cat                    | true",
        "?at                  | [\"f\"]        | fat                    | false",
        "?at                  | []             | at                     | false",
        "a.?.c                | [\".\"]        | a.b.c                  | true",
        "a.?.c                | [\".\"]        | a.bb.c                 | false",
        "a/*/c                | [\"/\", \".\"] | a/b.x/c                | false",
        "a/*/c                | [\"/\", \".\"] | a/bx/c                 | true",
        "[abc]at              | []             | cat                    | true",
        "[!abc]at             | []             | fat                    | true",
        "[!abc]at             | []             | cat                    | false",
        "[a-c]at              | []             | fat                    | false",
        "[!a-c]at             | []             | fat                    | true",
        // Classes ignore the delimiters.
        "a[!x]b               | [\".\"]        | a.b                    | true",
        "{cat,bat,[fr]at}     | []             | rat                    | true",
        "{cat,bat,[fr]at}     | []             | at                     | false",
        "{a,ab}c              | []             | abc                    | true",
        "{,a}                 | []             | ''                     | true",
        "{{a,b},c}d           | []             | bd                     | true",
        "{*.google.*,yandex.*} | [\".\"]       | www.google.com         | true",
        "{*.google.*,yandex.*} | [\".\"]       | www.yandex.com         | false",
        "*//{,*.}example.com  | []             | https://www.example.com | true",
        "*//{,*.}example.com  | []             | http://example.com.net | false",
        "a*a*a*a*b            | []             | aaaaaaaaaaaaaaaaaaaaa  | false",
        "**a*b                | [\".\"]        | .a.ab                  | true",
        "*a**b                | [\".\"]        | x.ab                   | false",
        "*ä                   | []             | åä                     | true",
        "😀?                  | []             | 😀😁                   | true",
        "\\*\\?               | []             | *?                     | true",
        "a,b}]                | []             | a,b}]                  | true",
    })
    void followsGobwasSemantics(String pattern, String delimiters, String text,
        boolean expected) throws Exception {
      Value d = delimiters.equals("null") ? NullValue.INSTANCE : json(delimiters);
      assertThat(matches(pattern, d, text)).isEqualTo(expected);
    }

    @Test
    void wildcardsMatchNewlines() throws Exception {
      assertThat(matches("*", json("[\".\"]"), "line\nbreak")).isTrue();
      assertThat(matches("a?b", NullValue.INSTANCE, "a\nb")).isTrue();
    }

    @Test
    void keepsGobwasLenience() throws Exception {
      // An unclosed group ends with the pattern; a trailing backslash is dropped.
      assertThat(matches("{a,b", NullValue.INSTANCE, "b")).isTrue();
      assertThat(matches("a\\", NullValue.INSTANCE, "a")).isTrue();
      // A NUL ends the pattern at the top level.
      assertThat(matches("*\u0000b", NullValue.INSTANCE, "anything")).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
        "[abc   | unexpected end of input",
        "[a-    | unexpected end of input",
        "[a-cx] | expected close range character",
        "[c-a]  | hi character 'a' should be greater than lo 'c'",
        "[]     | could not parse range",
        "[!]    | could not parse range",
        "a\ufffdb | could not read rune",
    })
    void malformedPatternsFail(String pattern, String message) {
      BuiltinException e = glob.error("glob.match", str(pattern), NullValue.INSTANCE, str("x"));
      assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
      assertThat(e).hasMessage(message);
    }

    @Test
    void delimitersMustBeSingleCharacterStrings() {
      BuiltinException notString =
          glob.error("glob.match", str("*"), json("[\".\", 1]"), str("x"));
      assertThat(notString.code()).isEqualTo(BuiltinException.TYPE_ERROR);
      assertThat(notString)
          .hasMessage("operand 2 must be array of strings but got array containing number");
      BuiltinException notRune = glob.error("glob.match", str("*"), json("[\"ab\"]"), str("x"));
      assertThat(notRune)
          .hasMessage("operand 2 must be array of runes but got array containing string");
    }
  }

  @Nested
  class QuoteMeta {
    @ParameterizedTest(name = "glob.quote_meta(\"{0}\") = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "*.github.com   | \\*.github.com",
        "{foo*}         | \\{foo\\*\\}",
        "*?\\[]{}       | \\*\\?\\\\\\[\\]\\{\\}",
        "plain, text!-  | plain, text!-",
        "''             | ''",
    })
    void escapesSpecialCharacters(String pattern, String expected) throws Exception {
      assertThat(glob.call("glob.quote_meta", str(pattern))).isEqualTo(str(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a*b?c", "[x]{y,z}\\", "**"})
    void quotedPatternMatchesItselfLiterally(String text) throws Exception {
      Value quoted = glob.call("glob.quote_meta", str(text));
      assertThat(glob.call("glob.match", quoted, NullValue.INSTANCE, str(text)))
          .isEqualTo(BooleanValue.TRUE);
      assertThat(glob.call("glob.match", quoted, NullValue.INSTANCE, str(text + "x")))
          .isEqualTo(BooleanValue.FALSE);
    }
  }
}
