package dev.ctpat.adapters.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.HostNames;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.adapters.support.PowerShellJson;
import dev.ctpat.adapters.support.Timestamps;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code Get-MpComputerStatus | ConvertTo-Json} from PowerShell 5.1 or 7, for one host (an
 * object) or several (an array, e.g. from {@code Invoke-Command}). The host is
 * {@code PSComputerName} when present, else taken from the file's name or folder. The signature
 * age is {@code AntivirusSignatureAge}; an export that selected only
 * {@code AntivirusSignatureLastUpdated} (5.1's {@code \/Date(ms)\/} or 7's ISO form) has it
 * counted from that time up to the collection day.
 */
public final class DefenderStatusAdapter extends JsonExportAdapter {
  public static final String NAME = "defender-status";

  public DefenderStatusAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    return contentMatchIfHeadContains(input, 8192,
        "\"AntivirusEnabled\"", "\"RealTimeProtectionEnabled\"");
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (JsonNode status : PowerShellJson.items(json.root())) {
      if (!status.isObject()) {
        context.warn(json.line(json.root()), "expected an object per computer");
        continue;
      }
      Source source = context.source(json.line(status));
      Endpoint.Antimalware antimalware = new Endpoint.Antimalware("Microsoft Defender Antivirus",
          enabled(status), LocatedJson.bool(status, "RealTimeProtectionEnabled"),
          signatureAge(status, input, context, source), source);
      endpoints.add(Endpoint.named(hostname(status, input), source).withAntimalware(antimalware));
    }
    return NormalizedEvidence.builder().addEndpoints(endpoints);
  }

  /** Enabled only when both the service and the antivirus engine are on. */
  private static Boolean enabled(JsonNode status) {
    Boolean service = LocatedJson.bool(status, "AMServiceEnabled");
    Boolean antivirus = LocatedJson.bool(status, "AntivirusEnabled");
    if (service == null) {
      return antivirus;
    }
    return antivirus == null ? null : service && antivirus;
  }

  /**
   * {@code AntivirusSignatureAge} (65535 means never updated), else the days from
   * {@code AntivirusSignatureLastUpdated} to the collection day.
   */
  private static Integer signatureAge(JsonNode status, EvidenceInput input, FileContext context,
      Source source) {
    if (!status.has("AntivirusSignatureAge")) {
      Instant updated = PowerShellJson.instant(status.get("AntivirusSignatureLastUpdated"));
      return Timestamps.ageDays(Timestamps.utcDate(updated), input.collectedOn());
    }
    Integer age = LocatedJson.integer(status, "AntivirusSignatureAge");
    if (age == null || age < 0) {
      return null;
    }
    if (age == 65535) {
      context.warn(source.line(), "AntivirusSignatureAge 65535: signatures never updated");
    }
    return age;
  }

  private static String hostname(JsonNode status, EvidenceInput input) {
    String name = LocatedJson.text(status, "PSComputerName");
    if (name != null && !name.isBlank()) {
      return name;
    }
    return HostNames.fromPathOrStem(input.path(), "defender", "mpcomputerstatus");
  }
}
