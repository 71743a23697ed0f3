package dev.ctpat.rego.syntax;

import dev.ctpat.rego.syntax.ParseException.SyntaxError;
import dev.ctpat.rego.value.StringValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a whole module: the statement loop, {@code package} and {@code import} statements,
 * the module-level checks, and the attachment of METADATA annotations.
 *
 * <p>After a syntax error the parser skips to the next line that starts in column 1 (where
 * Rego statements start) and goes on, so one run reports errors in several statements; it stops
 * after {@link #MAX_SYNTAX_ERRORS} of them, or at the first error that no reading can recover
 * from (too deep nesting).
 */
final class ModuleParser {
  static final int MAX_SYNTAX_ERRORS = 10;

  private static final Set<String> IMPORT_ROOTS = Set.of("data", "input", "future", "rego");

  /** A parsed statement: a package path ({@link Term.Ref}), a {@link Module.Import} or a rule. */
  private record Statement(Location location, Object node) {}

  private final String file;
  private final RegoVersion version;
  private final Tokens tokens;
  private final Keywords keywords;
  private final BodyParser p;
  private final List<SyntaxError> errors = new ArrayList<>();
  private final List<SyntaxError> v1Errors = new ArrayList<>();
  private final RuleParser rules;
  private final List<Statement> statements = new ArrayList<>();
  private int syntaxErrors;
  private boolean regoV1Import;

  ModuleParser(String file, Tokens tokens, RegoVersion version) {
    this.file = file;
    this.version = version;
    this.tokens = tokens;
    this.keywords = Keywords.forVersion(version);
    this.p = new BodyParser(tokens, file, keywords);
    this.rules = new RuleParser(p, errors, v1Errors);
  }

  Module parse() {
    while (!p.at(TokenKind.EOF) && syntaxErrors < MAX_SYNTAX_ERRORS) {
      int start = p.pos;
      try {
        parseStatement();
      } catch (ParseFailure f) {
        errors.add(f.toError());
        syntaxErrors++;
        if (f.fatal()) {
          break;
        }
        skipToNextStatement(Math.max(start, f.position()));
      } catch (StackOverflowError e) {
        // Deep texts are parsed on a large stack (see Parser); this is only a last resort.
        errors.add(new SyntaxError(p.location(start), ParseFailure.TOO_DEEP));
        syntaxErrors++;
        break;
      }
    }
    return assemble();
  }

  private void parseStatement() {
    if (p.isKeyword("package") && !p.adjacentRefFollows()) {
      parsePackage();
    } else if (p.isKeyword("import") && !p.adjacentRefFollows()) {
      parseImport();
    } else {
      for (Rule rule : rules.parseStatement()) {
        statements.add(new Statement(rule.location(), rule));
      }
    }
  }

  private void skipToNextStatement(int failedAt) {
    p.pos = failedAt + 1;
    while (!p.at(TokenKind.EOF) && !(p.newlineBefore() && tokens.column(p.pos) == 1
        && !p.at(TokenKind.RBRACE) && !p.at(TokenKind.RBRACK) && !p.at(TokenKind.RPAREN))) {
      p.advance();
    }
  }

  private void parsePackage() {
    Location location = p.location();
    p.advance();
    if (!p.at(TokenKind.WORD)) {
      throw p.unexpected("");
    }
    p.forceIdentifier();
    Term term = p.parseTerm();
    Term.Var first;
    List<Term> rest;
    if (term instanceof Term.Var v) {
      first = v;
      rest = List.of();
    } else if (term instanceof Term.Ref r && r.head() instanceof Term.Var v) {
      first = v;
      rest = r.path();
    } else {
      throw p.unexpected("");
    }
    List<Term> path = new ArrayList<>();
    path.add(new Term.Scalar(StringValue.of(first.name()), first.location()));
    for (Term step : rest) {
      path.add(requireString(step));
    }
    Term.Ref ref = new Term.Ref(new Term.Var("data", first.location()), path, first.location());
    statements.add(new Statement(location, ref));
  }

  private Term requireString(Term step) {
    if (!(step instanceof Term.Scalar s && s.value() instanceof StringValue)) {
      throw p.failAt(step.location(),
          "unexpected " + Terms.valueName(step) + " token: expecting string");
    }
    return step;
  }

  private void parseImport() {
    Location location = p.location();
    p.advance();
    if (!p.at(TokenKind.WORD)) {
      throw p.unexpected("");
    }
    p.forceIdentifier();
    Term term = p.parseTerm();
    Term.Ref path;
    if (term instanceof Term.Var v) {
      path = new Term.Ref(v, List.of(), v.location());
    } else if (term instanceof Term.Ref r && r.head() instanceof Term.Var) {
      r.path().forEach(this::requireString);
      path = r;
    } else {
      throw p.failHere("expected path");
    }
    String root = ((Term.Var) path.head()).name();
    if (!IMPORT_ROOTS.contains(root)) {
      throw p.failAt(path.location(), "unexpected import path, must begin with one of: "
          + "{data, future, input, rego}, got: " + root);
    }
    String alias = null;
    if (p.isKeyword("as")) {
      p.advance();
      if (!p.at(TokenKind.WORD) || p.isActiveKeyword(p.pos)
          || !(p.parseTerm() instanceof Term.Var v)) {
        throw p.unexpected("expected var");
      }
      alias = v.name();
    } else {
      checkImportEnd(path, root);
    }
    Module.Import imp = new Module.Import(path, alias, location);
    statements.add(new Statement(location, imp));
    if (root.equals("future")) {
      futureImport(imp);
    } else if (root.equals("rego")) {
      regoImport(imp);
    }
  }

  /** An import without alias must not end in a keyword, which could not be referred to. */
  private void checkImportEnd(Term.Ref path, String root) {
    List<Term> steps = path.path();
    if (!steps.isEmpty() && root.equals("future")) {
      return;
    }
    Term last = steps.isEmpty() ? path.head() : steps.get(steps.size() - 1);
    String name = last instanceof Term.Var v ? v.name() : stringOf(last);
    if (Keywords.isKeywordOf(version, name)) {
      error(last.location(), "unexpected import path, must not end with a keyword, got: " + name
          + " (hint: import a different path or use an alias)");
    }
  }

  private void futureImport(Module.Import imp) {
    List<Term> steps = imp.path().path();
    Location location = imp.path().location();
    if (steps.isEmpty() || !"keywords".equals(stringOf(steps.get(0)))) {
      error(location, "invalid import, must be `future.keywords`");
    } else if (imp.alias() != null) {
      error(location, "`future` imports cannot be aliased");
    } else if (steps.size() == 2) {
      String keyword = stringOf(steps.get(1));
      if (Keywords.FUTURE.contains(keyword)) {
        keywords.enableFuture(keyword);
      } else {
        error(location,
            "unexpected keyword, must be one of [" + String.join(" ", Keywords.FUTURE) + "]");
      }
    } else {
      // future.keywords, and (as in OPA) any longer path, imports every future keyword.
      keywords.enableAllFuture();
    }
  }

  private void regoImport(Module.Import imp) {
    List<Term> steps = imp.path().path();
    if (steps.size() != 1 || !"v1".equals(stringOf(steps.get(0)))) {
      error(imp.path().location(),
          "invalid import `" + Printer.print(imp.path()) + "`, must be `rego.v1`");
    } else if (version == RegoVersion.V0) {
      if (imp.alias() != null) {
        error(imp.path().location(), "`rego` imports cannot be aliased");
        return;
      }
      keywords.enableAllFuture();
      regoV1Import = true;
    }
  }

  private Module assemble() {
    Term.Ref packagePath = null;
    if (statements.isEmpty() && syntaxErrors == 0) {
      error(new Location(file, 1, 1), "empty module");
    }
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      if (s.node() instanceof Term.Ref path) {
        if (i == 0) {
          packagePath = path;
        } else {
          error(s.location(), "unexpected package");
        }
      } else if (i == 0 && syntaxErrors == 0) {
        error(s.location(), "package expected");
      }
    }
    RegoVersion moduleVersion = regoV1Import ? RegoVersion.V1 : version;
    if (moduleVersion == RegoVersion.V1) {
      errors.addAll(v1Errors);
    }
    Map<Rule, List<Annotation>> ruleAnnotations = new IdentityHashMap<>();
    List<Annotation> annotations = annotate(ruleAnnotations);
    if (!errors.isEmpty()) {
      List<SyntaxError> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparingInt((SyntaxError e) -> e.location().line())
          .thenComparingInt(e -> e.location().column()));
      throw new ParseException(sorted);
    }
    List<Module.Import> imports = new ArrayList<>();
    List<Rule> moduleRules = new ArrayList<>();
    for (Statement s : statements) {
      if (s.node() instanceof Module.Import imp) {
        imports.add(imp);
      } else if (s.node() instanceof Rule rule) {
        moduleRules.add(withAnnotations(rule, ruleAnnotations.getOrDefault(rule, List.of())));
      }
    }
    return new Module(file, packagePath, imports, moduleRules, annotations, moduleVersion);
  }

  /**
   * Reads the METADATA blocks and settles their scopes as OPA does: a block applies to the
   * first statement after it, and defaults to scope {@code rule} before a rule ({@code
   * document} if it declares an entrypoint) and {@code package} before the package. Rule-scoped
   * blocks go to that rule; document-scoped ones to every rule of the same document.
   */
  private List<Annotation> annotate(Map<Rule, List<Annotation>> ruleAnnotations) {
    AnnotationParser.Result result = AnnotationParser.parse(file, tokens.comments());
    errors.addAll(result.errors());
    List<Annotation> annotations = new ArrayList<>();
    for (AnnotationParser.Draft draft : result.drafts()) {
      Object node = statements.stream()
          .filter(s -> s.location().line() > draft.location().line())
          .map(Statement::node).findFirst().orElse(null);
      String scope = draft.scope() != null ? draft.scope() : defaultScope(node, draft);
      if (!validScope(draft, scope, node)) {
        continue;
      }
      Annotation annotation = new Annotation(draft.location(), scope, draft.fields());
      annotations.add(annotation);
      if (node instanceof Rule target) {
        attach(annotation, target, ruleAnnotations);
      }
    }
    return annotations;
  }

  private static String defaultScope(Object node, AnnotationParser.Draft draft) {
    if (node instanceof Rule) {
      return draft.entrypoint() ? "document" : "rule";
    } else if (node instanceof Term.Ref) {
      return "package";
    } else if (node instanceof Module.Import) {
      return "import";
    }
    return "";
  }

  private boolean validScope(AnnotationParser.Draft draft, String scope, Object node) {
    String want = switch (scope) {
      case "rule", "document" -> node instanceof Rule ? null : "rule";
      case "package", "subpackages" -> node instanceof Term.Ref ? null : "package";
      default -> {
        error(draft.location(), "invalid annotation scope '" + scope + "'. Use one of 'rule', "
            + "'document', 'package', or 'subpackages'");
        yield "";
      }
    };
    if (want != null) {
      if (!want.isEmpty()) {
        error(draft.location(), "annotation scope '" + scope + "' must be applied to " + want
            + nodeKind(node));
      }
      return false;
    }
    if (draft.entrypoint() && !scope.equals("document") && !scope.equals("package")) {
      error(draft.location(),
          "annotation entrypoint applied to non-document or package scope '" + scope + "'");
      return false;
    }
    return true;
  }

  private static String nodeKind(Object node) {
    if (node instanceof Rule) {
      return " (have rule)";
    } else if (node instanceof Term.Ref) {
      return " (have package)";
    } else if (node instanceof Module.Import) {
      return " (have import)";
    }
    return "";
  }

  private void attach(Annotation annotation, Rule target,
      Map<Rule, List<Annotation>> ruleAnnotations) {
    if (annotation.scope().equals("rule")) {
      ruleAnnotations.computeIfAbsent(target, r -> new ArrayList<>()).add(annotation);
      return;
    }
    String document = groundPrefix(target.head());
    for (Statement s : statements) {
      if (s.node() instanceof Rule rule && groundPrefix(rule.head()).equals(document)) {
        ruleAnnotations.computeIfAbsent(rule, r -> new ArrayList<>()).add(annotation);
      }
    }
  }

  /** The head ref up to its first non-ground step, as text (so locations do not matter). */
  private static String groundPrefix(Term.Ref head) {
    List<Term> path = head.path();
    int n = 0;
    while (n < path.size() && Terms.isGround(path.get(n))) {
      n++;
    }
    return Printer.print(new Term.Ref(head.head(), path.subList(0, n), head.location()));
  }

  private static Rule withAnnotations(Rule r, List<Annotation> annotations) {
    if (annotations.isEmpty()) {
      return r;
    }
    return new Rule(r.location(), r.headKind(), r.isDefault(), r.head(), r.args(), r.key(),
        r.value(), r.assign(), r.body(), r.elseRule(), annotations);
  }

  private static String stringOf(Term term) {
    return term instanceof Term.Scalar s && s.value() instanceof StringValue v ? v.value() : null;
  }

  private void error(Location location, String message) {
    errors.add(new SyntaxError(location, message));
  }
}
