package dev.ctpat.testkit;

import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.Backup;
import dev.ctpat.compliance.evidence.BusinessSystem;
import dev.ctpat.compliance.evidence.DeviceControl;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.EvidenceFile;
import dev.ctpat.compliance.evidence.Network;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.Organization;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import dev.ctpat.compliance.evidence.Person;
import dev.ctpat.compliance.evidence.Program;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.SoftwareComponent;
import dev.ctpat.compliance.evidence.Source;
import dev.ctpat.compliance.evidence.Vulnerability;
import dev.ctpat.compliance.evidence.Waiver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A document being assembled by the generators of {@link CompliantEvidence}: mutable lists
 * that each part of the document adds to, and the as-of day every date is counted back from.
 * Each item gets a source in its kind's {@link Feed} file, numbered line by line, and every file
 * used is listed in {@code evidence_files} with its collection time.
 */
final class Draft {
  /** One part of a generated document; a generated value, applied when the document is built. */
  interface Part {
    void addTo(Draft draft);

    /** A part that adds every one of {@code parts}. */
    static Part all(List<? extends Part> parts) {
      return draft -> parts.forEach(p -> p.addTo(draft));
    }
  }

  final LocalDate asOf;
  private final Map<Feed, Integer> lines = new EnumMap<>(Feed.class);
  private final Map<Feed, Integer> collectedDaysAgo;

  Organization organization;
  Boolean remoteAccessPermitted;
  Boolean personalDevicesPermitted;
  final List<PasswordPolicy> passwordPolicies = new ArrayList<>();
  final List<RemoteAccessGateway> remoteAccess = new ArrayList<>();
  final List<Endpoint> endpoints = new ArrayList<>();
  final List<Vulnerability> vulnerabilities = new ArrayList<>();
  final List<SoftwareComponent> software = new ArrayList<>();
  final List<Account> accounts = new ArrayList<>();
  final List<Person> personnel = new ArrayList<>();
  final List<BusinessSystem> systems = new ArrayList<>();
  final List<Backup> backups = new ArrayList<>();
  final List<Network.PerimeterFirewall> perimeterFirewalls = new ArrayList<>();
  Network.ExternalExposure externalExposure;
  Network.AccessControl accessControl;
  DeviceControl deviceControl;
  /** {@code null} leaves {@code waivers} out of the document. */
  List<Waiver> waivers;

  final List<Program.Policy> policies = new ArrayList<>();
  final List<Program.Procedure> procedures = new ArrayList<>();
  final List<Program.PolicyReview> policyReviews = new ArrayList<>();
  final List<Program.Incident> incidents = new ArrayList<>();
  final List<Program.CredentialCompromise> compromises = new ArrayList<>();
  final List<Program.SecurityTest> securityTests = new ArrayList<>();
  final List<Program.Training> trainings = new ArrayList<>();
  final List<Program.AccessReview> accessReviews = new ArrayList<>();
  final List<Program.RoleMatrixEntry> roleMatrix = new ArrayList<>();
  final List<Program.RemoteAccessAuthorization> authorizations = new ArrayList<>();
  Program.Monitoring monitoring;
  final List<Program.Violation> violations = new ArrayList<>();
  final List<Program.ThreatIntelFeed> threatFeeds = new ArrayList<>();
  final List<Program.ApprovedSoftware> approvedSoftware = new ArrayList<>();
  final List<Program.InventoryReconciliation> reconciliations = new ArrayList<>();
  final List<Program.MediaItem> mediaInventory = new ArrayList<>();
  /** {@code null} leaves {@code program.sanitization_records} out of the document. */
  List<Program.SanitizationRecord> sanitizationRecords;
  final List<Program.RestoreTest> restoreTests = new ArrayList<>();

  /**
   * @param collectedDaysAgo per kind, how many days before {@code asOf} its file was collected
   */
  Draft(LocalDate asOf, Map<Feed, Integer> collectedDaysAgo) {
    this.asOf = asOf;
    this.collectedDaysAgo = new EnumMap<>(collectedDaysAgo);
  }

  /** The day {@code daysAgo} days before the as-of day. */
  LocalDate day(int daysAgo) {
    return asOf.minusDays(daysAgo);
  }

  /** A time on the day {@code daysAgo} days before the as-of day, in UTC. */
  Instant at(int daysAgo, int secondOfDay) {
    return day(daysAgo).atStartOfDay(ZoneOffset.UTC).plusSeconds(secondOfDay).toInstant();
  }

  /** The next line of the kind's file. */
  Source source(Feed feed) {
    int line = lines.merge(feed, 1, Integer::sum);
    return Source.of(feed.file(), line, feed.adapter());
  }

  NormalizedEvidence build() {
    Program program = new Program(remoteAccessPermitted, personalDevicesPermitted, policies,
        procedures, policyReviews, incidents, compromises, securityTests, trainings,
        accessReviews, roleMatrix, authorizations, monitoring, violations, threatFeeds,
        approvedSoftware, reconciliations, mediaInventory, sanitizationRecords, restoreTests,
        source(Feed.PROGRAM));
    return new NormalizedEvidence(organization, program, passwordPolicies, remoteAccess,
        endpoints, vulnerabilities, software, accounts, personnel, systems, backups,
        new Network(perimeterFirewalls, externalExposure, accessControl), deviceControl,
        waivers, evidenceFiles(), null);
  }

  /** An entry for every file an item points at, collected within its kind's allowed age. */
  private List<EvidenceFile> evidenceFiles() {
    List<EvidenceFile> files = new ArrayList<>();
    for (Feed feed : lines.keySet()) {
      int daysAgo = collectedDaysAgo.getOrDefault(feed, 0);
      files.add(new EvidenceFile(feed.file(), feed.adapter(), digest(feed, daysAgo),
          at(daysAgo, 6 * 3600), List.of()));
    }
    return files;
  }

  /** A stand-in SHA-256: 64 hex digits that differ per file and collection day. */
  private static String digest(Feed feed, int daysAgo) {
    String seed = Integer.toHexString((feed.file() + "@" + daysAgo).hashCode());
    return (seed + "0".repeat(64)).substring(0, 64);
  }
}
