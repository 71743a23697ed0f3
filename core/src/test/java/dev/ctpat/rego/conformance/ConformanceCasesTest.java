package dev.ctpat.rego.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCasesTest {
  @TempDir
  Path dir;

  @Test
  void readsEveryFieldOfACase() {
    List<ConformanceCase> cases = ConformanceCases.parse("f.yaml", """
        cases:
          - note: strings/reverse error
            query: data.test.p = x
            modules:
              - |
                package test
                p := strings.reverse(input.x)
            data:
              a: 1
            input:
              x: 1
            want_error_code: eval_type_error
            want_error: 'reverse: operand 1 must be string but got number'
            strict_error: true
            sort_bindings: true
        """);

    assertThat(cases).singleElement().satisfies(c -> {
      assertThat(c.file()).isEqualTo("f.yaml");
      assertThat(c.note()).isEqualTo("strings/reverse error");
      assertThat(c.query()).isEqualTo("data.test.p = x");
      assertThat(c.modules()).containsExactly("package test\np := strings.reverse(input.x)\n");
      assertThat(c.data()).isEqualTo(Json.parse("{\"a\": 1}"));
      assertThat(c.input()).isEqualTo(Json.parse("{\"x\": 1}"));
      assertThat(c.inputTerm()).isNull();
      assertThat(c.wantResult()).isNull();
      assertThat(c.wantErrorCode()).isEqualTo("eval_type_error");
      assertThat(c.wantError()).isEqualTo("reverse: operand 1 must be string but got number");
      assertThat(c.strictError()).isTrue();
      assertThat(c.sortBindings()).isTrue();
      assertThat(c.expectsError()).isTrue();
    });
  }

  @Test
  void absentFieldsTakeOpasDefaults() {
    ConformanceCase c = ConformanceCases.parse("f.yaml", """
        cases:
          - note: minimal
            query: x := 1
            want_result:
              - x: 1
        """).get(0);

    assertThat(c.modules()).isEmpty();
    assertThat(c.data()).isEqualTo(ObjectValue.EMPTY);
    assertThat(c.input()).isNull();
    assertThat(c.wantResult()).containsExactly((ObjectValue) Json.parse("{\"x\": 1}"));
    assertThat(c.strictError()).isFalse();
    assertThat(c.sortBindings()).isFalse();
    assertThat(c.expectsError()).isFalse();
  }

  @Test
  void anEmptyWantResultIsKeptApartFromAnAbsentOne() {
    ConformanceCase c = ConformanceCases.parse("f.yaml", """
        cases:
          - note: undefined
            query: data.x = y
            want_result: []
        """).get(0);

    assertThat(c.wantResult()).isEmpty();
  }

  @Test
  void inputMayBeAnyValueAndInputTermIsText() {
    List<ConformanceCase> cases = ConformanceCases.parse("f.yaml", """
        cases:
          - note: scalar input
            query: input = x
            input: api.example.com
            want_result: []
          - note: term input
            query: input = x
            input_term: '{"x": {1, 2}}'
            want_result: []
        """);

    assertThat(cases.get(0).input()).isEqualTo(Json.parse("\"api.example.com\""));
    assertThat(cases.get(1).inputTerm()).isEqualTo("{\"x\": {1, 2}}");
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(ConformanceCases.parse("f.yaml", """
        cases:
          - note: extra
            query: x := 1
            env: {A: b}
            want_result: []
        """)).hasSize(1);
  }

  @Test
  void aMissingNoteIsAFormatError() {
    assertThatThrownBy(() -> ConformanceCases.parse("f.yaml", """
        cases:
          - query: x := 1
        """))
        .isInstanceOf(ConformanceFormatException.class)
        .hasMessage("f.yaml: case 1: missing note");
  }

  @Test
  void aFieldOfTheWrongTypeIsAFormatErrorNamingTheCase() {
    assertThatThrownBy(() -> ConformanceCases.parse("f.yaml", """
        cases:
          - note: bad modules
            query: x := 1
            modules: package x
        """))
        .isInstanceOf(ConformanceFormatException.class)
        .hasMessage(
            "f.yaml: case 1 (bad modules): modules must be a list of strings but is string");
  }

  @Test
  void aFileWithoutCasesIsAFormatError() {
    assertThatThrownBy(() -> ConformanceCases.parse("f.yaml", "tests: []"))
        .isInstanceOf(ConformanceFormatException.class)
        .hasMessage("f.yaml: expected a top-level list named cases");
  }

  @Test
  void invalidYamlIsAFormatErrorWithAPosition() {
    assertThatThrownBy(() -> ConformanceCases.parse("f.yaml", "cases:\n  - note: [\n"))
        .isInstanceOf(ConformanceFormatException.class)
        .hasMessageStartingWith("f.yaml:");
  }

  @Test
  void aFileThatIsNotUtf8IsAFormatError() throws IOException {
    Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'n', 'o', (byte) 0xe9});

    assertThatThrownBy(() -> ConformanceCases.read(file))
        .isInstanceOf(ConformanceFormatException.class)
        .hasMessage(file + ": not valid UTF-8 text");
  }

  @Test
  void findListsYamlFilesSortedAndSkipsExcludedFolders() throws IOException {
    Path b = touch("b/test-b.yaml");
    Path a = touch("a/test-a.yml");
    touch("a/readme.md");
    touch("skipme/test-c.yaml");

    assertThat(ConformanceCases.find(List.of(dir), Set.of("skipme"))).containsExactly(a, b);
  }

  @Test
  void findFailsForAMissingDirectory() {
    assertThatThrownBy(() -> ConformanceCases.find(List.of(dir.resolve("nope")), Set.of()))
        .isInstanceOf(IOException.class);
  }

  private Path touch(String relative) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "cases: []\n");
    return file;
  }
}
