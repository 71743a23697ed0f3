package dev.ctpat.rego.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
  @TempDir
  Path root;

  private final PolicyLoader loader = new PolicyLoader(RegoVersion.V1);

  @Test
  void dataJsonInTheRootMergesAtTheTop() throws IOException {
    write("data.json", "{\"roles\": {\"admin\": [\"*\"]}}");

    assertThat(loadData(root)).isEqualTo(json("{\"roles\": {\"admin\": [\"*\"]}}"));
  }

  @Test
  void dataInAFolderMergesAtTheFolderPath() throws IOException {
    write("a/b/data.json", "{\"x\": 1}");

    assertThat(loadData(root)).isEqualTo(json("{\"a\": {\"b\": {\"x\": 1}}}"));
  }

  @Test
  void anyJsonOrYamlFileNameCountsAsData() throws IOException {
    write("teams/owners.json", "{\"owner\": \"alice\"}");
    write("teams/size.yaml", "size: 3");
    write("teams/extra.yml", "db: 2");

    assertThat(loadData(root))
        .isEqualTo(json("{\"teams\": {\"owner\": \"alice\", \"size\": 3, \"db\": 2}}"));
  }

  @Test
  void objectsFromSeveralFilesMergeKeyByKey() throws IOException {
    write("a.json", "{\"servers\": {\"web\": {\"port\": 80}}}");
    write("b.yaml", "servers:\n  web:\n    tls: true\n  db:\n    port: 5432\n");

    assertThat(loadData(root)).isEqualTo(json(
        "{\"servers\": {\"web\": {\"port\": 80, \"tls\": true}, \"db\": {\"port\": 5432}}}"));
  }

  @Test
  void twoFilesSettingOneValueConflictAndBothAreNamed() throws IOException {
    write("a.json", "{\"limit\": 5}");
    write("b.json", "{\"limit\": 5}");

    assertThatThrownBy(() -> loadData(root))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.problems())
            .singleElement()
            .hasToString(p("b.json") + ": merge error: data.limit is also defined in "
                + p("a.json")));
  }

  @Test
  void anObjectAndAScalarAtOnePathConflict() throws IOException {
    write("x/data.json", "{\"y\": 1}");
    write("data.json", "{\"x\": 2}");

    assertThatThrownBy(() -> loadData(root))
        .isInstanceOf(PolicyLoadException.class)
        .hasMessageContaining("data.x is also defined in");
  }

  @Test
  void aRootDataFileMustHoldAnObject() throws IOException {
    write("data.json", "[1, 2]");

    assertThatThrownBy(() -> loadData(root))
        .isInstanceOf(PolicyLoadException.class)
        .hasMessageContaining("must hold an object but holds an array");
  }

  @Test
  void aNestedDataFileMayHoldAnyValue() throws IOException {
    write("ports/data.json", "[80, 443]");

    assertThat(loadData(root)).isEqualTo(json("{\"ports\": [80, 443]}"));
  }

  @Test
  void aFileGivenDirectlyMergesAtTheTop() throws IOException {
    Path file = write("deep/down/data.json", "{\"x\": 1}");

    assertThat(loadData(file)).isEqualTo(json("{\"x\": 1}"));
  }

  @Test
  void aDataPrefixPlacesTheContentBelowIt() throws IOException {
    write("d/data.json", "{\"x\": 1}");

    LoadedPolicy loaded = loader.load(List.of("lib.config:" + root));

    assertThat(loaded.data()).isEqualTo(json("{\"lib\": {\"config\": {\"d\": {\"x\": 1}}}}"));
  }

  @Test
  void filesOfOtherTypesInsideDirectoriesAreIgnored() throws IOException {
    write("notes.txt", "not data");
    write("archive/readme.md", "# readme");

    assertThat(loadData(root)).isEqualTo(json("{}"));
  }

  @Test
  void aFileWithAnUnknownExtensionGivenDirectlyIsTriedAsData() throws IOException {
    Path file = write("settings.conf", "{\"x\": 1}");

    assertThat(loadData(file)).isEqualTo(json("{\"x\": 1}"));
  }

  @Test
  void bundlesAreRefusedWithAnExplanation() throws IOException {
    write("bundle.tar.gz", "not really");

    assertThatThrownBy(() -> loadData(root))
        .isInstanceOf(PolicyLoadException.class)
        .hasMessageContaining("bundles (.tar.gz) are not supported");
  }

  @Test
  void aMissingPathIsReported() {
    assertThatThrownBy(() -> loader.load(List.of(root.resolve("nope").toString())))
        .isInstanceOf(PolicyLoadException.class)
        .hasMessage(p("nope") + ": no such file or directory");
  }

  @Test
  void anInvalidPathIsReported() {
    assertThatThrownBy(() -> loader.load(List.of("bad\0path")))
        .isInstanceOf(PolicyLoadException.class)
        .hasMessageStartingWith("bad\0path: invalid path: ");
  }

  @Test
  void jsonSyntaxErrorsCarryLineAndColumn() throws IOException {
    write("data.json", "{\n  \"a\": 1,\n  \"b\": \n}");

    assertThatThrownBy(() -> loadData(root))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> {
          PolicyLoadException.Problem problem = e.problems().get(0);
          assertThat(problem.location().file()).isEqualTo(p("data.json"));
          assertThat(problem.location().line()).isEqualTo(4);
          assertThat(problem.toString()).startsWith(p("data.json") + ":4:");
        });
  }

  @Test
  void yamlSyntaxErrorsCarryLineAndColumn() throws IOException {
    write("data.yaml", "a: 1\nb: [1, 2\n");

    assertThatThrownBy(() -> loadData(root))
        .isInstanceOfSatisfying(PolicyLoadException.class,
            e -> assertThat(e.problems().get(0).location().line()).isPositive());
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() throws IOException {
    write("a/data.json", "{");
    write("b/data.yaml", "[");
    write("c/data.json", "{\"fine\": true}");

    assertThatThrownBy(() -> loadData(root))
        .isInstanceOfSatisfying(PolicyLoadException.class,
            e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void invalidUtf8IsReported() throws IOException {
    Files.write(root.resolve("data.json"), new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'});

    assertThatThrownBy(() -> loadData(root))
        .isInstanceOf(PolicyLoadException.class)
        .hasMessage(p("data.json") + ": not valid UTF-8 text");
  }

  @Test
  void aByteOrderMarkIsIgnored() throws IOException {
    write("data.json", "\uFEFF{\"x\": \"ü\"}");

    assertThat(loadData(root)).isEqualTo(json("{\"x\": \"ü\"}"));
  }

  @Test
  void anEmptyDirectoryLoadsNothing() {
    LoadedPolicy loaded = loader.load(List.of(root.toString()));

    assertThat(loaded.modules()).isEmpty();
    assertThat(loaded.data()).isEqualTo(json("{}"));
  }

  @Test
  void readDocumentReadsJsonAndYamlByExtension() throws IOException {
    Path jsonFile = write("input.json", "{\"user\": \"alice\"}");
    Path yamlFile = write("input.yaml", "user: alice");
    Path otherFile = write("input.txt", "user: alice");

    assertThat(PolicyLoader.readDocument(jsonFile)).isEqualTo(json("{\"user\": \"alice\"}"));
    assertThat(PolicyLoader.readDocument(yamlFile)).isEqualTo(json("{\"user\": \"alice\"}"));
    assertThat(PolicyLoader.readDocument(otherFile)).isEqualTo(json("{\"user\": \"alice\"}"));
  }

  @Test
  void readDocumentReportsAMissingFile() {
    assertThatThrownBy(() -> PolicyLoader.readDocument(root.resolve("input.json")))
        .isInstanceOf(PolicyLoadException.class)
        .hasMessage(p("input.json") + ": no such file or directory");
  }

  // The tests below parse Rego, so they need the parser.

  @Test
  void regoFilesAreModulesNamedByTheirPath() throws IOException {
    String source = "package a.b\n\nallow := true\n";
    write("policy/a.rego", source);
    write("policy/data.json", "{\"x\": 1}");

    LoadedPolicy loaded = loader.load(List.of(root.toString()));

    assertThat(loaded.modules()).singleElement().satisfies(m -> {
      assertThat(m.path()).isEqualTo(p("policy/a.rego"));
      assertThat(m.source()).isEqualTo(source);
      assertThat(m.module().file()).isEqualTo(p("policy/a.rego"));
    });
    assertThat(loaded.data()).isEqualTo(json("{\"policy\": {\"x\": 1}}"));
  }

  @Test
  void regoSyntaxErrorsAreReportedWithTheirPosition() throws IOException {
    write("bad.rego", "package x\n\nallow if {\n");

    assertThatThrownBy(() -> loadData(root))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.problems())
            .allSatisfy(problem -> assertThat(problem.toString())
                .startsWith(p("bad.rego") + ":")
                .contains("rego_parse_error: ")));
  }

  private Value loadData(Path path) {
    return loader.load(List.of(path.toString())).data();
  }

  private Path write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private String p(String relative) {
    return root.resolve(relative).toString();
  }

  private static Value json(String text) {
    return Json.parse(text);
  }
}
