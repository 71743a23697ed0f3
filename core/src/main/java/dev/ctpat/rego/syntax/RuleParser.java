package dev.ctpat.rego.syntax;

import dev.ctpat.rego.syntax.ParseException.SyntaxError;
import dev.ctpat.rego.syntax.Rule.HeadKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the statements of a module that are not {@code package} or {@code import}: rules in
 * all their v0 and v1 forms. As in OPA, a statement whose head is not followed by a body
 * ({@code if}, <code>{</code>) or {@code contains} is parsed as an expression and then read as a
 * rule: {@code p := 1}, {@code p.q.r}, {@code f(x) = y}, v0's {@code p[x]}.
 *
 * <p>Problems are reported two ways. Syntax errors throw {@link ParseFailure}. Statements that
 * parse but cannot be rules ({@code var cannot be used for rule name}) add to {@code errors} and
 * yield no rule. Violations of Rego v1's rules ({@code `if` keyword is required before rule
 * body}) add to {@code v1Errors}, which count only if the module turns out to be v1 (a v0
 * module becomes v1 through {@code import rego.v1}, which may come later).
 */
final class RuleParser {
  private static final Set<String> OPERATOR_NAMES = operatorNames();

  private final BodyParser p;
  private final List<SyntaxError> errors;
  private final List<SyntaxError> v1Errors;

  /** A parsed rule head: its ref, and what followed it. */
  private record Head(Term.Ref ref, List<Term> args, Term key, Term value, boolean assign,
      boolean usesContains) {}

  RuleParser(BodyParser parser, List<SyntaxError> errors, List<SyntaxError> v1Errors) {
    this.p = parser;
    this.errors = errors;
    this.v1Errors = v1Errors;
  }

  /** Parses one statement into its rules: several for v0's {@code p { a } { b }}, or none. */
  List<Rule> parseStatement() {
    int start = p.pos;
    Location location = p.location();
    boolean isDefault = p.isKeyword("default") && !p.adjacentRefFollows();
    if (isDefault) {
      p.advance();
    }
    Head head = p.atIdentifier() ? parseHead() : null;
    if (head != null && isDefault) {
      return List.of(defaultRule(location, head));
    }
    boolean hasIf = p.isKeyword("if");
    if (head == null || (!hasIf && !p.at(TokenKind.LBRACE) && !head.usesContains())) {
      p.pos = start;
      return expressionStatement();
    }
    return rulesWithBody(location, head, hasIf);
  }

  /** The head of a rule, or null if the name is not followed by something a head can be. */
  private Head parseHead() {
    Term.Var name = new Term.Var(p.text(), p.location());
    p.advance();
    if (!p.tokens.spaceBefore(p.pos) && p.kind().isBinaryOperator()) {
      throw p.unexpected("");
    }
    Term term = p.at(TokenKind.DOT) || p.at(TokenKind.LBRACK) || p.at(TokenKind.LPAREN)
        ? p.parseRef(name) : name;
    Term.Ref ref;
    List<Term> args = null;
    if (term instanceof Term.Var v) {
      ref = new Term.Ref(v, List.of(), v.location());
    } else if (term instanceof Term.Ref r) {
      ref = r;
    } else if (term instanceof Term.Call c) {
      ref = c.operator();
      args = c.args();
    } else {
      return null;
    }
    if (!(ref.head() instanceof Term.Var)) {
      throw p.unexpected("rule head ref " + Printer.print(term) + " invalid");
    }
    if (p.isKeyword("contains")) {
      if (args != null) {
        throw p.unexpected("the contains keyword can only be used with multi-value rule "
            + "definitions (e.g., " + Printer.print(ref) + " contains <VALUE> { ... })");
      }
      p.advance();
      return new Head(ref, null, p.parseTermIn(true), null, false, true);
    }
    if (p.at(TokenKind.UNIFY) || p.at(TokenKind.ASSIGN)) {
      boolean assign = p.at(TokenKind.ASSIGN);
      p.advance();
      return new Head(ref, args, null, p.parseTermIn(true), assign, false);
    }
    return new Head(ref, args, null, null, false, false);
  }

  private Rule defaultRule(Location location, Head head) {
    if (head.value() == null) {
      throw p.failAt(location, "illegal default rule (must have a value)");
    }
    String variable = firstVariable(head.value());
    if (variable != null) {
      throw p.failAt(location, "illegal default rule (value cannot contain " + variable + ")");
    }
    if (head.args() != null) {
      checkDefaultArgs(location, head.args());
    }
    HeadKind kind = head.args() != null ? HeadKind.FUNCTION : HeadKind.VALUE;
    Rule rule = new Rule(location, kind, true, head.ref(), head.args(), null, head.value(),
        head.assign(), emptyBody(location), null, List.of());
    checkV1(rule, false, false, false, false);
    return rule;
  }

