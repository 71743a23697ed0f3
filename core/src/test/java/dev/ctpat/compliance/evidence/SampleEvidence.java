package dev.ctpat.compliance.evidence;

import dev.ctpat.compliance.evidence.Endpoint.Antimalware;
import dev.ctpat.compliance.evidence.Endpoint.Encryption;
import dev.ctpat.compliance.evidence.Endpoint.Firewall;
import dev.ctpat.compliance.evidence.Endpoint.Patches;
import dev.ctpat.compliance.evidence.Program.AccessReview;
import dev.ctpat.compliance.evidence.Program.AlertKind;
import dev.ctpat.compliance.evidence.Program.AlertRule;
import dev.ctpat.compliance.evidence.Program.ApprovedSoftware;
import dev.ctpat.compliance.evidence.Program.CredentialCompromise;
import dev.ctpat.compliance.evidence.Program.Incident;
import dev.ctpat.compliance.evidence.Program.IntegrityMonitoring;
import dev.ctpat.compliance.evidence.Program.InventoryReconciliation;
import dev.ctpat.compliance.evidence.Program.InventoryScope;
import dev.ctpat.compliance.evidence.Program.LogReview;
import dev.ctpat.compliance.evidence.Program.Logging;
import dev.ctpat.compliance.evidence.Program.MediaItem;
import dev.ctpat.compliance.evidence.Program.MediaStatus;
import dev.ctpat.compliance.evidence.Program.Monitoring;
import dev.ctpat.compliance.evidence.Program.Policy;
import dev.ctpat.compliance.evidence.Program.PolicyReview;
import dev.ctpat.compliance.evidence.Program.Procedure;
import dev.ctpat.compliance.evidence.Program.ProcedureKind;
import dev.ctpat.compliance.evidence.Program.RemoteAccessAuthorization;
import dev.ctpat.compliance.evidence.Program.RestoreTest;
import dev.ctpat.compliance.evidence.Program.ReviewTrigger;
import dev.ctpat.compliance.evidence.Program.RoleMatrixEntry;
import dev.ctpat.compliance.evidence.Program.SanitizationMethod;
import dev.ctpat.compliance.evidence.Program.SanitizationRecord;
import dev.ctpat.compliance.evidence.Program.SecurityTest;
import dev.ctpat.compliance.evidence.Program.TestScope;
import dev.ctpat.compliance.evidence.Program.TestType;
import dev.ctpat.compliance.evidence.Program.ThreatIntelFeed;
import dev.ctpat.compliance.evidence.Program.Training;
import dev.ctpat.compliance.evidence.Program.TrainingTopic;
import dev.ctpat.compliance.evidence.Program.Violation;
import dev.ctpat.compliance.evidence.Program.WebFiltering;
import dev.ctpat.compliance.evidence.RemoteAccessGateway.AuthMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A document with every field of the model set, for schema and round-trip tests. */
final class SampleEvidence {
  private SampleEvidence() {}

  private static final Source YAML = Source.of("ctpat.yaml", 3, "program-file");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
  private static final Instant AT = Instant.parse("2026-11-26T14:02:11Z");

