package dev.ctpat.adapters.software;

import dev.ctpat.compliance.evidence.SoftwareComponent.LicenseStatus;

/**
 * The activation states of Windows licensing ({@code SoftwareLicensingProduct.LicenseStatus}
 * and the status line of {@code slmgr /dli}), and what each means for the licence.
 */
enum WindowsActivation {
  UNLICENSED(LicenseStatus.UNLICENSED),
  LICENSED(LicenseStatus.LICENSED),
  INITIAL_GRACE(LicenseStatus.UNKNOWN),
  ADDITIONAL_GRACE(LicenseStatus.UNKNOWN),
  NON_GENUINE_GRACE(LicenseStatus.UNLICENSED),
  NOTIFICATION(LicenseStatus.UNLICENSED),
  EXTENDED_GRACE(LicenseStatus.UNKNOWN);

  private final LicenseStatus licenseStatus;

  WindowsActivation(LicenseStatus licenseStatus) {
    this.licenseStatus = licenseStatus;
  }

  /**
   * Licensed only when activated; not activated after the grace period, or found non-genuine,
   * is unlicensed. A grace period is a product not activated <em>yet</em>: unknown, not guessed.
   */
  LicenseStatus licenseStatus() {
    return licenseStatus;
  }

  boolean isGrace() {
    return licenseStatus == LicenseStatus.UNKNOWN;
  }

  /** The state with WMI's number (0 = unlicensed ... 6 = extended grace); {@code null} if none. */
  static WindowsActivation ofCode(int code) {
    return code >= 0 && code < values().length ? values()[code] : null;
  }
}
