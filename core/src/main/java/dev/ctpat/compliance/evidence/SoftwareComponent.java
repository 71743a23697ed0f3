package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * One installed or declared software title (4.11).
 *
 * @param license licence name or SPDX id
 * @param licenseStatus {@code null} only when the source cannot say even "unknown"
 * @param entitlements licences owned; {@code null} = not applicable (open source) or unknown
 */
public record SoftwareComponent(
    String name,
    String version,
    String supplier,
    String license,
    LicenseStatus licenseStatus,
    Integer installations,
    Integer entitlements,
    Source source) {

  public SoftwareComponent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }

  /** Whether the component is covered by a licence. */
  public enum LicenseStatus {
    LICENSED, UNLICENSED, UNKNOWN;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
