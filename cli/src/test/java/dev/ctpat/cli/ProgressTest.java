package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress lines appear on a terminal and nowhere else. */
class ProgressTest {
  @Test
  void reportsEachPhaseWithItsResultOnATerminal() {
    StringWriter err = new StringWriter();
    Progress p = Progress.on(new PrintWriter(err), true);

    p.begin("assessing");
    p.end("14 criteria assessed");

    assertThat(err.toString()).matches("ctpat: assessing \\.\\.\\. 14 criteria assessed "
        + "\\(\\d+\\.\\d s\\)\\R");
  }

  @Test
  void staysQuietWhenNotOnATerminal() {
    StringWriter err = new StringWriter();
    Progress p = Progress.on(new PrintWriter(err), false);

    p.begin("assessing");
    p.end("done");

    assertThat(err.toString()).isEmpty();
  }
}
