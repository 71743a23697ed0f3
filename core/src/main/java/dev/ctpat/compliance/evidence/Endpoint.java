package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One host (workstation, server or mobile device) with its protection state. Each part carries
 * its own source because different exports describe the same host.
 *
 * @param ownerType {@code PERSONAL} = bring-your-own device (4.10); {@code null} = unknown
 */
public record Endpoint(
    String hostname,
    String os,
    String osVersion,
    Role role,
    OwnerType ownerType,
    Boolean mdmEnrolled,
    Boolean mdmCompliant,
    @JsonInclude(Include.NON_NULL) Patches patches,
    @JsonInclude(Include.NON_NULL) Antimalware antimalware,
    @JsonInclude(Include.NON_NULL) Firewall firewall,
    @JsonInclude(Include.NON_NULL) Encryption diskEncryption,
    Source source) {

  public Endpoint {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(source, "source");
  }

  /** A host known only by name; the parts are filled in by the adapters that know them. */
  public static Endpoint named(String hostname, Source source) {
    return new Endpoint(hostname, null, null, null, null, null, null, null, null, null, null, source);
  }

  public Endpoint withOs(String newOs, String newOsVersion) {
    return new Endpoint(hostname, newOs, newOsVersion, role, ownerType, mdmEnrolled, mdmCompliant,
        patches, antimalware, firewall, diskEncryption, source);
  }

  public Endpoint withPatches(Patches newPatches) {
    return new Endpoint(hostname, os, osVersion, role, ownerType, mdmEnrolled, mdmCompliant,
        newPatches, antimalware, firewall, diskEncryption, source);
  }

  public Endpoint withAntimalware(Antimalware newAntimalware) {
    return new Endpoint(hostname, os, osVersion, role, ownerType, mdmEnrolled, mdmCompliant,
        patches, newAntimalware, firewall, diskEncryption, source);
  }

  public Endpoint withFirewall(Firewall newFirewall) {
    return new Endpoint(hostname, os, osVersion, role, ownerType, mdmEnrolled, mdmCompliant,
        patches, antimalware, newFirewall, diskEncryption, source);
  }

  public Endpoint withDiskEncryption(Encryption newDiskEncryption) {
    return new Endpoint(hostname, os, osVersion, role, ownerType, mdmEnrolled, mdmCompliant,
        patches, antimalware, firewall, newDiskEncryption, source);
  }

  /** Role of the host. */
  public enum Role {
    WORKSTATION, SERVER, MOBILE, OTHER;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Who owns the device. */
  public enum OwnerType {
    COMPANY, PERSONAL;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Patch state (4.2b, 4.10).
   *
   * @param oldestPendingSince release or detection date of the oldest pending security update
   */
  public record Patches(
      Integer pendingSecurityUpdates,
      LocalDate oldestPendingSince,
      LocalDate lastPatchedOn,
      @JsonInclude(Include.NON_NULL) Source source) {}

  /** Anti-malware state (4.2a/b). */
  public record Antimalware(
      String product,
      Boolean enabled,
      Boolean realtime,
      Integer signatureAgeDays,
      @JsonInclude(Include.NON_NULL) Source source) {}

  /**
   * Host firewall (4.2a).
   *
   * @param enabled enabled on all profiles (or overall, when per-profile data is missing)
   * @param profiles per-profile state, e.g. {@code {domain: true, public: false}}
   */
  public record Firewall(
      Boolean enabled,
      @JsonInclude(Include.NON_NULL) Map<String, Boolean> profiles,
      @JsonInclude(Include.NON_NULL) Source source) {

    public Firewall {
      profiles = Immutables.map(profiles);
    }
  }

  /**
   * Encryption at rest of a disk or system.
   *
   * @param method e.g. {@code "BitLocker"}, {@code "FileVault"}, {@code "LUKS"}
   */
  public record Encryption(
      Boolean enabled, String method, @JsonInclude(Include.NON_NULL) Source source) {}
}
