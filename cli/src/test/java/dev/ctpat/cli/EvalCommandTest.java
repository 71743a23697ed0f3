package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  @TempDir
  Path dir;

  @Test
  void aMissingPolicyPathIsAnInputError() {
    CliRun run = CliRun.of("eval", "-d", dir.resolve("nope").toString(), "data.x");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(dir.resolve("nope") + ": no such file or directory\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anInputFileThatIsNotJsonIsReportedWithItsPosition() throws IOException {
    Path input = write("input.json", "{\n  \"user\": \n}");

    CliRun run = CliRun.of("eval", "-i", input.toString(), "input.user");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(input + ":3:");
  }

  @Test
  void conflictingDataFilesAreReportedTogether() throws IOException {
    write("a.json", "{\"x\": 1}");
    write("b.json", "{\"x\": 2}");
    write("c/data.json", "{");

    CliRun run = CliRun.of("eval", "-d", dir.toString(), "data");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(2);
  }

  @Test
  void theQueryIsRequired() {
    CliRun run = CliRun.of("eval");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("QUERY");
  }

  // The tests below evaluate Rego, so they need the engine.

  @Test
  void printsOpasResultShape() throws IOException {
    write("policy/authz.rego", """
        package authz

        default allow := false

        allow if input.user == data.admins[_]
        """);
    write("policy/data.json", "{\"admins\": [\"alice\"]}");
    Path input = write("input.json", "{\"user\": \"alice\"}");

    CliRun run = CliRun.of("eval", "-d", dir.resolve("policy").toString(), "-i",
        input.toString(), "data.authz.allow");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("""
        {
          "result": [
            {
              "expressions": [
                {
                  "value": true,
                  "text": "data.authz.allow"
                }
              ]
            }
          ]
        }
        """);
  }

  @Test
  void printsBindingsOfNamedVariables() throws IOException {
    CliRun run = CliRun.of("eval", "x := 1 + 1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"bindings\": {\n        \"x\": 2\n      }");
  }

  @Test
  void anUndefinedResultIsAnEmptyObject() {
    CliRun run = CliRun.of("eval", "data.nothing.here");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("{}\n");
  }

  @Test
  void failMakesAnUndefinedResultExitWithOne() {
    assertThat(CliRun.of("eval", "--fail", "data.nothing").exitCode()).isEqualTo(1);
    assertThat(CliRun.of("eval", "--fail", "1 == 1").exitCode()).isZero();
  }

  @Test
  void failDefinedMakesADefinedResultExitWithOne() {
    assertThat(CliRun.of("eval", "--fail-defined", "1 == 1").exitCode()).isEqualTo(1);
    assertThat(CliRun.of("eval", "--fail-defined", "data.nothing").exitCode()).isZero();
  }

  @Test
  void aPolicyThatDoesNotParseIsReportedAsFileLineColumn() throws IOException {
    Path policy = write("bad.rego", "package bad\n\nallow if {\n");

    CliRun run = CliRun.of("eval", "-d", policy.toString(), "data.bad.allow");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(policy + ":").contains("rego_parse_error");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void v0CompatibleParsesV0Syntax() throws IOException {
    Path policy = write("old.rego", "package old\n\nallow { input.x == 1 }\n");

    CliRun run = CliRun.of("eval", "--v0-compatible", "-d", policy.toString(),
        "data.old.allow");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("{}\n");
  }

  @Test
  void strictBuiltinErrorsTurnBuiltinErrorsIntoErrors() {
    CliRun lenient = CliRun.of("eval", "x := to_number(\"abc\")");
    CliRun strict = CliRun.of("eval", "--strict-builtin-errors", "x := to_number(\"abc\")");

    assertThat(lenient.exitCode()).isZero();
    assertThat(lenient.out()).isEqualTo("{}\n");
    assertThat(strict.exitCode()).isEqualTo(2);
    assertThat(strict.err()).contains("eval_builtin_error");
  }

  @Test
  void printOutputGoesToStandardError() {
    CliRun run = CliRun.of("eval", "print(\"hello\")");

    assertThat(run.err()).isEqualTo("hello\n");
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
