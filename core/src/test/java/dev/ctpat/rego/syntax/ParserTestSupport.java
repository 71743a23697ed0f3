package dev.ctpat.rego.syntax;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.rego.syntax.Parser.ParserOptions;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Shortcuts for parser tests. Trees are compared through {@link Printer}, whose prefix-call
 * output shows exactly how the parser grouped things; errors as {@code line:col: message}.
 */
final class ParserTestSupport {
  static final String FILE = "test.rego";

  private ParserTestSupport() {}

  static String term(String source) {
    return Printer.print(Parser.parseTerm(source));
  }

  static String query(String source) {
    return Printer.print(Parser.parseQuery(source));
  }

  static String queryV0(String source) {
    return Printer.print(Parser.parseQuery(source, ParserOptions.V0));
  }

  static Module module(String source) {
    return Parser.parseModule(FILE, source);
  }

  static Module moduleV0(String source) {
    return Parser.parseModule(FILE, source, ParserOptions.V0);
  }

  /** The rules of {@code package test} followed by {@code rules}, printed one per line. */
  static String rules(String rules) {
    return print(module("package test\n" + rules).rules());
  }

  static String rulesV0(String rules) {
    return print(moduleV0("package test\n" + rules).rules());
  }

  static String print(List<Rule> rules) {
    return rules.stream().map(Printer::print).collect(Collectors.joining("\n"));
  }

  static List<String> moduleErrors(String source) {
    return errors(() -> module(source));
  }

  static List<String> moduleErrorsV0(String source) {
    return errors(() -> moduleV0(source));
  }

  static String queryError(String source) {
    return single(errors(() -> Parser.parseQuery(source)));
  }

  static String termError(String source) {
    return single(errors(() -> Parser.parseTerm(source)));
  }

  /** The errors {@code parse} throws, each as {@code line:col: message}. */
  static List<String> errors(ThrowingCallable parse) {
    ParseException[] thrown = new ParseException[1];
    assertThatThrownBy(parse).isInstanceOfSatisfying(ParseException.class, e -> thrown[0] = e);
    return thrown[0].errors().stream()
        .map(e -> e.location().line() + ":" + e.location().column() + ": " + e.message())
        .toList();
  }

  private static String single(List<String> errors) {
    if (errors.size() != 1) {
      throw new AssertionError("expected one error but got " + errors);
    }
    return errors.get(0);
  }
}
