package dev.ctpat.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line with captured output, for tests. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
