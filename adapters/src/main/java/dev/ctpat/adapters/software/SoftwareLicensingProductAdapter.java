package dev.ctpat.adapters.software;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.adapters.support.PowerShellJson;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.SoftwareComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code Get-CimInstance SoftwareLicensingProduct | ConvertTo-Json} (or
 * {@code Get-WmiObject}), PowerShell 5.1 or 7: one software entry per product with an installed
 * key. {@code LicenseStatus} 1 is licensed; 0 (unlicensed), 4 (non-genuine) and 5
 * (notification) are unlicensed; the grace periods 2, 3 and 6 are unknown. Products whose
 * {@code PartialProductKey} is null have no key installed and are skipped; an export without
 * that property cannot tell them apart, which is warned. The key itself is never copied.
 */
public final class SoftwareLicensingProductAdapter extends JsonExportAdapter {
  public static final String NAME = "windows-licensing";

  public SoftwareLicensingProductAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(8192);
    return head.contains("\"LicenseStatus\"") && head.contains("\"Name\"")
        && (head.contains("\"ApplicationID\"") || head.contains("\"PartialProductKey\"")
            || head.contains("SoftwareLicensingProduct"))
        ? Match.CONTENT : Match.NONE;
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    List<JsonNode> products = PowerShellJson.items(json.root());
    if (products.stream().noneMatch(p -> p.has("PartialProductKey"))) {
      context.warn(json.line(json.root()), "no PartialProductKey property: products without an "
          + "installed key cannot be left out; export with "
          + "-Filter \"PartialProductKey IS NOT NULL\"");
    }
    List<SoftwareComponent> software = new ArrayList<>();
    for (JsonNode product : products) {
      if (product.has("PartialProductKey") && product.get("PartialProductKey").isNull()) {
        continue;
      }
      software.add(component(product, json.line(product), context));
    }
    return NormalizedEvidence.builder().addSoftware(software);
  }

  private static SoftwareComponent component(JsonNode product, Integer line, FileContext context) {
    String name = LocatedJson.text(product, "Name");
    Integer code = LocatedJson.integer(product, "LicenseStatus");
    WindowsActivation state = code == null ? null : WindowsActivation.ofCode(code);
    if (state == null) {
      context.warn(line, "LicenseStatus " + code + " is not one of 0-6");
    } else if (state.isGrace()) {
      context.warn(line, name + " is in a grace period: not activated yet");
    }
    String channel = LocatedJson.text(product, "ProductKeyChannel");
    return new SoftwareComponent(name != null ? name : "Windows", null, "Microsoft",
        channel != null ? channel : LocatedJson.text(product, "Description"),
        state == null ? SoftwareComponent.LicenseStatus.UNKNOWN : state.licenseStatus(),
        null, null, context.source(line));
  }
}
