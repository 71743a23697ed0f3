package dev.ctpat.adapters.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.adapters.support.MalformedInputException;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code Get-MpComputerStatus | ConvertTo-Json} from PowerShell 5.1 or 7, for one host (an
 * object) or several (an array, e.g. from {@code Invoke-Command}). The host is
 * {@code PSComputerName} when present, else the file name without extension.
 */
public final class DefenderStatusAdapter implements EvidenceAdapter {
  public static final String NAME = "defender-status";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(8192);
    return head.contains("\"AntivirusEnabled\"") && head.contains("\"RealTimeProtectionEnabled\"")
        ? Match.CONTENT : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    LocatedJson json;
    try {
      json = LocatedJson.parse(input.text());
    } catch (MalformedInputException e) {
      context.warn(e.line(), e.getMessage());
      return context.result(NormalizedEvidence.builder());
    }
    List<JsonNode> statuses = new ArrayList<>();
    if (json.root().isArray()) {
      json.root().forEach(statuses::add);
    } else {
      statuses.add(json.root());
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (JsonNode status : statuses) {
      if (!status.isObject()) {
        context.warn(json.line(json.root()), "expected an object per computer");
        continue;
      }
      Source source = context.source(json.line(status));
      Endpoint.Antimalware antimalware = new Endpoint.Antimalware("Microsoft Defender Antivirus",
          enabled(status), LocatedJson.bool(status, "RealTimeProtectionEnabled"),
          signatureAge(status, context, source), source);
      endpoints.add(Endpoint.named(hostname(status, input), source).withAntimalware(antimalware));
    }
    return context.result(NormalizedEvidence.builder().addEndpoints(endpoints));
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

  /** Defender reports 65535 when signatures were never updated. */
  private static Integer signatureAge(JsonNode status, FileContext context, Source source) {
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
    String file = input.path().substring(input.path().lastIndexOf('/') + 1);
    int dot = file.indexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
