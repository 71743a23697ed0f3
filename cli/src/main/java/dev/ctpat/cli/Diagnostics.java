package dev.ctpat.cli;

import dev.ctpat.rego.api.RegoError;
import dev.ctpat.rego.api.RegoException;
import dev.ctpat.rego.loader.PolicyLoadException;
import java.io.PrintWriter;

/**
 * Writes user errors to standard error, one per line, as {@code FILE:LINE:COL: message}
 * (without the position when there is none), so that editors and CI logs can link to them.
 */
final class Diagnostics {
  private Diagnostics() {}

  static void report(PrintWriter err, RegoException e) {
    for (RegoError error : e.errors()) {
      err.println(error);
    }
  }

  static void report(PrintWriter err, PolicyLoadException e) {
    for (PolicyLoadException.Problem problem : e.problems()) {
      err.println(problem);
    }
  }
}
