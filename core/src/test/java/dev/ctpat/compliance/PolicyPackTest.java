package dev.ctpat.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.rego.value.Json;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyPackTest {
  @TempDir
  Path dir;

  @Test
  void criteriaComeFromPackageMetadataInCriterionOrder() {
    assertThat(Fixtures.pack().criteria().all())
        .extracting(Criterion::id)
        .containsExactly("1.1", "1.2", "1.10");
  }

  @Test
  void criterionCarriesEveryFieldOfItsMetadata() {
    Criterion doors = Fixtures.pack().criteria().get("1.1");

    assertThat(doors).isEqualTo(new Criterion(
        "1.1",
        "Doors locked and alarmed",
        "Every door is locked, and the alarm is armed.",
        Requirement.MUST,
        List.of(
            new Criterion.SubItem("1.1.locked", "At most max_unlocked_doors doors are unlocked",
                Requirement.MUST),
            new Criterion.SubItem("1.1.alarm", "The alarm is armed", Requirement.MUST)),
        List.of("doors", "alarm"),
        new Criterion.Crosswalk("made up for tests",
            Map.of("iso_27001", List.of("A.7.1", "A.7.2"), "cis_v8", List.of("1.1"))),
        "data.fixture.doors"));
  }

  @Test
  void subItemsInheritTheCriterionsRequirement() {
    Criterion lights = Fixtures.pack().criteria().get("1.10");

    assertThat(lights.requirement()).isEqualTo(Requirement.SHOULD);
    assertThat(lights.subItems()).extracting(Criterion.SubItem::requirement)
        .containsExactly(Requirement.SHOULD);
  }

  @Test
  void optionalMetadataDefaultsToEmpty() {
    Criterion logbook = Fixtures.pack().criteria().get("1.2");

    assertThat(logbook.description()).isEmpty();
    assertThat(logbook.evidence()).isEmpty();
    assertThat(logbook.crosswalk()).isEqualTo(Criterion.Crosswalk.NONE);
  }

  @Test
  void dataFilesLandAtTheirFolderPath() {
    assertThat(Json.write(Fixtures.pack().data()))
        .startsWith("{\"ctpat\":{\"config\":{\"thresholds\":{");
  }

  @Test
  void classpathFolderAndDirectoryGiveTheSamePack() {
    PolicyPack fromClasspath =
        PolicyPack.fromClasspath(getClass().getClassLoader(), Fixtures.PACK_RESOURCE);

    assertThat(fromClasspath.origin()).isEqualTo("classpath:" + Fixtures.PACK_RESOURCE);
    assertThat(fromClasspath.criteria().all()).isEqualTo(Fixtures.pack().criteria().all());
    assertThat(fromClasspath.sha256()).isEqualTo(Fixtures.pack().sha256());
  }

  @Test
  void loadsFromAJarOnTheClasspath() throws IOException {
    Path jar = jarOf(Fixtures.packDir(), "com/example/policies");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      PolicyPack pack = PolicyPack.fromClasspath(loader, "/com/example/policies/");

      assertThat(pack.criteria().all()).isEqualTo(Fixtures.pack().criteria().all());
      assertThat(pack.sha256()).isEqualTo(Fixtures.pack().sha256());
    }
  }

  @Test
  void digestChangesWithTheTextOfAnyModule() throws IOException {
    Path copy = Fixtures.copyPack(dir);
    Files.writeString(copy.resolve("fixture/lights.rego"), "# changed\n",
        StandardOpenOption.APPEND);

    assertThat(PolicyPack.fromDirectory(copy).sha256())
        .hasSize(64)
        .isNotEqualTo(Fixtures.pack().sha256());
  }

  @Test
  void aMissingClasspathFolderIsReported() {
    assertThatThrownBy(() -> PolicyPack.fromClasspath(getClass().getClassLoader(), "no/such"))
        .isInstanceOf(PolicyPackException.class)
        .hasMessage("classpath:no/such: no Rego policies in such a folder on the classpath");
  }

  @Test
  void aClasspathFolderWithoutPoliciesIsPassedOver() throws IOException {
    // As a test-classes folder of a Java package named like the policy folder would be.
    Path classes = Files.createDirectories(dir.resolve("classes/com/example/policies"));
    Files.writeString(classes.resolve("PolicyTest.class"), "not a policy");
    Path jar = jarOf(Fixtures.packDir(), "com/example/policies");
    URL[] path = {dir.resolve("classes").toUri().toURL(), jar.toUri().toURL()};

    try (URLClassLoader loader = new URLClassLoader(path, null)) {
      PolicyPack pack = PolicyPack.fromClasspath(loader, "com/example/policies");

      assertThat(pack.sha256()).isEqualTo(Fixtures.pack().sha256());
    }
  }

  @Test
  void aDirectoryWithoutPoliciesIsRejected() throws IOException {
    Files.writeString(dir.resolve("data.json"), "{}");

    assertThatThrownBy(() -> PolicyPack.fromDirectory(dir))
        .isInstanceOf(PolicyPackException.class)
        .hasMessage(dir + ": no Rego policies (.rego files)");
  }

  @Test
  void theBundledPackNeedsThePolicyJar() {
    // core's own tests run without ctpat-rego-policies on the classpath.
    assertThatThrownBy(PolicyPack::bundled)
        .isInstanceOf(PolicyPackException.class)
        .hasMessageContaining("is the ctpat-rego-policies jar on the classpath?");
  }

  @Test
  void aDirectoryMustExist() {
    assertThatThrownBy(() -> PolicyPack.fromDirectory(dir.resolve("absent")))
        .isInstanceOf(PolicyPackException.class)
        .hasMessage(dir.resolve("absent") + ": not a directory");
  }

  @Test
  void parseErrorsAreReportedWithTheirPosition() throws IOException {
    Files.writeString(dir.resolve("broken.rego"), "package broken\n\nx := \n");

    assertThatThrownBy(() -> PolicyPack.fromDirectory(dir))
        .isInstanceOf(PolicyPackException.class)
        .satisfies(e -> assertThat(((PolicyPackException) e).problems())
            .singleElement().asString()
            .startsWith(dir.resolve("broken.rego") + ":")
            .contains("rego_parse_error"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      criterion: "9.1"       | criterion: 9.1     | custom.criterion must be a quoted string, e.g. "4.10" (YAML reads 9.1 as a number)
      criterion: "9.1"       | criterion: ""      | custom.criterion must be a non-blank string but was ""
      requirement: must      | requirement: may   | custom.requirement must be must or should but was "may"
      requirement: must      | requirement: [a]   | custom.requirement must be must or should but was a list
      title: A               | title: A\\n#       requirement: shall | custom.sub_items[0].requirement must be must or should but was "shall"
      title: A               | note: A            | custom.sub_items[0].title must be a non-blank string but was absent
      evidence: [doors]      | evidence: doors    | custom.evidence must be a list of strings but was "doors"
      crosswalk: {cis: [1]}  | crosswalk: cis     | custom.crosswalk must be a mapping of framework to control ids
      crosswalk: {cis: [1]}  | crosswalk: {cis: [{}]} | custom.crosswalk.cis must hold strings but holds a mapping
      """)
  void invalidMetadataIsReportedWithItsPosition(String valid, String invalid, String message)
      throws IOException {
    Path file = dir.resolve("bad.rego");
    String source = criterionModule("9.1", "bad").replace(valid, invalid.replace("\\n", "\n"));
    Files.writeString(file, source);

    assertThatThrownBy(() -> PolicyPack.fromDirectory(dir))
        .isInstanceOf(PolicyPackException.class)
        .hasMessage(file + ":1:1: " + message);
  }

  @Test
  void aCriterionNeedsSubItems() throws IOException {
    Path file = dir.resolve("bad.rego");
    Files.writeString(file, criterionModule("9.1", "bad")
        .replaceAll("(?s)#   sub_items:.*?#   evidence", "#   sub_items: []\n#   evidence"));

    assertThatThrownBy(() -> PolicyPack.fromDirectory(dir))
        .hasMessage(file + ":1:1: custom.sub_items must be a non-empty list of "
            + "{id, title, requirement}");
  }

  @Test
  void aCriterionNeedsAResultRule() throws IOException {
    Path file = dir.resolve("bad.rego");
    Files.writeString(file, criterionModule("9.1", "bad").replace("result :=", "outcome :="));

    assertThatThrownBy(() -> PolicyPack.fromDirectory(dir))
        .hasMessage(file + ":1:1: criterion 9.1: package data.bad has no result rule");
  }

  @Test
  void everyProblemOfThePackIsReported() throws IOException {
    Files.writeString(dir.resolve("a.rego"), criterionModule("9.1", "a").replace("title: T", "x: T"));
    Files.writeString(dir.resolve("b.rego"), criterionModule("9.2", "b").replace("must", "may"));

    assertThatThrownBy(() -> PolicyPack.fromDirectory(dir))
        .isInstanceOfSatisfying(PolicyPackException.class, e -> assertThat(e.problems())
            .hasSize(2)
            .allSatisfy(p -> assertThat(p).matches(".*[ab]\\.rego:1:1: .*")));
  }

  @Test
  void twoPackagesCannotDeclareOneCriterion() throws IOException {
    Files.writeString(dir.resolve("a.rego"), criterionModule("9.1", "a"));
    Files.writeString(dir.resolve("b.rego"),
        criterionModule("9.1", "b").replace("9.1.a", "9.1.b"));

    assertThatThrownBy(() -> PolicyPack.fromDirectory(dir))
        .hasMessage("criterion 9.1 is declared by both data.a and data.b");
  }

  @Test
  void subItemIdsAreUniqueAcrossThePack() throws IOException {
    Files.writeString(dir.resolve("a.rego"), criterionModule("9.1", "a"));
    Path b = dir.resolve("b.rego");
    Files.writeString(b, criterionModule("9.2", "b").replace("9.2.a", "9.1.a"));

    assertThatThrownBy(() -> PolicyPack.fromDirectory(dir))
        .hasMessage(b + ":1:1: sub-item 9.1.a of criterion 9.2 is already declared by "
            + "criterion 9.1");
  }

  @Test
  void packsCombineTheirCriteria() throws IOException {
    Files.writeString(dir.resolve("extra.rego"), criterionModule("2.1", "extra"));

    PolicyPack both = Fixtures.pack().plus(PolicyPack.fromDirectory(dir));

    assertThat(both.criteria().all()).extracting(Criterion::id)
        .containsExactly("1.1", "1.2", "1.10", "2.1");
    assertThat(both.origin()).isEqualTo(Fixtures.packDir() + " + " + dir);
  }

  @Test
  void combinedPacksMustNotSetTheSameData() throws IOException {
    Files.createDirectories(dir.resolve("ctpat/config"));
    Files.writeString(dir.resolve("ctpat/config/data.json"),
        "{\"thresholds\": {\"site\": \"annex\"}}");
    Files.writeString(dir.resolve("annex.rego"), "package annex\n");

    assertThatThrownBy(() -> Fixtures.pack().plus(PolicyPack.fromDirectory(dir)))
        .isInstanceOf(PolicyPackException.class)
        .hasMessage(dir + ": data.ctpat.config.thresholds.site is also set by "
            + Fixtures.packDir());
  }

  /** A minimal valid criterion 'id' with one sub-item 'id.a' in package 'pkg'. */
  static String criterionModule(String id, String pkg) {
    return """
        # METADATA
        # title: T
        # custom:
        #   criterion: "%1$s"
        #   requirement: must
        #   sub_items:
        #     - id: "%1$s.a"
        #       title: A
        #   evidence: [doors]
        #   crosswalk: {cis: [1]}
        package %2$s

        import rego.v1

        result := {"status": "pass", "sub_items": [{"id": "%1$s.a", "status": "pass"}], \
        "findings": [], "waivers": []}
        """.formatted(id, pkg);
  }

  /** A jar with the folder's files under prefix, with directory entries as Maven writes them. */
  private Path jarOf(Path folder, String prefix) throws IOException {
    Path jar = dir.resolve("policies.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(folder)) {
      String path = "";
      for (String segment : prefix.split("/")) {
        path += segment + "/";
        out.putNextEntry(new JarEntry(path));
      }
      for (Path file : files.sorted().toList()) {
        String name = prefix + "/" + folder.relativize(file).toString().replace('\\', '/');
        if (Files.isDirectory(file)) {
          if (!file.equals(folder)) {
            out.putNextEntry(new JarEntry(name + "/"));
          }
        } else {
          out.putNextEntry(new JarEntry(name));
          out.write(Files.readAllBytes(file));
        }
        out.closeEntry();
      }
    }
    return jar;
  }
}
