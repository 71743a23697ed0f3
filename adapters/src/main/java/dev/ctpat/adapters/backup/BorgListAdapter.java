package dev.ctpat.adapters.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.adapters.support.Timestamps;
import dev.ctpat.compliance.evidence.Backup;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code borg list --json} (or {@code borg info --json}) of one repository: one backup
 * entry per system with its newest archive. The system is the archive's {@code hostname} when
 * given (borg info), else the archive-name prefix before the timestamp of borg's
 * {@code {hostname}-{now}} convention, else the repository's last path segment. The archive
 * time is its {@code end} when given, else {@code time}; borg 1 writes local time without an
 * offset, read as UTC. The repository is encrypted unless its mode is {@code none} or one of
 * the {@code authenticated} modes, which only sign; whether it is off-site is not in the output.
 */
public final class BorgListAdapter extends JsonExportAdapter {
  public static final String NAME = "borg";

  /** {@code web01-2026-11-26T02:00:01} or {@code web01-2026-11-26}: host, then the date. */
  private static final Pattern HOST_PREFIX = Pattern.compile("(.+?)[-_.]\\d{4}-?\\d{2}-?\\d{2}.*");

  public BorgListAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    return contentMatchIfHeadContains(input, 64 * 1024,
        "\"archives\"", "\"repository\"", "\"encryption\"");
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    JsonNode root = json.root();
    String location = location(LocatedJson.text(root.path("repository"), "location"), input);
    Boolean encrypted = encrypted(LocatedJson.text(root.path("encryption"), "mode"));
    Map<String, JsonNode> newest = new LinkedHashMap<>();
    Map<String, Instant> newestTime = new LinkedHashMap<>();
    for (JsonNode archive : root.path("archives")) {
      Instant time = time(archive);
      if (time == null) {
        context.warn(json.line(archive), "archive without a valid time; skipped");
        continue;
      }
      String system = system(archive, location);
      if (!newestTime.containsKey(system) || time.isAfter(newestTime.get(system))) {
        newest.put(system, archive);
        newestTime.put(system, time);
      }
    }
    List<Backup> backups = new ArrayList<>();
    newest.forEach((system, archive) -> backups.add(new Backup(system, "borg:" + location,
        newestTime.get(system), encrypted, null, null, context.source(json.line(archive)))));
    if (backups.isEmpty()) {
      // A repository without archives is evidence too: a backup that has never succeeded.
      backups.add(new Backup(lastSegment(location), "borg:" + location, null, encrypted, null,
          null, context.source(json.line(root.path("repository")))));
    }
    return NormalizedEvidence.builder().addBackups(backups);
  }

  private static Instant time(JsonNode archive) {
    String end = LocatedJson.text(archive, "end");
    return Timestamps.iso(end != null ? end : LocatedJson.text(archive, "time"));
  }

  private static String system(JsonNode archive, String location) {
    String host = LocatedJson.text(archive, "hostname");
    if (host != null && !host.isBlank()) {
      return host;
    }
    String name = LocatedJson.text(archive, "name");
    Matcher m = HOST_PREFIX.matcher(name == null ? "" : name);
    return m.matches() ? m.group(1) : lastSegment(location);
  }

  /** The repository location without any password in its URL. */
  private static String location(String location, EvidenceInput input) {
    if (location == null) {
      return input.path();
    }
    return location.replaceFirst("^([a-z][a-z0-9+.-]*://[^:/@]+):[^@/]*@", "$1@");
  }

  private static String lastSegment(String location) {
    String trimmed = location.replaceAll("/+$", "");
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static Boolean encrypted(String mode) {
    if (mode == null) {
      return null;
    }
    String m = mode.toLowerCase(Locale.ROOT);
    return !(m.equals("none") || m.startsWith("authenticated"));
  }
}
