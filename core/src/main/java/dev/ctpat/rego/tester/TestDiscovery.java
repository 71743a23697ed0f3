package dev.ctpat.rego.tester;

import dev.ctpat.rego.syntax.Location;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.Rule;
import dev.ctpat.rego.syntax.Term;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the test rules of a set of modules, as {@code opa test} does: a rule is a test when a
 * step of its head's ground prefix is named {@code test_*}, or {@code todo_test_*} for a test
 * that is skipped. Repeated definitions of one test are renamed {@code test_x#01},
 * {@code test_x#02}, ... so that each runs on its own; otherwise one passing definition would
 * hide a failing one.
 *
 * <p>Default rules and functions are not tests.
 */
final class TestDiscovery {
  static final String TEST_PREFIX = "test_";
  static final String SKIP_PREFIX = "todo_test_";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private TestDiscovery() {}

  /**
   * A test to run.
   *
   * @param packagePath the package, as {@code data.pkg}
   * @param name the rule's name within the package
   * @param query a reference to the test's value, valid whatever the names are
   * @param location where the rule is defined
   * @param skip true for a {@code todo_test_} rule
   * @param keyed true for a rule with a key after its name ({@code test_x[k] if ...})
   */
  record TestRule(String packagePath, String name, String query, Location location,
      boolean skip, boolean keyed) {
    String fullName() {
      return packagePath + "." + name;
    }
  }

  /** The modules with repeated tests renamed, and the tests in module and rule order. */
  record Discovered(List<Module> modules, List<TestRule> tests) {}

  static Discovered discover(List<Module> modules) {
    Map<String, Integer> definitions = new HashMap<>();
    List<Module> rewritten = new ArrayList<>();
    List<TestRule> tests = new ArrayList<>();
    for (Module module : modules) {
      List<String> packageKeys = packageKeys(module);
      List<Rule> rules = new ArrayList<>();
      for (Rule rule : module.rules()) {
        List<String> names = testNames(rule);
        if (names.isEmpty()) {
          rules.add(rule);
          continue;
        }
        int last = names.size() - 1;
        String name = names.get(last);
        if (name.startsWith(TEST_PREFIX)) {
          String key = display(packageKeys) + "." + display(names);
          int earlier = definitions.merge(key, 1, Integer::sum) - 1;
          if (earlier > 0) {
            names.set(last, String.format("%s#%02d", name, earlier));
            rule = renamed(rule, last, names.get(last));
          }
        }
        rules.add(rule);
        List<String> path = new ArrayList<>(packageKeys);
        path.addAll(names);
        tests.add(new TestRule(
            "data" + steps(packageKeys),
            display(names),
            query(path),
            rule.location(),
            names.get(last).startsWith(SKIP_PREFIX),
            rule.headKind() == Rule.HeadKind.VALUE
                && rule.head().path().size() + 1 > names.size()));
      }
      rewritten.add(new Module(module.file(), module.packagePath(), module.imports(), rules,
          module.annotations(), module.version()));
    }
    return new Discovered(rewritten, tests);
  }

  /**
   * The names of the head's steps up to and including the test name, or empty if the rule is
   * not a test. Only the ground prefix counts: the head's var and the string steps after it.
   */
  private static List<String> testNames(Rule rule) {
    if (rule.isDefault() || rule.headKind() == Rule.HeadKind.FUNCTION
        || !(rule.head().head() instanceof Term.Var head)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    names.add(head.name());
    if (isTestName(head.name())) {
      return names;
    }
    for (Term step : rule.head().path()) {
      if (!(step instanceof Term.Scalar scalar && scalar.value() instanceof StringValue s)) {
        break;
      }
      names.add(s.value());
      if (isTestName(s.value())) {
        return names;
      }
    }
    return List.of();
  }

  private static boolean isTestName(String name) {
    return name.startsWith(TEST_PREFIX) || name.startsWith(SKIP_PREFIX);
  }

  /** The rule with the head step at {@code index} renamed, along its else chain. */
  private static Rule renamed(Rule rule, int index, String name) {
    Term.Ref head = rule.head();
    Term.Ref newHead;
    if (index == 0) {
      newHead = new Term.Ref(new Term.Var(name, head.head().location()), head.path(),
          head.location());
    } else {
      List<Term> path = new ArrayList<>(head.path());
      Term old = path.get(index - 1);
      path.set(index - 1, new Term.Scalar(StringValue.of(name), old.location()));
      newHead = new Term.Ref(head.head(), path, head.location());
    }
    return new Rule(rule.location(), rule.headKind(), rule.isDefault(), newHead, rule.args(),
        rule.key(), rule.value(), rule.assign(), rule.body(),
        rule.elseRule() == null ? null : renamed(rule.elseRule(), index, name),
        rule.annotations());
  }

  private static List<String> packageKeys(Module module) {
    List<String> keys = new ArrayList<>();
    for (Term step : module.packagePath().path()) {
      if (step instanceof Term.Scalar scalar && scalar.value() instanceof StringValue s) {
        keys.add(s.value());
      }
    }
    return keys;
  }

  /** Names as OPA prints a rule ref: the first as is, then {@code .name} or {@code ["n"]}. */
  private static String display(List<String> names) {
    return names.isEmpty() ? "" : names.get(0) + steps(names.subList(1, names.size()));
  }

  private static String steps(List<String> keys) {
    StringBuilder sb = new StringBuilder();
    for (String key : keys) {
      sb.append(IDENTIFIER.matcher(key).matches() ? "." + key : "[" + Json.quote(key) + "]");
    }
    return sb.toString();
  }

  /** {@code data["a"]["test_x"]}: a ref that parses whatever the keys are. */
  private static String query(List<String> keys) {
    StringBuilder sb = new StringBuilder("data");
    keys.forEach(k -> sb.append('[').append(Json.quote(k)).append(']'));
    return sb.toString();
  }
}
