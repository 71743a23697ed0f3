package dev.ctpat.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ctpat} command line. Exit status: 0 success, 1 failures (tests, gates,
 * compliance), 2 usage or input errors. Errors go to standard error as
 * {@code FILE:LINE:COL: message}, never as stack traces.
 */
@Command(
    name = "ctpat",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "CTPAT Policy Kit: a pure-Java Rego engine and the CTPAT cybersecurity "
        + "policy pack.",
    subcommands = {AssessCommand.class, NormalizeCommand.class, EvalCommand.class,
        TestCommand.class, ConformanceCommand.class, CapabilitiesCommand.class,
        BundleCommand.class})
public final class Main implements Callable<Integer> {
  /** Deeply recursive policies need more stack than the JVM's main thread has. */
  private static final long STACK_BYTES = 512L << 20;

  @Spec
  private CommandSpec spec;

  /** Without a subcommand: show what there is, and fail as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.INPUT_ERROR;
  }

  public static void main(String[] args) throws InterruptedException {
    PrintWriter out = utf8(System.out);
    PrintWriter err = utf8(System.err);
    AtomicInteger exitCode = new AtomicInteger(ExitCodes.INPUT_ERROR);
    Thread worker = new Thread(null, () -> exitCode.set(execute(out, err, args)), "ctpat",
        STACK_BYTES);
    worker.start();
    worker.join();
    out.flush();
    err.flush();
    System.exit(exitCode.get());
  }

  /**
   * Runs one command line, writing to the given streams.
   *
   * @return the exit status
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Main())
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(Main::internalError);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** A bug, not a user error: one line that says what broke, without the stack trace. */
  private static int internalError(Exception e, CommandLine commandLine,
      CommandLine.ParseResult parseResult) {
    commandLine.getErr().println("ctpat: internal error: " + e);
    return ExitCodes.INPUT_ERROR;
  }

  private static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ctpat " + (version == null ? "(development build)" : version)};
    }
  }
}
