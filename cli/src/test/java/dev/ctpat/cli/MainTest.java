package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void withoutASubcommandItShowsUsageAndFailsAsAUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Usage: ctpat").contains("eval").contains("test")
        .contains("conformance");
  }

  @Test
  void helpSucceeds() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: ctpat");
  }

  @Test
  void eachSubcommandHasHelp() {
    for (String command : new String[] {"eval", "test", "conformance"}) {
      CliRun run = CliRun.of(command, "--help");

      assertThat(run.exitCode()).as(command).isZero();
      assertThat(run.out()).as(command).contains("Usage: ctpat " + command);
    }
  }

  @Test
  void versionSucceeds() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("ctpat ");
  }

  @Test
  void anUnknownSubcommandIsAUsageError() {
    CliRun run = CliRun.of("frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("frobnicate");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithoutAStackTrace() {
    CliRun run = CliRun.of("eval", "--no-such-option", "x");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--no-such-option").doesNotContain("\tat ");
  }
}
