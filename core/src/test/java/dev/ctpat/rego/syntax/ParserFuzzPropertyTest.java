package dev.ctpat.rego.syntax;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ctpat.rego.syntax.Parser.ParserOptions;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Whatever the text, parsing ends in a result or a {@link ParseException}, nothing else. */
class ParserFuzzPropertyTest {
  private static final List<String> FRAGMENTS = List.of(
      "package", "import", "as", "default", "else", "not", "some", "with", "null", "true",
      "false", "in", "every", "contains", "if", "p", "q", "x", "_", "input", "data", "set",
      "future.keywords", "rego.v1", "f", "0", "1.5", "-", "1e3", "01", "\"s\"", "\"\\u12\"",
      "`raw`", "[", "]", "{", "}", "(", ")", ",", ":", ";", ".", "=", ":=", "==", "!=", "<", ">=",
      "+", "*", "/", "%", "&", "|", "!", "$", "@", "\n", "\n", " ", "\t", "# c\n",
      "# METADATA\n# title: t\n", "# METADATA\n# x: [\n");

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(40).map(parts -> String.join(" ", parts));
  }

  @Provide
  Arbitrary<String> moduleSoup() {
    return tokenSoup().map(s -> "package t\n" + s);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().ofMaxLength(60);
  }

  private static void onlyParseExceptions(ThrowingCallable parse) {
    assertThatCode(() -> {
      try {
        parse.call();
      } catch (ParseException expected) {
        // a fine outcome
      }
    }).doesNotThrowAnyException();
  }

  @Property(tries = 400)
  void modulesFromTokenSoup(@ForAll("moduleSoup") String source) {
    onlyParseExceptions(() -> Parser.parseModule("f", source, ParserOptions.V1));
    onlyParseExceptions(() -> Parser.parseModule("f", source, ParserOptions.V0));
  }

  @Property(tries = 400)
  void queriesAndTermsFromTokenSoup(@ForAll("tokenSoup") String source) {
    onlyParseExceptions(() -> Parser.parseQuery(source, ParserOptions.V1));
    onlyParseExceptions(() -> Parser.parseQuery(source, ParserOptions.V0));
    onlyParseExceptions(() -> Parser.parseTerm(source));
  }

  @Property(tries = 400)
  void arbitraryCharacters(@ForAll("anyText") String source) {
    onlyParseExceptions(() -> Parser.parseModule("f", source));
    onlyParseExceptions(() -> Parser.parseQuery(source));
    onlyParseExceptions(() -> Parser.parseTerm(source));
  }
}
