package dev.ctpat.rego.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexerTest {

  /** The kinds of all tokens of {@code source}, EOF excluded. */
  private static List<TokenKind> kinds(String source) {
    Tokens tokens = Lexer.lex(source);
    List<TokenKind> kinds = new ArrayList<>();
    for (int i = 0; i < tokens.size() - 1; i++) {
      kinds.add(tokens.kind(i));
    }
    return kinds;
  }

  private static Tokens single(String source) {
    Tokens tokens = Lexer.lex(source);
    assertThat(tokens.size()).as("one token and EOF").isEqualTo(2);
    return tokens;
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = ' ', value = {
      "[ LBRACK", "] RBRACK", "{ LBRACE", "} RBRACE", "( LPAREN", ") RPAREN", ", COMMA",
      ": COLON", "; SEMICOLON", ". DOT", "= UNIFY", ":= ASSIGN", "== EQUAL", "!= NEQ", "< LT",
      "<= LTE", "> GT", ">= GTE", "| OR", "& AND", "+ PLUS", "- MINUS", "* MUL", "/ DIV",
      "% REM"})
  void punctuationHasItsOwnKind(String text, TokenKind kind) {
    assertThat(single(text).kind(0)).isEqualTo(kind);
  }

  @Test
  void twoCharacterOperatorsAreNotSplit() {
    assertThat(kinds("a:=b==c!=d<=e>=f"))
        .containsExactly(TokenKind.WORD, TokenKind.ASSIGN, TokenKind.WORD, TokenKind.EQUAL,
            TokenKind.WORD, TokenKind.NEQ, TokenKind.WORD, TokenKind.LTE, TokenKind.WORD,
            TokenKind.GTE, TokenKind.WORD);
  }

  @Test
  void binaryOperatorsCarryOpaBuiltinNamesAndPrecedence() {
    assertThat(TokenKind.PLUS.display).isEqualTo("plus");
    assertThat(TokenKind.REM.display).isEqualTo("rem");
    assertThat(TokenKind.EQUAL.precedence).isLessThan(TokenKind.OR.precedence);
    assertThat(TokenKind.OR.precedence).isLessThan(TokenKind.AND.precedence);
    assertThat(TokenKind.AND.precedence).isLessThan(TokenKind.PLUS.precedence);
    assertThat(TokenKind.PLUS.precedence).isLessThan(TokenKind.MUL.precedence);
    assertThat(TokenKind.UNIFY.isBinaryOperator()).isFalse();
  }

  @Test
  void wordsAreLettersUnderscoresAndDigits() {
    Tokens t = single("_foo_Bar9");
    assertThat(t.kind(0)).isEqualTo(TokenKind.WORD);
    assertThat(t.value(0)).isEqualTo("_foo_Bar9");
  }

  @Test
  void wordsMayContainNonAsciiDigitsButNotLetters() {
    assertThat(single("x\u0663").value(0)).isEqualTo("x\u0663");
    assertThat(kinds("xé")).containsExactly(TokenKind.WORD, TokenKind.ILLEGAL);
  }

  @Test
  void keywordsAreWordsThatKnowWhichKeywordTheySpell() {
    Tokens t = Lexer.lex("if iff contains");
    assertThat(t.kind(0)).isEqualTo(TokenKind.WORD);
    assertThat(t.keywordId(0)).isEqualTo(Keywords.idOf("if"));
    assertThat(t.keywordId(1)).isEqualTo(Keywords.NONE);
    assertThat(t.keywordId(2)).isEqualTo(Keywords.idOf("contains"));
  }

  @ParameterizedTest
  @CsvSource({"0", "42", "3.25", "1e10", "1E+10", "2.5e-3", "12345678901234567890123"})
  void numbersKeepTheirText(String text) {
    Tokens t = single(text);
    assertThat(t.kind(0)).isEqualTo(TokenKind.NUMBER);
    assertThat(t.value(0)).isEqualTo(text);
  }

  @Test
  void signAndLeadingDotAreSeparateTokens() {
    assertThat(kinds("-1")).containsExactly(TokenKind.MINUS, TokenKind.NUMBER);
    assertThat(kinds(".5")).containsExactly(TokenKind.DOT, TokenKind.NUMBER);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "1.|expected fraction",
      "1.e5|expected fraction",
      "1e|expected exponent",
      "1e+|expected exponent",
      "0a2b|illegal number format"})
  void malformedNumbersAreIllegal(String text, String reason) {
    Tokens t = single(text);
    assertThat(t.kind(0)).isEqualTo(TokenKind.ILLEGAL);
    assertThat(t.value(0)).isEqualTo(reason);
  }

  @Test
  void stringsDecodeJsonEscapes() {
    assertThat(single("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"").value(0))
        .isEqualTo("a\"b\\c/d\b\f\n\r\t");
  }

  @Test
  void stringsDecodeUnicodeEscapesIncludingSurrogatePairs() {
    assertThat(single("\"\\u00e9\\ud83d\\ude00\"").value(0)).isEqualTo("é\uD83D\uDE00");
  }

  @Test
  void loneSurrogateEscapesDecodeToTheReplacementCharacter() {
    assertThat(single("\"\\ud83d!\"").value(0)).isEqualTo("\uFFFD!");
    assertThat(single("\"\\ude00\"").value(0)).isEqualTo("\uFFFD");
    assertThat(single("\"\\ud83d\\u0041\"").value(0)).isEqualTo("\uFFFDA");
  }

  @Test
  void stringsKeepRawUnicodeText() {
    assertThat(single("\"日本 😀\"").value(0)).isEqualTo("日本 😀");
  }

  @Test
  void emptyStringIsAString() {
    Tokens t = single("\"\"");
    assertThat(t.kind(0)).isEqualTo(TokenKind.STRING);
    assertThat(t.value(0)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "\"abc|non-terminated string",
      "\"a\\qb\"|illegal escape sequence",
      "\"\\u12\"|illegal string literal: \"\\u12\"",
      "\"\\uzzzz\"|illegal string literal: \"\\uzzzz\""})
  void malformedStringsAreIllegal(String text, String reason) {
    Tokens t = Lexer.lex(text);
    assertThat(t.kind(0)).isEqualTo(TokenKind.ILLEGAL);
    assertThat(t.value(0)).isEqualTo(reason);
  }

  @Test
  void stringsEndAtTheEndOfTheLine() {
    Tokens t = Lexer.lex("\"abc\nx");
    assertThat(t.value(0)).isEqualTo("non-terminated string");
    assertThat(t.kind(1)).isEqualTo(TokenKind.WORD);
    assertThat(t.line(1)).isEqualTo(2);
  }

  @Test
  void rawStringsSpanLinesAndKeepBackslashes() {
    Tokens t = Lexer.lex("`a\\n\nb` x");
    assertThat(t.kind(0)).isEqualTo(TokenKind.STRING);
    assertThat(t.value(0)).isEqualTo("a\\n\nb");
    assertThat(t.line(1)).isEqualTo(2);
    assertThat(t.column(1)).isEqualTo(4);
  }

  @Test
  void unterminatedRawStringIsIllegal() {
    assertThat(single("`abc").value(0)).isEqualTo("non-terminated string");
  }

  @Test
  void commentsAreNotTokensButAreKept() {
    Tokens t = Lexer.lex("a # one\r\n  #two\nb");
    assertThat(kinds("a # one\r\n  #two\nb")).containsExactly(TokenKind.WORD, TokenKind.WORD);
    assertThat(t.comments()).containsExactly(
        new Tokens.Comment(1, 3, " one"), new Tokens.Comment(2, 3, "two"));
  }

  @Test
  void positionsAreOneBasedAndCountCodePoints() {
    Tokens t = Lexer.lex("x\n\t\"😀\" y");
    assertThat(t.line(0)).isEqualTo(1);
    assertThat(t.column(0)).isEqualTo(1);
    assertThat(t.line(1)).isEqualTo(2);
    assertThat(t.column(1)).isEqualTo(2);
    assertThat(t.column(2)).as("the emoji is one column").isEqualTo(6);
  }

  @Test
  void tokensRecordPrecedingSpaceAndNewlines() {
    Tokens t = Lexer.lex("a[b] c\nd#x\ne");
    assertThat(t.spaceBefore(1)).isFalse();
    assertThat(t.spaceBefore(4)).isTrue();
    assertThat(t.newlineBefore(4)).isFalse();
    assertThat(t.newlineBefore(5)).isTrue();
    assertThat(t.newlineBefore(6)).as("newline after a comment").isTrue();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "!|illegal ! character",
      "$|illegal $ character"})
  void strayPunctuationIsIllegalWithOpaReasons(String text, String reason) {
    Tokens t = single(text);
    assertThat(t.kind(0)).isEqualTo(TokenKind.ILLEGAL);
    assertThat(t.value(0)).isEqualTo(reason);
  }

  @Test
  void unknownCharactersAreIllegalWithoutReason() {
    Tokens t = single("@");
    assertThat(t.kind(0)).isEqualTo(TokenKind.ILLEGAL);
    assertThat(t.value(0)).isNull();
  }

  @Test
  void invalidCharactersAreIllegalEvenInsideStringsAndComments() {
    assertThat(single("\u0000").value(0)).isEqualTo("illegal null character");
    assertThat(single("\"a\u0000\"").value(0)).isEqualTo("illegal null character");
    assertThat(single("\"\uD800\"").value(0)).isEqualTo("illegal utf-8 character");
    assertThat(single("# \uDC00").value(0)).isEqualTo("illegal utf-8 character");
    Tokens bom = Lexer.lex("x\uFEFF");
    assertThat(bom.kind(0)).isEqualTo(TokenKind.WORD);
    assertThat(bom.kind(1)).isEqualTo(TokenKind.ILLEGAL);
    assertThat(bom.value(1)).isEqualTo("illegal byte-order mark");
  }

  @Test
  void leadingByteOrderMarkIsSkipped() {
    Tokens t = single("\uFEFFpackage");
    assertThat(t.value(0)).isEqualTo("package");
  }

  @Test
  void readingPastTheEndYieldsEof() {
    Tokens t = Lexer.lex("");
    assertThat(t.size()).isEqualTo(1);
    assertThat(t.kind(0)).isEqualTo(TokenKind.EOF);
    assertThat(t.kind(5)).isEqualTo(TokenKind.EOF);
  }

  @Test
  void eofIsPositionedAfterTheLastCharacter() {
    Tokens t = Lexer.lex("ab\n");
    assertThat(t.line(1)).isEqualTo(2);
    assertThat(t.column(1)).isEqualTo(1);
    assertThat(t.newlineBefore(1)).isTrue();
  }

  @Test
  void maxNestingCountsOpenBrackets() {
    assertThat(Lexer.lex("x").maxNesting()).isZero();
    assertThat(Lexer.lex("[{(1)}] [1]").maxNesting()).isEqualTo(3);
    assertThat(Lexer.lex("]]][").maxNesting()).isEqualTo(1);
  }
}