  static NormalizedEvidence full() {
    Source host = new Source("endpoints/ws-014.json", 2, "defender-status", AT);
    Vulnerability vulnerability = new Vulnerability("CVE-2026-21001", "OpenSSL update",
        Severity.HIGH, "TGL-SRV-01", Vulnerability.Status.OPEN, DAY, null, "3.0.15",
        Source.of("scans/trivy.json", 40, "trivy"));
    Map<String, Object> remediation = new LinkedHashMap<>();
    remediation.put("critical", 15);
    remediation.put("info", null);
    return NormalizedEvidence.builder()
        .organization(new Organization("Tidewater Gateway Logistics LLC", "third_party_logistics",
            LocalDate.of(2026, 11, 27), Source.of("ctpat.yaml", 1, "program-file")))
        .program(program(vulnerability))
        .addPasswordPolicies(List.of(new PasswordPolicy("domain default", "ad", 14, true, null, 24,
            5, 15, false, Source.of("identity/secedit.inf", 4, "windows-secedit"))))
        .addRemoteAccess(List.of(new RemoteAccessGateway("vpn-main", RemoteAccessGateway.Kind.VPN,
            "OpenVPN", "1.2", List.of("AES-256-GCM"), List.of(AuthMethod.CERTIFICATE, AuthMethod.MFA),
            true, List.of(), true, List.of("malvarez"),
            Source.of("network/server.conf", 1, "openvpn"))))
        .addEndpoints(List.of(new Endpoint("TGL-WS-014", "Windows 11 Pro", "23H2",
            Endpoint.Role.WORKSTATION, Endpoint.OwnerType.COMPANY, true, true,
            new Patches(0, null, DAY, host),
            new Antimalware("Microsoft Defender Antivirus", true, true, 1, host),
            new Firewall(true, Map.of("domain", true, "public", true), host),
            new Encryption(true, "BitLocker", host), host)))
        .addVulnerabilities(List.of(vulnerability))
        .addSoftware(List.of(new SoftwareComponent("7-Zip", "24.08", "Igor Pavlov", "LGPL-2.1-only",
            SoftwareComponent.LicenseStatus.LICENSED, 38, null,
            Source.of("software/sbom.cdx.json", 12, "cyclonedx"))))
        .addAccounts(List.of(new Account("malvarez", "ad", true, "P-1001", false, false, true, AT,
            true, List.of("Domain Users"), null, Source.of("identity/ad-users.csv", 2, "ad-users"))))
        .addPersonnel(List.of(new Person("P-1001", "Maria Alvarez", Person.Status.SEPARATED, DAY,
            "it_admin", "IT", Source.of("hr/roster.csv", 2, "hr-roster"))))
        .addSystems(List.of(new BusinessSystem("wms", "Harbor WMS", "application", true, true,
            new Encryption(true, "SQL Server TDE", YAML), YAML)))
        .addBackups(List.of(new Backup("wms", "sftp:nas:/restic/wms", AT, true, false, null,
            Source.of("backups/restic.json", 1, "restic"))))
        .network(new Network(
            List.of(new Network.PerimeterFirewall("edge-fw01", "FortiGate 60F",
                Network.InboundAction.DENY, YAML)),
            new Network.ExternalExposure(DAY,
                List.of(new Network.OpenService("203.0.113.10", 443, "https")), YAML),
            new Network.AccessControl(true, "conditional_access", YAML)))
        .deviceControl(new DeviceControl(DeviceControl.RemovableMedia.READ_ONLY, true, YAML))
        .addWaivers(List.of(new Waiver("W-1", "4.12", "4.12.offsite_copy", "Cloud copy in rollout",
            "COO", LocalDate.of(2027, 1, 31), YAML)))
        .addEvidenceFiles(List.of(new EvidenceFile("ctpat.yaml", "program-file",
            "fea4b8cf47aa2e912c7f013db5ae8c43afdc629053bc922b3db37eddfd1070fc", AT,
            List.of("ctpat.yaml:9: unknown key 'foo'"))))
        .thresholds(Map.of("backup_max_age_days", 7, "remediation_days", remediation))
        .build();
  }

  private static Program program(Vulnerability finding) {
    return new Program(true, false,
        List.of(new Policy("POL-IT-01", "Information Security Policy", "4.2", DAY, "COO", DAY,
            List.of("4.2", "12.8"), YAML)),
        List.of(new Procedure("PRC-01", ProcedureKind.SOCIAL_ENGINEERING, "Phishing response", "1",
            DAY, "CISO", DAY, YAML)),
        List.of(new PolicyReview(null, DAY, ReviewTrigger.INCIDENT, true, "Committee", YAML)),
        List.of(new Incident("INC-1", DAY, Severity.HIGH, "malware", YAML)),
        List.of(new CredentialCompromise("SR-1", DAY, List.of("dpatel"), null, YAML)),
        List.of(new SecurityTest("PT-2026", TestType.PENETRATION_TEST, TestScope.EXTERNAL, DAY,
            null, "Harborlight", List.of(finding), YAML)),
        List.of(new Training("P-1001", "Awareness 2026",
            List.of(TrainingTopic.CYBERSECURITY_POLICY, TrainingTopic.PASSWORD_PROTECTION), DAY,
            YAML)),
        List.of(new AccessReview("wms", null, "Ops Manager", YAML)),
        List.of(new RoleMatrixEntry("it_admin", "ad", List.of("IT Admins"), YAML)),
        List.of(new RemoteAccessAuthorization("malvarez", DAY, "IT Manager", YAML)),
        new Monitoring(new Logging(true, 180, "Wazuh", YAML),
            List.of(new AlertRule("AR-1", "Failed logons", AlertKind.FAILED_LOGON, true, YAML)),
            new WebFiltering(true, true, "Umbrella", YAML),
            new IntegrityMonitoring(true, "syscheck", "WMS database", YAML),
            List.of(new LogReview(DAY, "M. Alvarez", YAML))),
        List.of(new Violation("VIO-1", DAY, true, "HRC-118", "written warning", YAML)),
        List.of(new ThreatIntelFeed("CISA advisories", "CISA", DAY, YAML)),
        List.of(new ApprovedSoftware("7-Zip", "Igor Pavlov", YAML)),
        List.of(new InventoryReconciliation(InventoryScope.REMOVABLE_MEDIA, DAY, "IT", YAML)),
        List.of(new MediaItem("HDD-0007", "WD-WX91A", "disk", MediaStatus.DISPOSED, DAY, true,
            YAML)),
        List.of(new SanitizationRecord("HDD-0007", "WD-WX91A", DAY, SanitizationMethod.DESTROY,
            "M. Alvarez", "Shoreline ITAD", "COD-55821", YAML)),
        List.of(new RestoreTest("wms", DAY, true, YAML)),
        YAML);
  }
}
