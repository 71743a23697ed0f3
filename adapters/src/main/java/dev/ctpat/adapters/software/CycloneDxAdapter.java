package dev.ctpat.adapters.software;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.adapters.support.Timestamps;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.SoftwareComponent;
import dev.ctpat.compliance.evidence.SoftwareComponent.LicenseStatus;
import dev.ctpat.compliance.evidence.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a CycloneDX JSON BOM, spec versions 1.4 to 1.6: one software entry per component,
 * nested components included, files excluded. Licences come as SPDX ids, free-text names or an
 * expression; several are joined with {@code AND}. A licence with commercial {@code licensing}
 * terms (1.5+) makes the component licensed until its {@code expiration}, unlicensed after it.
 * The supplier is {@code supplier.name}, else {@code manufacturer.name}, else {@code publisher}.
 * {@code metadata.timestamp} becomes each item's {@code collected_at}.
 */
public final class CycloneDxAdapter extends JsonExportAdapter {
  public static final String NAME = "cyclonedx";

  private static final Set<String> TESTED_VERSIONS = Set.of("1.4", "1.5", "1.6");

  public CycloneDxAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    return contentMatchIfHeadContains(input, 4096, "\"bomFormat\"", "CycloneDX");
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    JsonNode root = json.root();
    String version = LocatedJson.text(root, "specVersion");
    if (!TESTED_VERSIONS.contains(version)) {
      context.warn(json.line(root), "CycloneDX spec version " + version
          + " is not one of 1.4-1.6; read as 1.6");
    }
    Instant created = Timestamps.iso(LocatedJson.text(root.path("metadata"), "timestamp"));
    List<SoftwareComponent> software = new ArrayList<>();
    addComponents(root.path("components"), json, created, input, context, software);
    return NormalizedEvidence.builder().addSoftware(software);
  }

  private static void addComponents(JsonNode components, LocatedJson json, Instant created,
      EvidenceInput input, FileContext context, List<SoftwareComponent> out) {
    for (JsonNode component : components) {
      Integer line = json.line(component);
      String name = LocatedJson.text(component, "name");
      if (name == null) {
        context.warn(line, "component without a name; skipped");
      } else if (!"file".equals(LocatedJson.text(component, "type"))) {
        Source source = created == null ? context.source(line) : context.source(line, created);
        out.add(component(component, name, input, context, source));
      }
      addComponents(component.path("components"), json, created, input, context, out);
    }
  }

  private static SoftwareComponent component(JsonNode component, String name, EvidenceInput input,
      FileContext context, Source source) {
    Set<String> licenses = new LinkedHashSet<>();
    LicenseStatus status = null;
    for (JsonNode choice : component.path("licenses")) {
      String expression = LocatedJson.text(choice, "expression");
      JsonNode license = choice.path("license");
      String id = LocatedJson.text(license, "id");
      String text = expression != null ? expression
          : id != null ? id : LocatedJson.text(license, "name");
      if (text == null) {
        continue;
      }
      licenses.add(text);
      LicenseStatus own;
      if (license.has("licensing")) {
        own = commercial(license.path("licensing"), name, input, context, source);
      } else {
        boolean freeText = expression == null && id == null;
        own = freeText ? LicenseStatus.UNKNOWN : LicenseExpressions.status(text);
      }
      status = weaker(status, own);
    }
    String joined = licenses.isEmpty() ? null : String.join(" AND ", licenses);
    return new SoftwareComponent(name, LocatedJson.text(component, "version"),
        supplier(component), joined, status == null ? LicenseStatus.UNKNOWN : status, null, null,
        source);
  }

  /** Commercial licensing terms: licensed unless expired by the collection day. */
  private static LicenseStatus commercial(JsonNode licensing, String name, EvidenceInput input,
      FileContext context, Source source) {
    LocalDate expiration =
        Timestamps.utcDate(Timestamps.iso(LocatedJson.text(licensing, "expiration")));
    if (expiration == null) {
      return LicenseStatus.LICENSED;
    }
    if (input.collectedOn() == null) {
      return LicenseStatus.UNKNOWN;
    }
    if (expiration.isBefore(input.collectedOn())) {
      context.warn(source.line(), name + ": the licence expired on " + expiration);
      return LicenseStatus.UNLICENSED;
    }
    return LicenseStatus.LICENSED;
  }

  /** Unlicensed beats unknown beats licensed: a component is as licensed as its weakest licence. */
  private static LicenseStatus weaker(LicenseStatus a, LicenseStatus b) {
    if (a == null || a == b) {
      return b;
    }
    if (a == LicenseStatus.UNLICENSED || b == LicenseStatus.UNLICENSED) {
      return LicenseStatus.UNLICENSED;
    }
    return LicenseStatus.UNKNOWN;
  }

  private static String supplier(JsonNode component) {
    String supplier = LocatedJson.text(component.path("supplier"), "name");
    if (supplier == null) {
      supplier = LocatedJson.text(component.path("manufacturer"), "name");
    }
    return supplier != null ? supplier : LocatedJson.text(component, "publisher");
  }
}
