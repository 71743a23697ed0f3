package dev.ctpat.adapters.patch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.CultureDates;
import dev.ctpat.adapters.support.Csv;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.HostNames;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.adapters.support.PowerShellJson;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code Get-HotFix} exported with {@code Export-Csv} (any culture, with or without the
 * {@code #TYPE} line, all WMI columns or a selection) or {@code ConvertTo-Json} (PowerShell 5.1's
 * {@code \/Date(ms)\/} inside a {@code {value, DateTime}} wrapper, or 7's ISO dates). Each host
 * ({@code PSComputerName}, {@code CSName} or {@code Source}; else the file's name or folder)
 * gets {@code patches.last_patched_on}, the newest {@code InstalledOn}. The list of installed
 * hotfixes says nothing about pending ones, which stay unknown.
 */
public final class HotFixAdapter implements EvidenceAdapter {
  public static final String NAME = "windows-hotfix";

  private static final String[] HOST_COLUMNS = {"PSComputerName", "CSName", "Source", "__SERVER"};

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(8192);
    return head.contains("HotFixID") && head.contains("InstalledOn") ? Match.CONTENT : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<Endpoint> endpoints = new ArrayList<>();
    for (Newest newest : hosts(input, context).values()) {
      if (newest.date == null) {
        context.warn(newest.firstLine, newest.host + ": no hotfix has an InstalledOn date");
      }
      Integer line = newest.date != null ? newest.line : newest.firstLine;
      Endpoint.Patches patches =
          new Endpoint.Patches(null, null, newest.date, context.source(line));
      endpoints.add(Endpoint.named(newest.host, context.source(line)).withPatches(patches));
    }
    return context.result(NormalizedEvidence.builder().addEndpoints(endpoints));
  }

  /** The newest installation date of one host, with its line. */
  private static final class Newest {
    final String host;
    final int firstLine;
    LocalDate date;
    int line;

    Newest(String host, int firstLine) {
      this.host = host;
      this.firstLine = firstLine;
    }

    void offer(LocalDate candidate, int candidateLine) {
      if (candidate != null && (date == null || candidate.isAfter(date))) {
        date = candidate;
        line = candidateLine;
      }
    }
  }

  /** The hosts of a JSON or CSV export; none when the file cannot be parsed (warned). */
  private static Map<String, Newest> hosts(EvidenceInput input, FileContext context) {
    String start = input.head(64).strip();
    Optional<Map<String, Newest>> hosts = start.startsWith("[") || start.startsWith("{")
        ? context.parseJson().map(json -> readJson(json, input, context))
        : context.parseCsv().map(csv -> readCsv(csv, input, context));
    return hosts.orElseGet(Map::of);
  }

  private static Map<String, Newest> readCsv(Csv csv, EvidenceInput input, FileContext context) {
    Map<String, Newest> hosts = new LinkedHashMap<>();
    int hostColumn = csv.column(HOST_COLUMNS);
    int dateColumn = csv.column("InstalledOn");
    CultureDates.Order order =
        CultureDates.orderOf(csv.rows().stream().map(r -> r.value(dateColumn)).toList());
    for (Csv.Row row : csv.rows()) {
      String host = hostOr(row.value(hostColumn), input);
      String text = row.value(dateColumn);
      LocalDateTime installed = CultureDates.parse(text, order);
      if (text != null && installed == null) {
        context.warn(row.line(), "InstalledOn '" + text
            + "' is not a date in a known format, or is ambiguous between day and month");
      }
      hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new Newest(host, row.line()))
          .offer(installed == null ? null : installed.toLocalDate(), row.line());
    }
    return hosts;
  }

  private static Map<String, Newest> readJson(LocatedJson json, EvidenceInput input,
      FileContext context) {
    Map<String, Newest> hosts = new LinkedHashMap<>();
    for (JsonNode fix : PowerShellJson.items(json.root())) {
      int line = json.line(fix) == null ? 1 : json.line(fix);
      String hostField = null;
      for (String column : HOST_COLUMNS) {
        hostField = hostField != null ? hostField : LocatedJson.text(fix, column);
      }
      String host = hostOr(hostField, input);
      hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new Newest(host, line))
          .offer(PowerShellJson.localDate(fix.get("InstalledOn")), line);
    }
    return hosts;
  }

  private static String hostOr(String host, EvidenceInput input) {
    return host != null && !host.isBlank()
        ? host : HostNames.fromPathOrStem(input.path(), "hotfix");
  }
}
