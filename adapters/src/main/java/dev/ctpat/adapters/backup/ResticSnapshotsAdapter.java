package dev.ctpat.adapters.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.compliance.evidence.Backup;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code restic snapshots --json}: one backup entry per host, with the newest snapshot
 * time. Restic repositories are always encrypted; whether the repository is off-site is not in
 * the output and stays {@code null}. The repository is named after the file, since the output
 * does not name it.
 */
public final class ResticSnapshotsAdapter extends JsonExportAdapter {
  public static final String NAME = "restic";

  public ResticSnapshotsAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(4096).strip();
    return head.startsWith("[") && head.contains("\"short_id\"") && head.contains("\"hostname\"")
        && head.contains("\"paths\"") ? Match.CONTENT : Match.NONE;
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    Map<String, JsonNode> newest = new LinkedHashMap<>();
    Map<String, Instant> newestTime = new LinkedHashMap<>();
    for (JsonNode snapshot : json.root()) {
      String host = LocatedJson.text(snapshot, "hostname");
      Instant time = time(LocatedJson.text(snapshot, "time"));
      if (host == null || time == null) {
        context.warn(json.line(snapshot), "snapshot without hostname or valid time; skipped");
        continue;
      }
      if (!newestTime.containsKey(host) || time.isAfter(newestTime.get(host))) {
        newest.put(host, snapshot);
        newestTime.put(host, time);
      }
    }
    List<Backup> backups = new ArrayList<>();
    newest.forEach((host, snapshot) -> backups.add(new Backup(host, "restic:" + input.path(),
        newestTime.get(host), true, null, null, context.source(json.line(snapshot)))));
    return NormalizedEvidence.builder().addBackups(backups);
  }

  private static Instant time(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
