package dev.ctpat.rego.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Parses Rego source text: modules, queries and single terms, in Rego v1 (OPA 1.x's default) or
 * v0 syntax. Errors are reported as {@link ParseException}s whose messages follow OPA's
 * wording, each located at {@code file:line:column}.
 *
 * <p>The parser is a hand-written lexer and recursive-descent parser; it is linear in the input
 * for all practical purposes, and bounded in nesting depth, so any input ends in a module or a
 * {@link ParseException}. Text nested more than a few dozen levels deep is parsed on a
 * short-lived helper thread with a large stack, so the depth limit holds whatever the caller's
 * stack size. Parsing is thread-safe: every call works on its own state.
 */
public final class Parser {
  /** Nesting up to which parsing runs on the caller's thread (far below any real stack's limit). */
  private static final int INLINE_NESTING = 64;
  /** Stack for deeper texts: {@link BodyParser#MAX_DEPTH} levels need a few megabytes at most. */
  private static final long DEEP_STACK_BYTES = 64L << 20;

  private Parser() {}

  /** How to parse: the Rego version decides the keywords and which rule forms are allowed. */
  public record ParserOptions(RegoVersion version) {
    public static final ParserOptions V1 = new ParserOptions(RegoVersion.V1);
    public static final ParserOptions V0 = new ParserOptions(RegoVersion.V0);

    public ParserOptions {
      Objects.requireNonNull(version, "version");
    }
  }

  /**
   * Parses a module. A v0 module that imports {@code rego.v1} is checked as, and reported as, a
   * v1 module.
   *
   * @param file the name to put in locations and errors
   * @throws ParseException listing the syntax errors found
   */
  public static Module parseModule(String file, String source, ParserOptions options) {
    Tokens tokens = Lexer.lex(source);
    return onAdequateStack(tokens,
        () -> new ModuleParser(file, tokens, options.version()).parse());
  }

  /** Parses a Rego v1 module. */
  public static Module parseModule(String file, String source) {
    return parseModule(file, source, ParserOptions.V1);
  }

  /**
   * Parses a query: literals separated by {@code ;} or newlines ({@code x := 1; y = x + 1}).
   * Empty text is the empty query.
   *
   * @throws ParseException if the text is not a query
   */
  public static Body parseQuery(String source, ParserOptions options) {
    BodyParser p = parserFor(source, options.version());
    return parseSingle(p, () -> {
      Location start = p.location();
      List<Literal> literals = new ArrayList<>();
      while (!p.at(TokenKind.EOF)) {
        literals.add(p.parseLiteral());
        while (p.at(TokenKind.SEMICOLON)) {
          p.advance();
          literals.add(p.parseLiteral());
        }
      }
      return new Body(literals, start);
    });
  }

  /** Parses a Rego v1 query. */
  public static Body parseQuery(String source) {
    return parseQuery(source, ParserOptions.V1);
  }

  /**
   * Parses one term, as written for input given as Rego text: scalars, composites (trailing
   * commas allowed), {@code set()}, refs, comprehensions and calls.
   *
   * @throws ParseException if the text is not exactly one term
   */
  public static Term parseTerm(String source) {
    BodyParser p = parserFor(source, RegoVersion.V1);
    return parseSingle(p, () -> {
      Term term = p.parseTermIn(true);
      if (!p.at(TokenKind.EOF)) {
        throw p.unexpected("expected end of term");
      }
      return term;
    });
  }

  private static BodyParser parserFor(String source, RegoVersion version) {
    return new BodyParser(Lexer.lex(source), "", Keywords.forVersion(version));
  }

  /** Runs a parse that stops at its first error, turning it into a {@link ParseException}. */
  private static <T> T parseSingle(BodyParser p, Supplier<T> parse) {
    return onAdequateStack(p.tokens, () -> {
      try {
        return parse.get();
      } catch (ParseFailure f) {
        throw new ParseException(List.of(f.toError()));
      } catch (StackOverflowError e) {
        throw new ParseException(List.of(
            new ParseException.SyntaxError(p.location(0), ParseFailure.TOO_DEEP)));
      }
    });
  }

  /**
   * Runs a parse on the calling thread, or, when the text nests deeper than a small thread
   * stack can be trusted with, on a helper thread whose stack has room for {@link
   * BodyParser#MAX_DEPTH} levels. That way the depth limit, not the caller's stack size,
   * decides which texts are too deep.
   */
  private static <T> T onAdequateStack(Tokens tokens, Supplier<T> parse) {
    if (tokens.maxNesting() <= INLINE_NESTING) {
      return parse.get();
    }
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread worker = new Thread(null, () -> {
      try {
        result.set(parse.get());
      } catch (RuntimeException | Error e) {
        failure.set(e);
      }
    }, "rego-parser", DEEP_STACK_BYTES);
    worker.setDaemon(true);
    worker.start();
    joinUninterruptibly(worker);
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    } else if (t instanceof Error e) {
      throw e;
    }
    return result.get();
  }

  private static void joinUninterruptibly(Thread worker) {
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
