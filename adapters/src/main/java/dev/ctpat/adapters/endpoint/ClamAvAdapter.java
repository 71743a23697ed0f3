package dev.ctpat.adapters.endpoint;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.HostNames;
import dev.ctpat.adapters.support.Line;
import dev.ctpat.adapters.support.Timestamps;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ClamAV's signature state from {@code clamscan --version}, {@code clamdscan --version} or
 * {@code freshclam --version} ({@code ClamAV 1.0.3/27105/Sun Nov 22 09:37:41 2026}: engine,
 * daily database version and its build time) or from a freshclam log (the last run that found
 * the daily database up to date or updated it). {@code signature_age_days} counts from the
 * signature build time (preferred) or that last successful check up to the collection day.
 * Neither export shows whether scanning is on, so {@code enabled} and {@code realtime} stay
 * unknown.
 */
public final class ClamAvAdapter implements EvidenceAdapter {
  public static final String NAME = "clamav";

  private static final Pattern VERSION = Pattern.compile("ClamAV (\\S+?)/(\\d+)/(.+)");
  private static final Pattern RUN_START = Pattern.compile(".*update process started at (.+)");
  private static final Pattern DAILY_OK =
      Pattern.compile(".*\\bdaily\\.c[lv]d (?:database is up[- ]to[- ]date|updated)\\b.*");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(8192);
    boolean clamav = VERSION.matcher(head).find() || head.contains("ClamAV update process started")
        || head.contains("freshclam daemon");
    return clamav ? Match.CONTENT : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<String> lines = input.lines();
    Line signatures = newestSignatureLine(lines);
    Line check = lastSuccessfulCheck(lines);
    Line evidence = signatures != null ? signatures : check;
    if (evidence == null) {
      context.warn(null, "neither a ClamAV version line with the signature date nor a successful "
          + "freshclam run found");
      return context.result(NormalizedEvidence.builder());
    }
    LocalDate since = Timestamps.utcDate(Timestamps.ctime(evidence.text()));
    Integer age = Timestamps.ageDays(since, input.collectedOn());
    if (age == null) {
      context.warn(evidence.number(), "the collection day is unknown, so the signature age is too");
    }
    String host = HostNames.fromPathOrStem(input.path(), "clam");
    Endpoint.Antimalware antimalware = new Endpoint.Antimalware("ClamAV", null, null, age,
        context.source(evidence.number()));
    return context.result(NormalizedEvidence.builder().addEndpoints(List.of(
        Endpoint.named(host, context.source(evidence.number())).withAntimalware(antimalware))));
  }

  /** The version line with the newest signature build time; its text is that time. */
  private static Line newestSignatureLine(List<String> lines) {
    Line newest = null;
    Instant newestTime = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = VERSION.matcher(lines.get(i));
      Instant time = m.find() ? Timestamps.ctime(m.group(3)) : null;
      if (time != null && (newestTime == null || time.isAfter(newestTime))) {
        newest = new Line(i + 1, m.group(3));
        newestTime = time;
      }
    }
    return newest;
  }

  /**
   * The line of the last daily-database success, with the start time of its freshclam run as
   * text; {@code null} when no run succeeded.
   */
  private static Line lastSuccessfulCheck(List<String> lines) {
    String runStart = null;
    Line last = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher start = RUN_START.matcher(lines.get(i));
      if (start.matches()) {
        runStart = start.group(1);
      } else if (runStart != null && DAILY_OK.matcher(lines.get(i)).matches()) {
        last = new Line(i + 1, runStart);
      }
    }
    return last;
  }
}
