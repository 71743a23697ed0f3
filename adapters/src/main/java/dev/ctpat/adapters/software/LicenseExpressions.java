package dev.ctpat.adapters.software;

import dev.ctpat.compliance.evidence.SoftwareComponent.LicenseStatus;
import java.util.regex.Pattern;

/**
 * What an SBOM's licence field says about the right to use a component. An expression made of
 * SPDX licence-list identifiers ({@code MIT}, {@code Apache-2.0 OR GPL-2.0-only}) grants it, so
 * the component is licensed; {@code NOASSERTION}, {@code NONE}, custom {@code LicenseRef-}
 * licences (usually commercial terms that need an entitlement) and free-text names leave it
 * unknown.
 */
final class LicenseExpressions {
  private static final String ID = "[A-Za-z0-9][A-Za-z0-9.\\-]*\\+?";
  /** Identifiers joined by operators, once the parentheses are taken out. */
  private static final Pattern EXPRESSION = Pattern.compile(ID + "( (AND|OR|WITH) " + ID + ")*");

  private LicenseExpressions() {}

  static boolean isAbsent(String expression) {
    return expression == null || expression.isBlank() || expression.equals("NOASSERTION");
  }

  static LicenseStatus status(String expression) {
    if (isAbsent(expression) || expression.equals("NONE") || expression.contains("LicenseRef-")
        || expression.contains("DocumentRef-")) {
      return LicenseStatus.UNKNOWN;
    }
    String flat = expression.replace("(", " ").replace(")", " ").strip().replaceAll("\\s+", " ");
    return EXPRESSION.matcher(flat).matches() ? LicenseStatus.LICENSED : LicenseStatus.UNKNOWN;
  }
}
