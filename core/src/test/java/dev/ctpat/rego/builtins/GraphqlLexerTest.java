package dev.ctpat.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ctpat.rego.builtins.GraphqlAst.Pos;
import dev.ctpat.rego.builtins.GraphqlLexer.Kind;
import dev.ctpat.rego.builtins.GraphqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphqlLexerTest {
  private static List<Token> tokens(String text) {
    GraphqlLexer lexer = new GraphqlLexer("", text);
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = lexer.read();
      out.add(t);
    } while (t.kind() != Kind.EOF && t.kind() != Kind.INVALID);
    return out;
  }

  @Test
  void skipsWhiteSpaceCommasCommentsAndByteOrderMarks() {
    assertThat(tokens("\uFEFF a, # comment\n\tb")).extracting(Token::kind, Token::value)
        .containsExactly(tuple(Kind.NAME, "a"),
            tuple(Kind.NAME, "b"),
            tuple(Kind.EOF, ""));
  }

  @Test
  void positionsCountCodePointsAndStartAfterAStringsOpeningQuote() {
    List<Token> t = tokens("\"😀\" x");
    assertThat(t.get(0).pos()).isEqualTo(new Pos("", 1, 2));
    assertThat(t.get(1).pos()).isEqualTo(new Pos("", 1, 5));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "1 => INT",
      "-0 => INT",
      "1.5 => FLOAT",
      "1e10 => FLOAT",
      "-1.5E-3 => FLOAT",
      "... => SPREAD"})
  void readsNumbersAndPunctuators(String text, Kind kind) {
    assertThat(tokens(text).get(0).kind()).isEqualTo(kind);
    assertThat(tokens(text).get(0).value()).isEqualTo(kind == Kind.SPREAD ? "" : text);
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "00 => Invalid number, unexpected digit after 0: \"0\".",
      "1. => Invalid number, expected digit but got: <EOF>.",
      "- => Invalid number, expected digit but got: <EOF>.",
      "1e+x => Invalid number, expected digit but got: \"x\".",
      "\"a\\q\" => Invalid character escape sequence: \\q.",
      "\"\\u12G4\" => Invalid character escape sequence: \\u12G4.",
      "\"a => Unterminated string.",
      ". => Cannot parse the unexpected character \".\".",
      "? => Cannot parse the unexpected character \"?\"."})
  void reportsGqlparsersLexicalErrors(String text, String message) {
    Token t = tokens(text).get(0);
    assertThat(t.kind()).isEqualTo(Kind.INVALID);
    assertThat(t.error().getMessage()).isEqualTo(message);
  }

  @Test
  void decodesEscapesAndWritesLoneSurrogatesAsReplacementCharacters() {
    assertThat(tokens("\"\\t\\/\\u0041\\ud83d\"").get(0).value()).isEqualTo("\t/A\uFFFD");
  }

  @Test
  void blockStringsLoseCommonIndentationAndBlankEdgeLines() {
    assertThat(GraphqlLexer.blockStringValue("\n    a\n      b\n    ")).isEqualTo("a\n  b");
    assertThat(GraphqlLexer.blockStringValue("\n\n  a  \n\n")).isEqualTo("a  ");
    assertThat(GraphqlLexer.blockStringValue("   ")).isEmpty();
  }

  @Test
  void blockStringsCountTheFirstLineInTheCommonIndentationAsGqlparserDoes() {
    assertThat(GraphqlLexer.blockStringValue("  a\n  b")).isEqualTo("  a\nb");
    assertThat(GraphqlLexer.blockStringValue("a\n  b")).isEqualTo("a\n  b");
  }

  @Test
  void blockStringsTurnCarriageReturnsIntoLineFeedsAndUnescapeTripleQuotes() {
    assertThat(tokens("\"\"\"a\r\nb\\\"\"\"\"\"\"").get(0).value()).isEqualTo("a\nb\"\"\"");
  }
}
