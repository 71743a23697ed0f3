package dev.ctpat.adapters.patch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.CultureDates;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.HostNames;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.adapters.support.MalformedInputException;
import dev.ctpat.adapters.support.Timestamps;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.SoftwareComponent;
import dev.ctpat.compliance.evidence.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads osquery results of three queries, recognized by their columns: {@code os_version}
 * (the host's OS name and version), {@code patches} (Windows hotfixes: the newest
 * {@code installed_on}, which WMI writes month first, is {@code last_patched_on}) and
 * {@code programs} (Windows installed
 * programs, listed as software of unknown licence status). Two shapes: {@code osqueryi --json}
 * (an array of rows; the host comes from the file's name or folder) and the osqueryd results log
 * (one JSON event per line, with {@code hostIdentifier}, differential {@code added}/{@code
 * removed} rows or a {@code snapshot}); log events carry their own time, which becomes the
 * items' {@code collected_at}.
 */
public final class OsqueryAdapter implements EvidenceAdapter {
  public static final String NAME = "osquery";

  /** The queries we understand. */
  private enum Table {
    OS_VERSION, PATCHES, PROGRAMS;

    static Table of(JsonNode row) {
      if (row.has("hotfix_id")) {
        return PATCHES;
      }
      if (row.has("platform") && row.has("major") && row.has("version") && row.has("name")) {
        return OS_VERSION;
      }
      if (row.has("name") && row.has("publisher")
          && (row.has("identifying_number") || row.has("uninstall_string"))) {
        return PROGRAMS;
      }
      return null;
    }
  }

  /** Seconds from 1601-01-01, where Windows file times start, to the Unix epoch. */
  private static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;

  private record Row(JsonNode columns, int line) {}

  /** What the file says about one host. */
  private static final class HostState {
    final String host;
    final Map<Table, Map<String, Row>> tables = new EnumMap<>(Table.class);
    Instant collectedAt;

    HostState(String host) {
      this.host = host;
    }

    Map<String, Row> rows(Table table) {
      return tables.getOrDefault(table, Map.of());
    }

    Map<String, Row> mutableRows(Table table) {
      return tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(8192);
    boolean log = head.contains("\"hostIdentifier\"")
        && (head.contains("\"columns\"") || head.contains("\"snapshot\""));
    boolean shell = head.strip().startsWith("[") && (head.contains("\"hotfix_id\"")
        || head.contains("\"platform_like\"") || head.contains("\"identifying_number\""));
    return log || shell ? Match.CONTENT : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    Map<String, HostState> hosts = new LinkedHashMap<>();
    Unsupported unsupported = new Unsupported();
    if (input.head(64).strip().startsWith("[")) {
      readShellOutput(input, context, hosts, unsupported);
    } else {
      readResultsLog(input, context, hosts, unsupported);
    }
    if (unsupported.line != null) {
      context.warn(unsupported.line, "rows of a query other than os_version, patches or programs "
          + "are skipped");
    }
    NormalizedEvidence.Builder evidence = NormalizedEvidence.builder();
    List<Endpoint> endpoints = new ArrayList<>();
    List<SoftwareComponent> software = new ArrayList<>();
    for (HostState state : hosts.values()) {
      endpoint(state, context).ifPresent(endpoints::add);
      state.rows(Table.PROGRAMS).values()
          .forEach(row -> software.add(program(row, state, context)));
    }
    if (!endpoints.isEmpty()) {
      evidence.addEndpoints(endpoints);
    }
    if (hosts.values().stream().anyMatch(s -> s.tables.containsKey(Table.PROGRAMS))) {
      evidence.addSoftware(software);
    }
    return context.result(evidence);
  }

  /** The first line with rows of an unsupported query. */
  private static final class Unsupported {
    Integer line;
  }

  private static void readShellOutput(EvidenceInput input, FileContext context,
      Map<String, HostState> hosts, Unsupported unsupported) {
    Optional<LocatedJson> parsed = context.parseJson();
    if (parsed.isEmpty()) {
      return;
    }
    LocatedJson json = parsed.get();
    String host = HostNames.fromPathOrStem(input.path(), "osquery");
    HostState state =
        hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new HostState(host));
    for (JsonNode row : json.root()) {
      int line = Objects.requireNonNullElse(json.line(row), 1);
      Table table = Table.of(row);
      if (table == null) {
        unsupported.line = unsupported.line == null ? line : unsupported.line;
        continue;
      }
      state.mutableRows(table).put(row.toString(), new Row(row, line));
    }
  }

  private static void readResultsLog(EvidenceInput input, FileContext context,
      Map<String, HostState> hosts, Unsupported unsupported) {
    List<String> lines = input.lines();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode event;
      try {
        event = LocatedJson.parse(lines.get(i)).root();
      } catch (MalformedInputException e) {
        context.warn(i + 1, e.getMessage());
        continue;
      }
      String host = hostOf(event);
      if (host == null) {
        context.warn(i + 1, "result without hostIdentifier; skipped");
        continue;
      }
      HostState state =
          hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new HostState(host));
      Instant time = Timestamps.epochSeconds(LocatedJson.text(event, "unixTime"));
      if (time != null && (state.collectedAt == null || time.isAfter(state.collectedAt))) {
        state.collectedAt = time;
      }
      apply(event, i + 1, state, unsupported);
    }
  }

  private static String hostOf(JsonNode event) {
    String decorated = LocatedJson.text(event.path("decorations"), "hostname");
    return decorated != null ? decorated : LocatedJson.text(event, "hostIdentifier");
  }

  /** Applies an event: a snapshot replaces the query's rows, a differential row adds or removes. */
  private static void apply(JsonNode event, int line, HostState state, Unsupported unsupported) {
    String action = Objects.requireNonNullElse(LocatedJson.text(event, "action"), "added");
    List<JsonNode> rows = new ArrayList<>();
    if (event.path("snapshot").isArray()) {
      event.path("snapshot").forEach(rows::add);
    } else if (event.path("columns").isObject()) {
      rows.add(event.path("columns"));
    }
    boolean cleared = false;
    for (JsonNode row : rows) {
      Table table = Table.of(row);
      if (table == null) {
        unsupported.line = unsupported.line == null ? line : unsupported.line;
        continue;
      }
      Map<String, Row> current = state.mutableRows(table);
      if (action.equals("snapshot") && !cleared) {
        current.clear();
        cleared = true;
      }
      if (action.equals("removed")) {
        current.remove(row.toString());
      } else {
        current.put(row.toString(), new Row(row, line));
      }
    }
  }

  private static Optional<Endpoint> endpoint(HostState state, FileContext context) {
    Map<String, Row> os = state.rows(Table.OS_VERSION);
    Map<String, Row> patches = state.rows(Table.PATCHES);
    if (os.isEmpty() && patches.isEmpty()) {
      return Optional.empty();
    }
    Row first = !os.isEmpty() ? last(os) : patches.values().iterator().next();
    Endpoint endpoint = Endpoint.named(state.host, source(first, state, context));
    if (!os.isEmpty()) {
      Row row = last(os);
      endpoint = endpoint.withOs(LocatedJson.text(row.columns(), "name"),
          LocatedJson.text(row.columns(), "version"));
    }
    if (!patches.isEmpty()) {
      endpoint = endpoint.withPatches(lastPatched(patches, state, context));
    }
    return Optional.of(endpoint);
  }

  private static Row last(Map<String, Row> rows) {
    Row last = null;
    for (Row row : rows.values()) {
      last = row;
    }
    return last;
  }

  private static Endpoint.Patches lastPatched(Map<String, Row> patches, HostState state,
      FileContext context) {
    LocalDate newest = null;
    Row newestRow = patches.values().iterator().next();
    for (Row row : patches.values()) {
      String text = LocatedJson.text(row.columns(), "installed_on");
      LocalDate installed = installedOn(text);
      if (text != null && !text.isBlank() && installed == null) {
        context.warn(row.line(), "installed_on '" + text + "' is not a date");
      }
      if (installed != null && (newest == null || installed.isAfter(newest))) {
        newest = installed;
        newestRow = row;
      }
    }
    return new Endpoint.Patches(null, null, newest, source(newestRow, state, context));
  }

  /**
   * WMI's {@code InstalledOn}: the invariant culture's {@code M/d/yyyy}, or on some systems a
   * file time in hexadecimal.
   */
  private static LocalDate installedOn(String text) {
    if (text != null && text.matches("[0-9A-Fa-f]{16}")) {
      long ticks = Long.parseUnsignedLong(text, 16);
      long seconds = ticks / 10_000_000L - FILETIME_EPOCH_SECONDS;
      return Timestamps.utcDate(Instant.ofEpochSecond(seconds));
    }
    LocalDateTime date = CultureDates.parse(text, CultureDates.Order.MONTH_FIRST);
    return date == null ? null : date.toLocalDate();
  }

  private static SoftwareComponent program(Row row, HostState state, FileContext context) {
    JsonNode c = row.columns();
    return new SoftwareComponent(LocatedJson.text(c, "name"),
        blankToNull(LocatedJson.text(c, "version")),
        blankToNull(LocatedJson.text(c, "publisher")), null,
        SoftwareComponent.LicenseStatus.UNKNOWN, 1, null, source(row, state, context));
  }

  private static Source source(Row row, HostState state, FileContext context) {
    return state.collectedAt == null
        ? context.source(row.line()) : context.source(row.line(), state.collectedAt);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