  /** {@code var}, {@code ref} or {@code call} for the first non-constant part, else null. */
  private static String firstVariable(Term term) {
    if (term instanceof Term.Var) {
      return "var";
    } else if (term instanceof Term.Ref) {
      return "ref";
    } else if (term instanceof Term.Call) {
      return "call";
    } else if (term instanceof Term.ArrayTerm a) {
      return firstVariable(a.items());
    } else if (term instanceof Term.SetTerm s) {
      return firstVariable(s.items());
    } else if (term instanceof Term.ObjectTerm o) {
      for (Term.ObjectItem item : o.items()) {
        String found = firstVariable(List.of(item.key(), item.value()));
        if (found != null) {
          return found;
        }
      }
    }
    // Scalars are constant; comprehensions are closures and may use variables.
    return null;
  }

  private static String firstVariable(List<Term> terms) {
    for (Term t : terms) {
      String found = firstVariable(t);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private void checkDefaultArgs(Location location, List<Term> args) {
    Set<String> seen = new HashSet<>();
    for (Term arg : args) {
      if (!(arg instanceof Term.Var v)) {
        // OPA before 1.0 accepted ground arguments; Rego v1 forbids them.
        v1Errors.add(new SyntaxError(location,
            "illegal default rule (arguments cannot contain " + Terms.valueName(arg) + ")"));
        continue;
      }
      if (!v.isWildcard() && !seen.add(v.name())) {
        throw p.failAt(location,
            "illegal default rule (arguments cannot be repeated " + v.name() + ")");
      }
    }
  }

  /**
   * A rule with a body ({@code if ...} or <code>{ ... }</code>) or a {@code contains} rule, with
   * its {@code else} chain and any further v0 bodies.
   */
  private List<Rule> rulesWithBody(Location location, Head head, boolean hasIf) {
    Term.Ref ref = head.ref();
    Term key = head.key();
    // v0's p[x] { ... } (no if, no value) is a partial set rule: p contains x.
    boolean legacyPartial = !hasIf && !head.usesContains() && head.args() == null
        && ref.path().size() == 1;
    HeadKind kind;
    if (head.args() != null) {
      kind = HeadKind.FUNCTION;
    } else if (head.usesContains()) {
      kind = HeadKind.CONTAINS;
    } else if (legacyPartial && head.value() == null) {
      kind = HeadKind.CONTAINS;
      key = ref.path().get(0);
      ref = new Term.Ref(ref.head(), List.of(), ref.location());
    } else {
      kind = HeadKind.VALUE;
    }
    boolean generatedValue = head.value() == null && kind != HeadKind.CONTAINS;

    Body body;
    if (hasIf) {
      p.advance();
      body = parseIfBody();
    } else if (p.at(TokenKind.LBRACE)) {
      body = parseBracedBody();
    } else {
      Rule rule = new Rule(location, kind, false, ref, null, key, null, false,
          emptyBody(location), null, List.of());
      checkV1(rule, false, true, true, false);
      return List.of(rule);
    }

    Rule elseRule = null;
    if (p.isKeyword("else") && !p.adjacentRefFollows()) {
      if (!Terms.isGround(ref)) {
        throw p.failHere("else keyword cannot be used on rules with variables in head");
      }
      if (head.usesContains() || legacyPartial) {
        throw p.failHere("else keyword cannot be used on multi-value rules");
      }
      elseRule = parseElseChain(ref, head.args(), kind);
    }
    List<Rule> rules = new ArrayList<>();
    rules.add(new Rule(location, kind, false, ref, head.args(), key, head.value(),
        head.assign(), body, elseRule, List.of()));
    // v0 allowed further bodies, each a rule with the same head: p { a } { b }.
    while (p.at(TokenKind.LBRACE)) {
      if (elseRule != null) {
        throw p.failHere("expected else keyword");
      }
      Location bodyLocation = p.location();
      rules.add(new Rule(bodyLocation, kind, false, ref, head.args(), key, head.value(),
          head.assign(), parseBracedBody(), null, List.of()));
    }
    for (Rule rule : rules) {
      checkV1(rule, hasIf, head.usesContains(), false, generatedValue);
    }
    return rules;
  }

  /**
   * The body after {@code if}: a single literal, or literals in braces. As in OPA, text in
   * braces is first tried as one literal, and read as a body if that fails or yields a set
   * literal; so {@code p if {"a": 1}} has an object as its only literal.
   */
  private Body parseIfBody() {
    boolean braced = p.at(TokenKind.LBRACE);
    int mark = p.pos;
    try {
      Literal literal = p.parseLiteral();
      boolean setLiteral = literal.expr() instanceof Expr.TermExpr t
          && t.term() instanceof Term.SetTerm;
      if (!(braced && setLiteral)) {
        return new Body(List.of(literal), literal.location());
      }
    } catch (ParseFailure f) {
      if (!braced || f.fatal()) {
        throw f;
      }
    }
    p.pos = mark;
    return parseBracedBody();
  }

  private Body parseBracedBody() {
    p.advance();
    Body body = p.parseBody(TokenKind.RBRACE);
    p.advance();
    return body;
  }

  /** One {@code else} of a chain, before it is linked to the rest. */
  private record ElsePart(Location location, Term value, boolean assign, Body body,
      boolean hasIf, boolean generatedBody) {}

  /** An {@code else} chain, read in a loop (chains may be long) and linked from its end. */
  private Rule parseElseChain(Term.Ref ref, List<Term> args, HeadKind kind) {
    List<ElsePart> parts = new ArrayList<>();
    ElsePart part;
    do {
      if (parts.size() == BodyParser.MAX_DEPTH) {
        throw p.tooDeep();
      }
      part = parseElsePart();
      parts.add(part);
      // Like OPA, an else without a body ends the chain.
    } while (!part.generatedBody() && p.isKeyword("else"));
    Rule next = null;
    for (int i = parts.size() - 1; i >= 0; i--) {
      ElsePart e = parts.get(i);
      next = new Rule(e.location(), kind, false, ref, args, null, e.value(), e.assign(),
          e.body(), next, List.of());
      checkV1(next, e.hasIf(), false, e.generatedBody(), false);
    }
    return next;
  }

  private ElsePart parseElsePart() {
    Location location = p.location();
    p.advance();
    Term value = null;
    boolean assign = false;
    if (p.at(TokenKind.ASSIGN) || p.at(TokenKind.UNIFY)) {
      assign = p.at(TokenKind.ASSIGN);
      p.advance();
      value = p.parseTermIn(true);
    } else if (!p.at(TokenKind.LBRACE) && !p.isKeyword("if")) {
      throw p.unexpected("expected else value term or rule body");
    }
    boolean hasIf = p.isKeyword("if");
    if (!hasIf && !p.at(TokenKind.LBRACE)) {
      return new ElsePart(location, value, assign, emptyBody(location), false, true);
    }
    if (hasIf) {
      p.advance();
    }
    Body body;
    if (p.at(TokenKind.LBRACE)) {
      body = parseBracedBody();
    } else if (!p.at(TokenKind.EOF)) {
      Literal literal = p.parseLiteral();
      body = new Body(List.of(literal), literal.location());
    } else {
      throw p.unexpected("rule body expected");
    }
    return new ElsePart(location, value, assign, body, hasIf, false);
  }

  /** A statement without a body, parsed as literals and read as a rule. */
  private List<Rule> expressionStatement() {
    Literal first = p.parseLiteral();
    boolean several = false;
    while (p.at(TokenKind.SEMICOLON)) {
      p.advance();
      p.parseLiteral();
      several = true;
    }
    if (several) {
      return reject(first.location(), "multiple expressions cannot be used for rule head");
    }
    Location location = first.location();
    if (!first.withs().isEmpty()) {
      return reject(location, "expressions using with keyword cannot be used for rule head");
    }
    if (first.negated()) {
      return reject(location, "negated expressions cannot be used for rule head");
    }
    Expr expr = first.expr();
    if (expr instanceof Expr.TermExpr t) {
      return ruleFromTerm(location, t.term());
    } else if (expr instanceof Expr.Unify u) {
      return ruleFromEquality(location, u.left(), u.right(), false);
    } else if (expr instanceof Expr.Assign a) {
      return ruleFromEquality(location, a.left(), a.right(), true);
    } else if (expr instanceof Expr.Every) {
      return reject(location, "expression cannot be used for rule head");
    }
    return reject(location, "'some' declarations cannot be used for rule head");
  }

  /** {@code p[x]}, {@code p.q.r} or {@code f(x)} on its own. */
  private List<Rule> ruleFromTerm(Location location, Term term) {
    if (term instanceof Term.Call call) {
      Term.Ref op = call.operator();
      if (op.path().isEmpty() && op.head() instanceof Term.Var v
          && OPERATOR_NAMES.contains(v.name()) || isMembership(op)) {
        return reject(location, "rule name conflicts with built-in function");
      }
      if (call.args().isEmpty()) {
        return reject(location, "rule argument list must take at least one argument");
      }
      if (!(op.head() instanceof Term.Var)) {
        return reject(location, "invalid rule head: " + Printer.print(op));
      }
      return generated(location, HeadKind.FUNCTION, op, call.args(), null, null, false, false);
    }
    if (term instanceof Term.Ref ref) {
      if (!(ref.head() instanceof Term.Var)) {
        return reject(location, "invalid rule head: " + Printer.print(ref));
      }
      return switch (ref.path().size()) {
        case 0 -> reject(location, "refs cannot be used for rule head");
        case 1 -> generated(location, HeadKind.CONTAINS,
            new Term.Ref(ref.head(), List.of(), ref.location()), null, ref.path().get(0), null,
            false, false);
        default -> generated(location, HeadKind.VALUE, ref, null, null, null, false, true);
      };
    }
    return reject(location, Terms.valueName(term) + " cannot be used for rule name");
  }

  /** {@code p = v}, {@code p.q[r] := v} or {@code f(x) = v}. */
  private List<Rule> ruleFromEquality(Location location, Term lhs, Term value, boolean assign) {
    if (lhs instanceof Term.Call call) {
      if (!(call.operator().head() instanceof Term.Var)) {
        return reject(location, "invalid rule head: " + Printer.print(call.operator()));
      }
      return generated(location, HeadKind.FUNCTION, call.operator(), call.args(), null, value,
          assign, false);
    }
    if (lhs instanceof Term.Ref ref) {
      if (!(ref.head() instanceof Term.Var)) {
        return reject(location, "invalid rule head: " + Printer.print(ref));
      }
      return generated(location, HeadKind.VALUE, ref, null, null, value, assign, false);
    }
    if (lhs instanceof Term.Var v) {
      return generated(location, HeadKind.VALUE, new Term.Ref(v, List.of(), v.location()), null,
          null, value, assign, false);
    }
    return reject(location, Terms.valueName(lhs) + " cannot be used for rule name");
  }

  /** A rule read from an expression statement, which has no body. */
  private List<Rule> generated(Location location, HeadKind kind, Term.Ref head, List<Term> args,
      Term key, Term value, boolean assign, boolean generatedValue) {
    Rule rule = new Rule(location, kind, false, head, args, key, value, assign,
        emptyBody(location), null, List.of());
    checkV1(rule, false, false, true, generatedValue);
    return List.of(rule);
  }

  private List<Rule> reject(Location location, String message) {
    errors.add(new SyntaxError(location, message));
    return List.of();
  }

  /** Records what Rego v1 forbids about a rule, as OPA's {@code CheckRegoV1} does. */
  private void checkV1(Rule rule, boolean hasIf, boolean usesContains, boolean generatedBody,
      boolean generatedValue) {
    String what = rule.args() != null && !rule.args().isEmpty() ? "function" : "rule";
    if (rule.head().path().isEmpty() && rule.head().head() instanceof Term.Var v
        && Keywords.isKeywordOf(RegoVersion.V1, v.name())) {
      v1(rule, v.name() + " keyword cannot be used for rule name");
    }
    if (generatedBody && generatedValue) {
      v1(rule, what + " must have value assignment and/or body declaration");
    }
    if (!generatedBody && !hasIf && !rule.isDefault()) {
      v1(rule, "`if` keyword is required before " + what + " body");
    }
    if (rule.headKind() == HeadKind.CONTAINS && !usesContains) {
      v1(rule, "`contains` keyword is required for partial set rules");
    }
  }

  private void v1(Rule rule, String message) {
    v1Errors.add(new SyntaxError(rule.location(), message));
  }

  private static Body emptyBody(Location location) {
    return new Body(List.of(), location);
  }

  private static boolean isMembership(Term.Ref op) {
    String name = Printer.print(op);
    return name.equals("internal.member_2") || name.equals("internal.member_3");
  }

  private static Set<String> operatorNames() {
    Set<String> names = new HashSet<>();
    for (TokenKind kind : TokenKind.values()) {
      if (kind.isBinaryOperator()) {
        names.add(kind.display);
      }
    }
    return Set.copyOf(names);
  }
}
