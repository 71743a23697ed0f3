package dev.ctpat.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks how the policy pack is laid out and packaged. What the policies decide is tested by
 * the Rego unit tests beside them ({@code ctpat test rego-policies/src/main/rego}).
 */
class PolicyPackLayoutTest {
  private static final Path REGO_ROOT = Path.of("src", "main", "rego");
  private static final Path CRITERIA = REGO_ROOT.resolve(Path.of("ctpat", "criteria"));
  private static final String JAR_ROOT = "dev/ctpat/policies/";

  @ParameterizedTest
  @ValueSource(strings = {
      "ctpat/config/data.json",
      "ctpat/report/report.rego",
      "ctpat/lib/criterion.rego",
      "ctpat/criteria/c4_1.rego",
      "ctpat/criteria/c4_13.rego",
      "ctpat/criteria/c12_8.rego"})
  void jarCarriesThePolicyTree(String path) {
    assertThat(resource(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ctpat/criteria/c4_1_test.rego",
      "ctpat/testing/util_test.rego",
      "ctpat/fixtures/compliant/compliant.json"})
  void jarLeavesTestsAndFixturesOut(String path) {
    assertThat(resource(path)).isFalse();
  }

  @Test
  void everyCriterionHasUnitTestsBesideIt() throws IOException {
    List<Path> policies = regoFiles().filter(p -> !isTest(p)).toList();

    assertThat(policies).hasSize(14);
    for (Path policy : policies) {
      String name = policy.getFileName().toString().replace(".rego", "_test.rego");
      assertThat(policy.resolveSibling(name)).as("tests of %s", policy).exists();
    }
  }

  @Test
  void regoFixtureIsTheExampleDocument() throws IOException {
    Path example = Path.of("src", "test", "resources", "normalized", "compliant.json");
    Path fixture = REGO_ROOT.resolve(Path.of("ctpat", "fixtures", "compliant", "compliant.json"));

    // The Rego tests can only read data under the policy root, so they keep a copy.
    assertThat(Files.mismatch(example, fixture)).isEqualTo(-1L);
  }

  private static boolean resource(String path) {
    return PolicyPackLayoutTest.class.getClassLoader().getResource(JAR_ROOT + path) != null;
  }

  private static Stream<Path> regoFiles() throws IOException {
    try (Stream<Path> files = Files.list(CRITERIA)) {
      return files.filter(p -> p.toString().endsWith(".rego")).sorted().toList().stream();
    }
  }

  private static boolean isTest(Path p) {
    return p.getFileName().toString().endsWith("_test.rego");
  }
}
