package dev.ctpat.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a long run on standard error, one line per phase with its duration, shown only
 * when standard error is a terminal so that pipelines and redirected output stay quiet.
 */
final class Progress {
  private static final Progress QUIET = new Progress(null);

  private final PrintWriter err;
  private long phaseStart;

  private Progress(PrintWriter err) {
    this.err = err;
  }

  /** Progress on {@code err} when attached to a terminal, otherwise nothing. */
  static Progress on(PrintWriter err, boolean terminal) {
    return terminal ? new Progress(err) : QUIET;
  }

  /** Progress that reports only when the console is interactive. */
  static Progress onTerminal(PrintWriter err) {
    return on(err, System.console() != null && !"dumb".equals(System.getenv("TERM")));
  }

  /** Starts a phase: {@code ctpat: collecting evidence in DIR ...}. */
  void begin(String phase) {
    if (err != null) {
      phaseStart = System.nanoTime();
      err.print("ctpat: " + phase + " ...");
      err.flush();
    }
  }

  /** Ends the phase begun last: {@code  41 files (0.8 s)}. */
  void end(String result) {
    if (err != null) {
      double seconds = Duration.ofNanos(System.nanoTime() - phaseStart).toMillis() / 1000.0;
      err.println(" " + result + String.format(Locale.ROOT, " (%.1f s)", seconds));
      err.flush();
    }
  }
}
