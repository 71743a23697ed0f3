package dev.ctpat.rego.syntax;

import static dev.ctpat.rego.syntax.ParserTestSupport.moduleErrors;
import static dev.ctpat.rego.syntax.ParserTestSupport.termError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile and extreme inputs end in a result or a {@link ParseException}, quickly. */
class ParserRobustnessTest {
  private static final int LIMIT = BodyParser.MAX_DEPTH;
  private static final String TOO_DEEP = "max parsing recursion depth exceeded";

  /** Runs {@code parse} on a thread with a small stack, to show the caller's stack is moot. */
  private static <T> T onSmallStack(Supplier<T> parse) throws InterruptedException {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(parse.get());
      } catch (RuntimeException | Error e) {
        thrown.set(e);
      }
    }, "small-stack", 256 * 1024);
    t.start();
    t.join();
    assertThat(thrown.get()).as("thrown on the small stack").isNull();
    return result.get();
  }

  /** Nesting shapes, with how many depth units each level uses (operators and bodies add one). */
  @ParameterizedTest(name = "{0}...{1}")
  @CsvSource(delimiterString = " ~ ", value = {
      "[ ~ ] ~ 1", "{ ~ } ~ 1", "( ~ ) ~ 1", "f( ~ ) ~ 1", "a[ ~ ] ~ 1", "{\"k\": ~ } ~ 1",
      "{x: ~ } ~ 1", "[1, ~ ] ~ 1", "x + ( ~ ) ~ 2", "[x | x = ~ ] ~ 2"})
  void nestingDownToTheLimitParsesOnAnyStack(String open, String close, int cost)
      throws Exception {
    int levels = LIMIT / cost - 1;
    String source = open.repeat(levels) + "1" + close.repeat(levels);
    assertThat(onSmallStack(() -> Parser.parseTerm(source))).isNotNull();
  }

  @ParameterizedTest(name = "{0}...{1}")
  @CsvSource(delimiterString = " ~ ", value = {
      "[ ~ ]", "{ ~ }", "( ~ )", "f( ~ )", "a[ ~ ]", "{\"k\": ~ }", "[x | x = ~ ]", "{x: ~ }"})
  void nestingBeyondTheLimitIsAParseError(String open, String close) throws Exception {
    String source = "x := " + open.repeat(100_000) + "1" + close.repeat(100_000);
    ParseException e = onSmallStack(() -> {
      try {
        Parser.parseQuery(source);
        return null;
      } catch (ParseException thrown) {
        return thrown;
      }
    });
    assertThat(e).isNotNull();
    assertThat(e.errors()).singleElement()
        .satisfies(err -> assertThat(err.message()).isEqualTo(TOO_DEEP));
  }

  @Test
  void depthErrorPointsAtTheTokenPastTheLimit() {
    assertThat(termError("[".repeat(LIMIT + 1))).isEqualTo("1:" + (LIMIT + 1) + ": " + TOO_DEEP);
  }

  @Test
  void nestedEveryBodiesCountTowardsTheLimit() throws Exception {
    String source = "package t\np if {\n" + "every x in y {\n".repeat(LIMIT + 5) + "x\n"
        + "}\n".repeat(LIMIT + 5) + "}\n";
    assertThat(onSmallStack(() -> ParserTestSupport.errors(() -> Parser.parseModule("t", source))))
        .singleElement().asString().endsWith(TOO_DEEP);
  }

  @Test
  void longOperatorChainsAreBoundedLikeNesting() {
    assertThat(ParserTestSupport.term("1" + " + 1".repeat(LIMIT - 1))).startsWith("plus(plus(");
    assertThat(termError("1" + " + 1".repeat(LIMIT + 1))).endsWith(TOO_DEEP);
    assertThat(termError("x" + " in y".repeat(LIMIT + 1))).endsWith(TOO_DEEP);
  }

  @Test
  void longCallChainsAreBoundedLikeNesting() {
    assertThat(ParserTestSupport.term("a" + ".b()".repeat(LIMIT - 1))).endsWith(".b()");
    assertThat(termError("a" + ".b()".repeat(LIMIT + 1))).endsWith(TOO_DEEP);
  }

  @Test
  void longElseChainsAreBounded() {
    String ok = "package t\np := 0 if a" + " else := 1 if a".repeat(LIMIT - 1);
    assertThat(Parser.parseModule("t", ok).rules()).hasSize(1);
    String tooLong = "package t\np := 0 if a" + " else := 1 if a".repeat(LIMIT + 1);
    assertThat(moduleErrors(tooLong)).singleElement().asString().endsWith(TOO_DEEP);
  }

  @Test
  void wideInputsAreNotLimited() {
    assertThat(((Term.ArrayTerm) Parser.parseTerm("[" + "1, ".repeat(200_000) + "1]")).items())
        .hasSize(200_001);
    assertThat(Parser.parseQuery("x\n".repeat(50_000)).literals()).hasSize(50_000);
    assertThat(Parser.parseModule("t", "package t\n" + "p := 1\n".repeat(20_000)).rules())
        .hasSize(20_000);
  }

  @Test
  void failedComprehensionsAreNotReparsedExponentially() {
    // Each level's comprehension body fails at the comma after it and is re-read as an array.
    int levels = 60;
    String source = "[a | ".repeat(levels) + "b" + ", c]".repeat(levels);
    Term t = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Parser.parseTerm(source));
    assertThat(Printer.print(t)).startsWith("[or(a, [or(a, ");
  }

  @Test
  void errorRecoveryAlwaysMovesOn() {
    String garbage = "package t\n" + "x := ] ) } := \"\n".repeat(1000);
    assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThat(moduleErrors(garbage)).hasSize(ModuleParser.MAX_SYNTAX_ERRORS));
  }

  @Test
  void statementsAfterALostClosingBraceAreStillParsed() {
    assertThat(moduleErrors("package t\np if {\n  x := [1, 2\n}\nq := 1\nr := ]\n"))
        .containsExactly("4:1: unexpected } token: expected \",\" or \"]\"",
            "6:6: unexpected ] token");
  }
}
