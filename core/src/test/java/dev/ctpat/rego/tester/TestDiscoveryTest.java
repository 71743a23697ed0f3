package dev.ctpat.rego.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.syntax.Body;
import dev.ctpat.rego.syntax.Location;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.syntax.Rule;
import dev.ctpat.rego.syntax.Term;
import dev.ctpat.rego.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestDiscoveryTest {
  private static final Location AT = new Location("t.rego", 3, 1);

  @Test
  void testRulesAreFoundInOrderAndOtherRulesAreNot() {
    TestDiscovery.Discovered d = TestDiscovery.discover(List.of(module("a.b",
        rule(ref("test_one")), rule(ref("helper")), rule(ref("test_two")))));

    assertThat(d.tests()).extracting(TestDiscovery.TestRule::fullName)
        .containsExactly("data.a.b.test_one", "data.a.b.test_two");
  }

  @Test
  void theQueryIsARefThatParsesWhateverTheNames() {
    TestDiscovery.Discovered d = TestDiscovery.discover(List.of(module("a.b",
        rule(ref("test_one")))));

    assertThat(d.tests().get(0).query()).isEqualTo("data[\"a\"][\"b\"][\"test_one\"]");
  }

  @Test
  void packageKeysThatAreNotIdentifiersAreQuotedInNames() {
    TestDiscovery.Discovered d = TestDiscovery.discover(List.of(module("my-policies",
        rule(ref("test_one")))));

    assertThat(d.tests().get(0).packagePath()).isEqualTo("data[\"my-policies\"]");
  }

  @Test
  void todoTestsAreFoundAndMarkedSkipped() {
    TestDiscovery.Discovered d = TestDiscovery.discover(List.of(module("p",
        rule(ref("todo_test_later")), rule(ref("test_now")))));

    assertThat(d.tests()).extracting(TestDiscovery.TestRule::skip).containsExactly(true, false);
  }

  @Test
  void repeatedTestsAreNumberedAndRenamedInTheModule() {
    TestDiscovery.Discovered d = TestDiscovery.discover(List.of(module("p",
        rule(ref("test_x")), rule(ref("test_x")), rule(ref("test_x")))));

    assertThat(d.tests()).extracting(TestDiscovery.TestRule::name)
        .containsExactly("test_x", "test_x#01", "test_x#02");
    assertThat(d.modules().get(0).rules()).extracting(r -> ((Term.Var) r.head().head()).name())
        .containsExactly("test_x", "test_x#01", "test_x#02");
  }

  @Test
  void testsOfTheSameNameInDifferentPackagesAreNotRenamed() {
    TestDiscovery.Discovered d = TestDiscovery.discover(List.of(
        module("p", rule(ref("test_x"))), module("q", rule(ref("test_x")))));

    assertThat(d.tests()).extracting(TestDiscovery.TestRule::fullName)
        .containsExactly("data.p.test_x", "data.q.test_x");
  }

  @Test
  void aRefHeadIsATestWhenAGroundStepIsNamedTest() {
    TestDiscovery.Discovered d = TestDiscovery.discover(List.of(module("p",
        rule(ref("group", "test_x")), rule(ref("group", "test_x")))));

    assertThat(d.tests()).extracting(TestDiscovery.TestRule::name)
        .containsExactly("group.test_x", "group[\"test_x#01\"]");
    assertThat(((Term.Scalar) d.modules().get(0).rules().get(1).head().path().get(0)).value())
        .isEqualTo(StringValue.of("test_x#01"));
  }

  @Test
  void aRuleWithAKeyAfterTheTestNameIsKeyed() {
    Term.Ref keyed = new Term.Ref(new Term.Var("test_cases", AT),
        List.of(new Term.Var("name", AT)), AT);

    TestDiscovery.Discovered d = TestDiscovery.discover(List.of(module("p",
        rule(keyed), rule(ref("test_plain")))));

    assertThat(d.tests()).extracting(TestDiscovery.TestRule::keyed).containsExactly(true, false);
    assertThat(d.tests().get(0).name()).isEqualTo("test_cases");
  }

  @Test
  void defaultRulesAndFunctionsAreNotTests() {
    Rule defaultRule = new Rule(AT, Rule.HeadKind.VALUE, true, ref("test_x"), null, null, null,
        true, new Body(List.of(), AT), null, List.of());
    Rule function = new Rule(AT, Rule.HeadKind.FUNCTION, false, ref("test_f"),
        List.of(new Term.Var("x", AT)), null, null, false, new Body(List.of(), AT), null,
        List.of());

    TestDiscovery.Discovered d = TestDiscovery.discover(List.of(module("p",
        defaultRule, function, rule(ref("test_x")))));

    assertThat(d.tests()).extracting(TestDiscovery.TestRule::name).containsExactly("test_x");
  }

  @Test
  void theTestKeepsTheRulesLocation() {
    TestDiscovery.Discovered d = TestDiscovery.discover(List.of(module("p",
        rule(ref("test_x")))));

    assertThat(d.tests().get(0).location()).isEqualTo(AT);
  }

  private static Module module(String pkg, Rule... rules) {
    List<Term> path = new ArrayList<>();
    for (String key : pkg.split("\\.")) {
      path.add(new Term.Scalar(StringValue.of(key), AT));
    }
    return new Module("t.rego", new Term.Ref(new Term.Var("data", AT), path, AT), List.of(),
        List.of(rules), List.of(), RegoVersion.V1);
  }

  private static Term.Ref ref(String head, String... path) {
    List<Term> steps = new ArrayList<>();
    for (String key : path) {
      steps.add(new Term.Scalar(StringValue.of(key), AT));
    }
    return new Term.Ref(new Term.Var(head, AT), steps, AT);
  }

  private static Rule rule(Term.Ref head) {
    return new Rule(AT, Rule.HeadKind.VALUE, false, head, null, null, null, false,
        new Body(List.of(), AT), null, List.of());
  }
}
