package dev.ctpat.cli;

/** The exit codes every {@code ctpat} command uses (DESIGN §3). */
final class ExitCodes {
  /** Success: the policy evaluated, the tests passed, the organization is compliant. */
  static final int OK = 0;
  /** The command ran, and what it checked failed: a test, a conformance gate, compliance. */
  static final int FAILED = 1;
  /** Bad usage or bad input: unknown option, unreadable file, policy that does not compile. */
  static final int INPUT_ERROR = 2;

  private ExitCodes() {}
}
