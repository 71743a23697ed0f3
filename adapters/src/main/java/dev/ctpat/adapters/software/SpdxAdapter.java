package dev.ctpat.adapters.software;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.adapters.support.Timestamps;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.SoftwareComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an SPDX 2.x JSON document (e.g. {@code syft <target> -o spdx-json}): one software entry
 * per package, except the packages the document describes (the scanned image or directory
 * itself). The licence is {@code licenseConcluded}, else {@code licenseDeclared}; the supplier
 * is {@code supplier}, else {@code originator}, without its {@code Organization:} prefix and
 * e-mail address. {@code creationInfo.created} becomes each item's {@code collected_at}.
 */
public final class SpdxAdapter extends JsonExportAdapter {
  public static final String NAME = "spdx";

  public SpdxAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    return contentMatchIfHeadContains(input, 4096, "\"spdxVersion\"", "SPDX-2.");
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    JsonNode root = json.root();
    Instant created = Timestamps.iso(LocatedJson.text(root.path("creationInfo"), "created"));
    Set<String> described = described(root);
    List<SoftwareComponent> software = new ArrayList<>();
    for (JsonNode pkg : root.path("packages")) {
      String name = LocatedJson.text(pkg, "name");
      if (name == null) {
        context.warn(json.line(pkg), "package without a name; skipped");
        continue;
      }
      if (described.contains(LocatedJson.text(pkg, "SPDXID"))) {
        continue;
      }
      String license = license(pkg);
      Integer line = json.line(pkg);
      software.add(new SoftwareComponent(name, LocatedJson.text(pkg, "versionInfo"),
          supplier(pkg), license, LicenseExpressions.status(license), null, null,
          created == null ? context.source(line) : context.source(line, created)));
    }
    return NormalizedEvidence.builder().addSoftware(software);
  }

  /** The SPDX ids the document describes, by {@code documentDescribes} or a DESCRIBES relation. */
  private static Set<String> described(JsonNode root) {
    Set<String> ids = new HashSet<>();
    root.path("documentDescribes").forEach(id -> ids.add(id.asText()));
    for (JsonNode relation : root.path("relationships")) {
      if ("DESCRIBES".equals(LocatedJson.text(relation, "relationshipType"))
          && "SPDXRef-DOCUMENT".equals(LocatedJson.text(relation, "spdxElementId"))) {
        ids.add(LocatedJson.text(relation, "relatedSpdxElement"));
      }
    }
    return ids;
  }

  private static String license(JsonNode pkg) {
    String concluded = LocatedJson.text(pkg, "licenseConcluded");
    if (!LicenseExpressions.isAbsent(concluded)) {
      return concluded;
    }
    String declared = LocatedJson.text(pkg, "licenseDeclared");
    return LicenseExpressions.isAbsent(declared) ? null : declared;
  }

  /** {@code Organization: Ubuntu Developers <ubuntu-devel@lists.ubuntu.com>} to the name. */
  private static String supplier(JsonNode pkg) {
    for (String field : List.of("supplier", "originator")) {
      String value = LocatedJson.text(pkg, field);
      if (value == null || value.equals("NOASSERTION")) {
        continue;
      }
      String name = value.replaceFirst("^(Organization|Person|Tool):\\s*", "")
          .replaceFirst("\\s*[(<][^)>]*[)>]\\s*$", "").strip();
      if (!name.isEmpty()) {
        return name;
      }
    }
    return null;
  }
}
