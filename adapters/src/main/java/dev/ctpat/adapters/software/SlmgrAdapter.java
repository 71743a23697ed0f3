package dev.ctpat.adapters.software;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.SoftwareComponent;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code cscript //nologo slmgr.vbs /dli} (or {@code /dlv}, or Office's {@code ospp.vbs
 * /dstatus}) in English, German, French or Spanish: one software entry per product block
 * ({@code Name:} ... {@code License Status:}). The partial product key is never read.
 */
public final class SlmgrAdapter implements EvidenceAdapter {
  public static final String NAME = "windows-slmgr";

  private static final List<String> NAME_LABELS = List.of("name", "nom", "nombre",
      "license name");
  private static final List<String> DESCRIPTION_LABELS = List.of("description", "beschreibung",
      "descripcion", "license description");
  private static final List<String> STATUS_LABELS = List.of("license status", "lizenzstatus",
      "etat de la licence", "estado de la licencia");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(8192);
    for (String line : head.lines().toList()) {
      if (STATUS_LABELS.contains(label(line))) {
        return Match.CONTENT;
      }
    }
    return Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<SoftwareComponent> software = new ArrayList<>();
    List<String> lines = input.lines();
    String name = null;
    String description = null;
    int nameLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String label = label(lines.get(i));
      String value = value(lines.get(i));
      if (NAME_LABELS.contains(label)) {
        name = value;
        nameLine = i + 1;
        description = null;
      } else if (DESCRIPTION_LABELS.contains(label)) {
        description = value;
      } else if (STATUS_LABELS.contains(label)) {
        int line = name != null ? nameLine : i + 1;
        WindowsActivation state = activation(value);
        if (state == null) {
          context.warn(i + 1, "unknown licence status '" + value + "'");
        } else if (state.isGrace()) {
          context.warn(i + 1, (name == null ? "the product" : name) + " is in a grace period: "
              + "not activated yet");
        }
        software.add(new SoftwareComponent(name != null ? name : "Windows", null, "Microsoft",
            description, state == null ? SoftwareComponent.LicenseStatus.UNKNOWN
                : state.licenseStatus(), null, null, context.source(line)));
        name = null;
      }
    }
    if (software.isEmpty()) {
      context.warn(null, "no licence status line found");
    }
    return context.result(NormalizedEvidence.builder().addSoftware(software));
  }

  /** The status word, matched on accent-free stems; unlicensed is tested before licensed. */
  private static WindowsActivation activation(String value) {
    String v = fold(value);
    if (v.contains("non-genuine") || v.contains("nicht echt") || v.contains("non authentique")) {
      return WindowsActivation.NON_GENUINE_GRACE;
    }
    if (v.contains("unlicensed") || v.contains("nicht lizenziert") || v.contains("sans licence")
        || v.contains("sin licencia")) {
      return WindowsActivation.UNLICENSED;
    }
    if (v.contains("notification") || v.contains("benachrichtigung")
        || v.contains("notificacion")) {
      return WindowsActivation.NOTIFICATION;
    }
    if (v.contains("grace") || v.contains("toleranz") || v.contains("gracia")) {
      return v.contains("additional") || v.contains("zusatz") || v.contains("supplementaire")
          ? WindowsActivation.ADDITIONAL_GRACE
          : v.contains("extended") || v.contains("erweitert") || v.contains("etendue")
              ? WindowsActivation.EXTENDED_GRACE : WindowsActivation.INITIAL_GRACE;
    }
    if (v.contains("licensed") || v.contains("lizenziert") || v.contains("sous licence")
        || v.contains("con licencia")) {
      return WindowsActivation.LICENSED;
    }
    return null;
  }

  private static String label(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? "" : fold(line.substring(0, colon));
  }

  private static String value(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? "" : line.substring(colon + 1).strip();
  }

  /** Lower case without accents, so "État de la licence" matches "etat de la licence". */
  private static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
  }
}
