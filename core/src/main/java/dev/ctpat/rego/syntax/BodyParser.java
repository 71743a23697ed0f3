package dev.ctpat.rego.syntax;

import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.StringValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for everything below the statement level: terms, infix operators,
 * expressions, literals and bodies. It follows OPA's grammar and its ways of resolving
 * ambiguities:
 *
 * <ul>
 *   <li>Infix operators, loosest first: {@code in}; {@code == != < <= > >=}; {@code |};
 *       {@code &}; {@code + -}; {@code * / %}, all left-associative, each a {@link Term.Call} of
 *       the builtin OPA names ({@code x in xs} calls {@code internal.member_2}, and where a
 *       second left operand is allowed, {@code k, v in xs} calls {@code internal.member_3}).
 *   <li>A ref or call continues only when {@code .}, {@code [} or {@code (} follows without
 *       whitespace, so {@code not [x]} negates an array.
 *   <li>After {@code [} or {@code {}, a single term followed by {@code |} starts a
 *       comprehension; if its body does not parse and the error is at a comma, the text is read
 *       again as a collection holding an {@code or} call.
 * </ul>
 *
 * <p>Parsed terms are memoized by start token, so re-reading text after a failed comprehension
 * costs nothing and nesting cannot make the fallback exponential. The tree's depth is limited to
 * {@link #MAX_DEPTH}: each bracket level, body, and link of an operator or call chain counts, so
 * hostile input ends in a parse error rather than a stack overflow here or in whatever walks the
 * tree later.
 */
final class BodyParser {
  static final int MAX_DEPTH = 1000;

  final Tokens tokens;
  final String file;
  final Keywords keywords;
  int pos;
  private int depth;
  /** A keyword token to read as a plain word because a ref continues right after it. */
  private int forcedIdentifier = -1;
  /** While true, a {@code |} outside brackets ends an infix expression instead of calling or. */
  private boolean pipeEndsExpression;
  private final Object[] memo;
  private final int[] memoEnd;

  BodyParser(Tokens tokens, String file, Keywords keywords) {
    this.tokens = tokens;
    this.file = file;
    this.keywords = keywords;
    this.memo = new Object[tokens.size()];
    this.memoEnd = new int[tokens.size()];
  }

  // ---------------------------------------------------------------- token cursor

  TokenKind kind() {
    return tokens.kind(pos);
  }

  boolean at(TokenKind kind) {
    return tokens.kind(pos) == kind;
  }

  void advance() {
    if (tokens.kind(pos) != TokenKind.EOF) {
      pos++;
    }
  }

  void expect(TokenKind kind, String note) {
    if (!at(kind)) {
      throw unexpected(note);
    }
    advance();
  }

  /** The current token's value (see {@link Tokens#value}). */
  String text() {
    return tokens.value(pos);
  }

  Location location() {
    return location(pos);
  }

  Location location(int index) {
    return new Location(file, tokens.line(index), tokens.column(index));
  }

  boolean newlineBefore() {
    return tokens.newlineBefore(pos);
  }

  /** Whether the current token is the active keyword {@code keyword}. */
  boolean isKeyword(String keyword) {
    int id = tokens.keywordId(pos);
    return tokens.kind(pos) == TokenKind.WORD && id == Keywords.idOf(keyword)
        && keywords.isActive(id);
  }

  boolean isActiveKeyword(int index) {
    return tokens.kind(index) == TokenKind.WORD && keywords.isActive(tokens.keywordId(index));
  }

  /** Whether a {@code .} or {@code [} directly follows the current token. */
  boolean adjacentRefFollows() {
    TokenKind next = tokens.kind(pos + 1);
    return (next == TokenKind.DOT || next == TokenKind.LBRACK) && !tokens.spaceBefore(pos + 1);
  }

  /**
   * Whether the current token can start a name: a word that is not a keyword, or a keyword that
   * a ref continues (OPA allows {@code else.x} or {@code package[0]} where a statement or
   * literal starts).
   */
  boolean atIdentifier() {
    return at(TokenKind.WORD) && (!isActiveKeyword(pos) || adjacentRefFollows());
  }

  /** Reads the current word as an identifier even if it is a keyword. */
  void forceIdentifier() {
    forcedIdentifier = pos;
  }

  /** {@code unexpected X token[: note]}, OPA's message for a token that does not fit. */
  ParseFailure unexpected(String note) {
    TokenKind kind = kind();
    if (kind == TokenKind.ILLEGAL) {
      String reason = text();
      return failHere(reason != null ? reason : "illegal token");
    }
    String what = isActiveKeyword(pos)
        ? Keywords.ALL.get(tokens.keywordId(pos)) + " keyword"
        : kind.display + " token";
    return failHere("unexpected " + what + (note.isEmpty() ? "" : ": " + note));
  }

  ParseFailure failHere(String message) {
    return new ParseFailure(location(), message, pos, false);
  }

  ParseFailure failAt(Location location, String message) {
    return new ParseFailure(location, message, pos, false);
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      depth--;
      throw tooDeep();
    }
  }

  /** The failure that ends parsing when the tree would nest deeper than {@link #MAX_DEPTH}. */
  ParseFailure tooDeep() {
    return new ParseFailure(location(), ParseFailure.TOO_DEEP, pos, true);
  }

  private void leave() {
    depth--;
  }

  // ---------------------------------------------------------------- bodies and literals

  /**
   * Parses literals up to (not including) {@code end}, separated by {@code ;} or newlines; the
   * caller has consumed the opening token and consumes {@code end}.
   */
  Body parseBody(TokenKind end) {
    enter();
    try {
      if (at(end)) {
        throw failHere("found empty body");
      }
      Location start = location();
      List<Literal> literals = new ArrayList<>();
      while (true) {
        literals.add(parseLiteral());
        if (at(TokenKind.SEMICOLON)) {
          advance();
        } else if (at(end)) {
          return new Body(literals, start);
        } else if (!newlineBefore()) {
          throw unexpected("expected \\n or ; or " + end.display);
        }
      }
    } finally {
      leave();
    }
  }

  Literal parseLiteral() {
    Location start = location();
    if (isActiveKeyword(pos) && adjacentRefFollows()) {
      forceIdentifier();
      return exprLiteral(start, false);
    }
    boolean negated = false;
    if (isKeyword("not")) {
      advance();
      negated = true;
    }
    if (isKeyword("some")) {
      if (negated) {
        throw unexpected("illegal negation of 'some'");
      }
      return parseSome(start);
    }
    if (isKeyword("every")) {
      if (negated) {
        throw unexpected("illegal negation of 'every'");
      }
      return parseEvery(start);
    }
    return exprLiteral(start, negated);
  }

  private Literal exprLiteral(Location start, boolean negated) {
    Expr expr = parseExpr();
    return new Literal(start, negated, expr, parseWiths());
  }

  private Expr parseExpr() {
    Term lhs = parseTermIn(true);
    if (at(TokenKind.ASSIGN) || at(TokenKind.UNIFY)) {
      boolean assign = at(TokenKind.ASSIGN);
      advance();
      Term rhs = parseTermIn(true);
      return assign ? new Expr.Assign(lhs, rhs) : new Expr.Unify(lhs, rhs);
    }
    return new Expr.TermExpr(lhs);
  }

  private List<Literal.With> parseWiths() {
    List<Literal.With> withs = new ArrayList<>();
    while (isKeyword("with")) {
      Location start = location();
      advance();
      if (!at(TokenKind.WORD) || isActiveKeyword(pos)) {
        throw unexpected("expected ident");
      }
      Term target = parseTerm();
      Term.Ref ref;
      if (target instanceof Term.Ref r) {
        ref = r;
      } else if (target instanceof Term.Var v) {
        ref = new Term.Ref(v, List.of(), v.location());
      } else {
        throw unexpected("expected with target path");
      }
      if (!isKeyword("as")) {
        throw unexpected("expected as keyword");
      }
      advance();
      withs.add(new Literal.With(ref, parseTermIn(true), start));
    }
    return withs;
  }

  /**
   * {@code some x in xs}, {@code some k, v in xs} or {@code some x, y}. Like OPA, first tries
   * to read a membership and falls back to a list of vars.
   */
  private Literal parseSome(Location start) {
    advance();
    int mark = pos;
    Term term = null;
    try {
      term = parseTermIn(true);
    } catch (ParseFailure f) {
      if (f.fatal()) {
        throw f;
      }
    }
    if (term instanceof Term.Call call) {
      Expr.SomeIn some = switch (memberArity(call)) {
        case 2 -> new Expr.SomeIn(null, call.args().get(0), call.args().get(1));
        case 3 -> new Expr.SomeIn(call.args().get(0), call.args().get(1), call.args().get(2));
        default -> throw unexpected("expected `x in xs` or `x, y in xs` expression");
      };
      return new Literal(start, false, some, parseWiths());
    }
    pos = mark;
    List<Term.Var> vars = new ArrayList<>();
    while (true) {
      if (!at(TokenKind.WORD) || isActiveKeyword(pos)) {
        throw unexpected("expected var");
      }
      vars.add(new Term.Var(text(), location()));
      advance();
      if (!at(TokenKind.COMMA)) {
        return new Literal(start, false, new Expr.SomeDecl(vars), List.of());
      }
      advance();
    }
  }

  private Literal parseEvery(Location start) {
    advance();
    Term term = parseTermIn(true);
    int arity = term instanceof Term.Call call ? memberArity(call) : 0;
    if (arity == 0) {
      throw unexpected("expected `x[, y] in xs { ... }` expression");
    }
    List<Term> args = ((Term.Call) term).args();
    Term key = arity == 3 ? args.get(0) : null;
    if (key != null && !(key instanceof Term.Var)) {
      throw unexpected("expected key to be a variable");
    }
    Term value = args.get(arity - 2);
    if (!(value instanceof Term.Var)) {
      throw unexpected("expected value to be a variable");
    }
    if (!at(TokenKind.LBRACE)) {
      throw unexpected("missing body");
    }
    advance();
    Body body = parseBody(TokenKind.RBRACE);
    advance();
    Expr every = new Expr.Every(key, value, args.get(arity - 1), body);
    return new Literal(start, false, every, parseWiths());
  }

  /**
   * 2 or 3 for a call of {@code internal.member_2} or {@code internal.member_3} with that many
   * arguments, 0 for any other call.
   *
   * @throws ParseFailure {@code illegal domain} for a membership call of another arity
   */
  private int memberArity(Term.Call call) {
    Term.Ref op = call.operator();
    if (!(op.head() instanceof Term.Var v && v.name().equals("internal")
        && op.path().size() == 1 && op.path().get(0) instanceof Term.Scalar s
        && s.value() instanceof StringValue name)) {
      return 0;
    }
    int arity = switch (name.value()) {
      case "member_2" -> 2;
      case "member_3" -> 3;
      default -> 0;
    };
    if (arity != 0 && call.args().size() != arity) {
      throw unexpected("illegal domain");
    }
    return arity;
  }

  // ---------------------------------------------------------------- infix operators

  /**
   * A term with infix operators. With {@code keyValue}, {@code k, v in xs} is read as one
   * membership term; in lists (array items, call arguments, ...) a comma separates items.
   */
  Term parseTermIn(boolean keyValue) {
    return parseMembership(parseBinary(1), keyValue);
  }

  /** Continues a list item whose first term has been read. */
  private Term continueItem(Term first) {
    return parseMembership(parseBinaryRest(first, 1), false);
  }

  private Term parseMembership(Term lhs, boolean keyValue) {
    if (keyValue && at(TokenKind.COMMA)) {
      int mark = pos;
      Term keyValueMember = tryKeyValueMembership(lhs);
      if (keyValueMember != null) {
        lhs = keyValueMember;
      } else {
        pos = mark;
      }
    }
    int nested = 0;
    try {
      while (isKeyword("in")) {
        Location op = location();
        advance();
        enter();
        nested++;
        lhs = member("member_2", op, List.of(lhs, parseBinary(1)));
      }
      return lhs;
    } finally {
      depth -= nested;
    }
  }

  /** Reads {@code , v in xs} after {@code key}; null (position unspecified) if that fails. */
  private Term tryKeyValueMembership(Term key) {
    advance();
    try {
      Term value = parseBinary(1);
      if (!isKeyword("in")) {
        return null;
      }
      Location op = location();
      advance();
      return member("member_3", op, List.of(key, value, parseBinary(1)));
    } catch (ParseFailure f) {
      if (f.fatal()) {
        throw f;
      }
      return null;
    }
  }

  /** A call of {@code internal.<name>}, located (like OPA's infix calls) at its first operand. */
  private static Term.Call member(String name, Location op, List<Term> args) {
    Term.Ref operator = new Term.Ref(new Term.Var("internal", op),
        List.of(new Term.Scalar(StringValue.of(name), op)), op);
    return new Term.Call(operator, args, args.get(0).location());
  }

  private Term parseBinary(int minPrecedence) {
    return parseBinaryRest(parseTerm(), minPrecedence);
  }

  /**
   * Precedence climbing over the binary operators, all left-associative. Each operator nests
   * the calls before it one level deeper, so long chains count towards the depth limit.
   */
  private Term parseBinaryRest(Term lhs, int minPrecedence) {
    int nested = 0;
    try {
      while (true) {
        TokenKind op = kind();
        if (!op.isBinaryOperator() || op.precedence < minPrecedence
            || (op == TokenKind.OR && pipeEndsExpression)) {
          return lhs;
        }
        Location opLocation = location();
        advance();
        enter();
        nested++;
        Term rhs = parseBinary(op.precedence + 1);
        Term.Ref operator = new Term.Ref(new Term.Var(op.display, opLocation), List.of(),
            opLocation);
        lhs = new Term.Call(operator, List.of(lhs, rhs), lhs.location());
      }
    } finally {
      depth -= nested;
    }
  }

  // ---------------------------------------------------------------- terms

  /** One term with its ref, call and index suffixes, but no infix operators. */
  Term parseTerm() {
    int start = pos;
    boolean memoizable = start != forcedIdentifier;
    if (memoizable && memo[start] != null) {
      if (memo[start] instanceof ParseFailure f) {
        throw f;
      }
      pos = memoEnd[start];
      return (Term) memo[start];
    }
    enter();
    boolean pipeEnded = pipeEndsExpression;
    pipeEndsExpression = false;
    try {
      Term term = parseSuffixes(parsePrimary());
      if (memoizable) {
        memo[start] = term;
        memoEnd[start] = pos;
      }
      return term;
    } catch (ParseFailure f) {
      if (memoizable && !f.fatal()) {
        memo[start] = f;
      }
      throw f;
    } finally {
      pipeEndsExpression = pipeEnded;
      leave();
    }
  }

  private Term parsePrimary() {
    return switch (kind()) {
      case WORD -> parseWord();
      case NUMBER, MINUS, DOT -> parseNumber();
      case STRING -> {
        Term s = new Term.Scalar(StringValue.of(text()), location());
        advance();
        yield s;
      }
      case LBRACK -> parseArray();
      case LBRACE -> parseSetOrObject();
      case LPAREN -> parseParenthesized();
      default -> throw unexpected("");
    };
  }

  private Term parseWord() {
    Location loc = location();
    String word = text();
    // Outside rule heads "contains" is an ordinary name, so contains(s, "x") still works.
    if (!isActiveKeyword(pos) || pos == forcedIdentifier || word.equals("contains")) {
      advance();
      return new Term.Var(word, loc);
    }
    Term scalar = switch (word) {
      case "null" -> new Term.Scalar(NullValue.INSTANCE, loc);
      case "true" -> new Term.Scalar(BooleanValue.TRUE, loc);
      case "false" -> new Term.Scalar(BooleanValue.FALSE, loc);
      default -> throw unexpected("");
    };
    advance();
    return scalar;
  }

  /** A number, possibly negative ({@code -1}) or without integer part ({@code .5}). */
  private Term parseNumber() {
    Location loc = location();
    String prefix = "";
    if (at(TokenKind.MINUS)) {
      advance();
      if (!at(TokenKind.NUMBER) && !at(TokenKind.DOT)) {
        throw unexpected("expected number");
      }
      prefix = "-";
    }
    boolean fractionOnly = at(TokenKind.DOT);
    if (fractionOnly) {
      advance();
      if (!at(TokenKind.NUMBER)) {
        throw unexpected("expected number");
      }
      prefix += ".";
    }
    String digits = text();
    if (!fractionOnly && digits.length() > 1 && digits.charAt(0) == '0'
        && digits.charAt(1) != '.' && !(digits.length() > 2 && (digits.charAt(1) == 'e'
            || digits.charAt(1) == 'E'))) {
      throw unexpected("expected number without leading zero");
    }
    NumberValue value;
    try {
      value = numberValue(prefix + digits);
    } catch (NumberFormatException e) {
      // ".1.5": a leading dot before a number that has its own fraction
      throw unexpected("invalid float");
    }
    if (value == null) {
      throw failHere("number too big");
    }
    advance();
    return new Term.Scalar(value, loc);
  }

  /**
   * The number a literal spells, or null if its magnitude is beyond OPA's limit (a binary
   * exponent of 100000, about 10^30103), which OPA enforces to keep arithmetic cheap.
   *
   * @throws NumberFormatException if the text is not a number
   */
  private static NumberValue numberValue(String literal) {
    int e = Math.max(literal.indexOf('e'), literal.indexOf('E'));
    int mantissaEnd = e < 0 ? literal.length() : e;
    if (!hasNonZeroDigit(literal, mantissaEnd)) {
      return NumberValue.ZERO;
    }
    if (e >= 0 && significantDigits(literal, e + 1) > 6) {
      return null;
    }
    BigDecimal value = new BigDecimal(literal);
    long magnitude = (long) value.precision() - value.scale() - 1;
    return Math.abs(magnitude) > 30102 ? null : NumberValue.of(value);
  }

  private static boolean hasNonZeroDigit(String s, int end) {
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c >= '1' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** The number of digits of the exponent starting at {@code from}, without sign and zeros. */
  private static int significantDigits(String s, int from) {
    int i = from;
    while (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-' || s.charAt(i) == '0')) {
      i++;
    }
    return s.length() - i;
  }

  private Term parseParenthesized() {
    advance();
    Term term = parseTermIn(true);
    if (!at(TokenKind.RPAREN)) {
      throw failHere("non-terminated expression");
    }
    advance();
    return term;
  }

  /** Applies {@code .name}, {@code [index]} and {@code (args)} suffixes that touch the term. */
  private Term parseSuffixes(Term term) {
    if (!tokens.spaceBefore(pos)
        && (at(TokenKind.DOT) || at(TokenKind.LBRACK) || at(TokenKind.LPAREN))) {
      return parseRef(term);
    }
    return rootDocument(term);
  }

  /** {@code input} and {@code data} are refs even without a path, as in OPA. */
  private static Term rootDocument(Term term) {
    if (term instanceof Term.Var v && (v.name().equals("input") || v.name().equals("data"))) {
      return new Term.Ref(v, List.of(), v.location());
    }
    return term;
  }

  /**
   * Reads ref steps after {@code head}, starting at a {@code .}, {@code [} or {@code (}. The
   * first step may follow whitespace (rule heads allow {@code p [x]}); later ones must touch the
   * previous step. A call ends a ref; steps right after it start a new ref on the call's result
   * ({@code f(x).y}), so chains of calls are read in a loop, not by recursion.
   */
  Term parseRef(Term head) {
    List<Term> path = new ArrayList<>();
    checkRefHead(head);
    int nested = 0;
    try {
      while (true) {
        switch (kind()) {
          case DOT -> path.add(parseDotStep());
          case LBRACK -> {
            advance();
            path.add(parseTermIn(true));
            expect(TokenKind.RBRACK, "expected ]");
          }
          case LPAREN -> {
            Term call = parseCall(new Term.Ref(head, path, head.location()));
            if (tokens.spaceBefore(pos) || !(at(TokenKind.DOT) || at(TokenKind.LBRACK))) {
              return call;
            }
            enter();
            nested++;
            head = call;
            path = new ArrayList<>();
          }
          default -> throw new IllegalStateException("parseRef called at " + kind());
        }
        if (tokens.spaceBefore(pos)
            || !(at(TokenKind.DOT) || at(TokenKind.LBRACK) || at(TokenKind.LPAREN))) {
          return new Term.Ref(head, path, head.location());
        }
      }
    } finally {
      depth -= nested;
    }
  }

  private void checkRefHead(Term head) {
    if (head instanceof Term.Scalar || head instanceof Term.Ref) {
      throw failAt(head.location(),
          "illegal ref (head cannot be " + Terms.valueName(head) + ")");
    }
  }

  /** {@code .name}, which must touch the dot; any word, keywords included, is a name here. */
  private Term parseDotStep() {
    Location dot = location();
    advance();
    if (tokens.spaceBefore(pos)) {
      Location space = new Location(file, dot.line(), dot.column() + 1);
      throw failAt(space, "unexpected whitespace token: expected identifier");
    }
    if (!at(TokenKind.WORD)) {
      throw unexpected("expected identifier");
    }
    Term name = new Term.Scalar(StringValue.of(text()), location());
    advance();
    return name;
  }

  private Term parseCall(Term.Ref operator) {
    advance();
    List<Term> args = new ArrayList<>();
    if (at(TokenKind.RPAREN)) {
      advance();
      if (operator.path().isEmpty() && operator.head() instanceof Term.Var v
          && v.name().equals("set")) {
        return new Term.SetTerm(List.of(), operator.location());
      }
      return new Term.Call(operator, args, operator.location());
    }
    args.add(parseTermIn(false));
    return new Term.Call(operator, finishItems(args, TokenKind.RPAREN), operator.location());
  }

  /** Reads {@code , item}* up to and including {@code end}, allowing a trailing comma. */
  private List<Term> finishItems(List<Term> items, TokenKind end) {
    while (true) {
      if (at(end)) {
        advance();
        return items;
      }
      expect(TokenKind.COMMA, "expected \",\" or \"" + end.display + "\"");
      if (at(end)) {
        advance();
        return items;
      }
      items.add(parseTermIn(false));
    }
  }

  private Term parseArray() {
    Location loc = location();
    advance();
    List<Term> items = new ArrayList<>();
    if (at(TokenKind.RBRACK)) {
      advance();
      return new Term.ArrayTerm(items, loc);
    }
    if (at(TokenKind.COMMA)) {
      // OPA accepts a leading comma ("[, x]") for backwards compatibility; no comprehension.
      advance();
      if (!at(TokenKind.RBRACK)) {
        items.add(parseTermIn(false));
      }
      return new Term.ArrayTerm(finishItems(items, TokenKind.RBRACK), loc);
    }
    Term first = parseTerm();
    if (at(TokenKind.OR)) {
      Body body = tryComprehensionBody(TokenKind.RBRACK, true);
      if (body != null) {
        return new Term.ArrayComprehension(first, body, loc);
      }
    }
    int afterFirst = pos;
    try {
      items.add(continueItem(first));
      return new Term.ArrayTerm(finishItems(items, TokenKind.RBRACK), loc);
    } catch (ParseFailure f) {
      InfixHeadComprehension c = infixHeadComprehension(first, afterFirst, TokenKind.RBRACK, f);
      return new Term.ArrayComprehension(c.head(), c.body(), loc);
    }
  }

  private Term parseSetOrObject() {
    Location loc = location();
    advance();
    if (at(TokenKind.RBRACE)) {
      advance();
      return new Term.ObjectTerm(List.of(), loc);
    }
    boolean comprehensible = !at(TokenKind.COMMA);
    if (!comprehensible) {
      advance();
    }
    Term first = parseTerm();
    if (comprehensible && at(TokenKind.OR)) {
      Body body = tryComprehensionBody(TokenKind.RBRACE, true);
      if (body != null) {
        return new Term.SetComprehension(first, body, loc);
      }
    }
    if (at(TokenKind.COLON)) {
      return parseObject(loc, first, comprehensible);
    }
    int afterFirst = pos;
    try {
      return parseSetOrInfixKeyObject(loc, first, comprehensible);
    } catch (ParseFailure f) {
      if (!comprehensible) {
        throw f;
      }
      InfixHeadComprehension c = infixHeadComprehension(first, afterFirst, TokenKind.RBRACE, f);
      return new Term.SetComprehension(c.head(), c.body(), loc);
    }
  }

  /** A set, or an object whose first key has operators ({@code {a + 1: b}}). */
  private Term parseSetOrInfixKeyObject(Location loc, Term first, boolean comprehensible) {
    if (!at(TokenKind.RBRACE) && !at(TokenKind.COMMA)) {
      first = continueItem(first);
    }
    if (at(TokenKind.COLON)) {
      return parseObject(loc, first, comprehensible);
    }
    if (!at(TokenKind.RBRACE) && !at(TokenKind.COMMA)) {
      throw unexpected("non-terminated set");
    }
    List<Term> items = new ArrayList<>();
    items.add(first);
    return new Term.SetTerm(finishItems(items, TokenKind.RBRACE), loc);
  }

  /** The rest of an object or object comprehension whose first key has been read. */
  private Term parseObject(Location loc, Term firstKey, boolean comprehensible) {
    advance();
    Term firstValue = parseTerm();
    if (comprehensible && at(TokenKind.OR)) {
      Body body = tryComprehensionBody(TokenKind.RBRACE, false);
      if (body != null) {
        return new Term.ObjectComprehension(firstKey, firstValue, body, loc);
      }
    }
    int afterValue = pos;
    try {
      return parseObjectItems(loc, firstKey, firstValue);
    } catch (ParseFailure f) {
      if (!comprehensible) {
        throw f;
      }
      InfixHeadComprehension c = infixHeadComprehension(firstValue, afterValue,
          TokenKind.RBRACE, f);
      return new Term.ObjectComprehension(firstKey, c.head(), c.body(), loc);
    }
  }

  private Term parseObjectItems(Location loc, Term firstKey, Term firstValue) {
    if (!at(TokenKind.RBRACE) && !at(TokenKind.COMMA)) {
      firstValue = continueItem(firstValue);
      if (!at(TokenKind.RBRACE) && !at(TokenKind.COMMA)) {
        throw unexpected("non-terminated object");
      }
    }
    List<Term.ObjectItem> items = new ArrayList<>();
    items.add(new Term.ObjectItem(firstKey, firstValue));
    while (true) {
      if (at(TokenKind.RBRACE)) {
        advance();
        return new Term.ObjectTerm(items, loc);
      }
      expect(TokenKind.COMMA, "expected \",\" or \"}\"");
      if (at(TokenKind.RBRACE)) {
        advance();
        return new Term.ObjectTerm(items, loc);
      }
      Term key = parseTermIn(false);
      expect(TokenKind.COLON, "expected \":\"");
      items.add(new Term.ObjectItem(key, parseTermIn(false)));
    }
  }

  /**
   * At {@code |} after a collection's first term: parses a comprehension body and its closing
   * token. Returns null (position back at the {@code |}) if the text should be re-read as a
   * collection instead: always for object values, and for arrays and sets only when the body
   * failed at a comma (OPA's rules).
   */
  private Body tryComprehensionBody(TokenKind end, boolean onlyAtComma) {
    int mark = pos;
    try {
      advance();
      Body body = parseBody(end);
      advance();
      return body;
    } catch (ParseFailure f) {
      if (f.fatal() || (onlyAtComma && tokens.kind(f.position()) != TokenKind.COMMA)) {
        throw f;
      }
      pos = mark;
      return null;
    }
  }

  private record InfixHeadComprehension(Term head, Body body) {}

  /**
   * An extension of OPA's grammar. OPA reads {@code [x * 2 | some x in xs]} as an array holding
   * {@code or(mul(x, 2), ...)} and fails (OPA issue 4215). Only when that reading has failed,
   * this tries the evident one: a comprehension whose head is {@code x * 2}. So every text OPA
   * accepts keeps OPA's meaning.
   *
   * @param first the head's first term, which ended at token {@code afterFirst}
   * @param failure why OPA's reading failed, thrown again if this reading fails too
   */
  private InfixHeadComprehension infixHeadComprehension(Term first, int afterFirst,
      TokenKind end, ParseFailure failure) {
    TokenKind next = tokens.kind(afterFirst);
    boolean operatorFollows = next.isBinaryOperator() && next != TokenKind.OR
        || tokens.keywordId(afterFirst) == Keywords.idOf("in") && keywords.isActive(
            tokens.keywordId(afterFirst));
    if (failure.fatal() || !operatorFollows) {
      throw failure;
    }
    pos = afterFirst;
    Term head;
    boolean pipeEnded = pipeEndsExpression;
    pipeEndsExpression = true;
    try {
      head = continueItem(first);
    } catch (ParseFailure f) {
      throw f.fatal() ? f : failure;
    } finally {
      pipeEndsExpression = pipeEnded;
    }
    Body body = at(TokenKind.OR) ? tryComprehensionBody(end, false) : null;
    if (body == null) {
      throw failure;
    }
    return new InfixHeadComprehension(head, body);
  }
}
