package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The written cybersecurity program and its records, usually read from {@code ctpat.yaml}. A
 * {@code null} list means the program file says nothing about it; an empty list means it says
 * there are none.
 *
 * @param remoteAccessPermitted whether users may connect remotely; {@code false} makes 4.9 not
 *     applicable
 * @param personalDevicesPermitted whether personal devices or media may be used for work (4.10)
 */
public record Program(
    Boolean remoteAccessPermitted,
    Boolean personalDevicesPermitted,
    @JsonInclude(Include.NON_NULL) List<Policy> policies,
    @JsonInclude(Include.NON_NULL) List<Procedure> procedures,
    @JsonInclude(Include.NON_NULL) List<PolicyReview> policyReviews,
    @JsonInclude(Include.NON_NULL) List<Incident> incidents,
    @JsonInclude(Include.NON_NULL) List<CredentialCompromise> credentialCompromises,
    @JsonInclude(Include.NON_NULL) List<SecurityTest> securityTests,
    @JsonInclude(Include.NON_NULL) List<Training> trainings,
    @JsonInclude(Include.NON_NULL) List<AccessReview> accessReviews,
    @JsonInclude(Include.NON_NULL) List<RoleMatrixEntry> roleMatrix,
    @JsonInclude(Include.NON_NULL) List<RemoteAccessAuthorization> remoteAccessAuthorizations,
    @JsonInclude(Include.NON_NULL) Monitoring monitoring,
    @JsonInclude(Include.NON_NULL) List<Violation> violations,
    @JsonInclude(Include.NON_NULL) List<ThreatIntelFeed> threatIntelFeeds,
    @JsonInclude(Include.NON_NULL) List<ApprovedSoftware> approvedSoftware,
    @JsonInclude(Include.NON_NULL) List<InventoryReconciliation> inventoryReconciliations,
    @JsonInclude(Include.NON_NULL) List<MediaItem> mediaInventory,
    @JsonInclude(Include.NON_NULL) List<SanitizationRecord> sanitizationRecords,
    @JsonInclude(Include.NON_NULL) List<RestoreTest> restoreTests,
    @JsonInclude(Include.NON_NULL) Source source) {

  public Program {
    policies = Immutables.list(policies);
    procedures = Immutables.list(procedures);
    policyReviews = Immutables.list(policyReviews);
    incidents = Immutables.list(incidents);
    credentialCompromises = Immutables.list(credentialCompromises);
    securityTests = Immutables.list(securityTests);
    trainings = Immutables.list(trainings);
    accessReviews = Immutables.list(accessReviews);
    roleMatrix = Immutables.list(roleMatrix);
    remoteAccessAuthorizations = Immutables.list(remoteAccessAuthorizations);
    violations = Immutables.list(violations);
    threatIntelFeeds = Immutables.list(threatIntelFeeds);
    approvedSoftware = Immutables.list(approvedSoftware);
    inventoryReconciliations = Immutables.list(inventoryReconciliations);
    mediaInventory = Immutables.list(mediaInventory);
    sanitizationRecords = Immutables.list(sanitizationRecords);
    restoreTests = Immutables.list(restoreTests);
  }

  /**
   * A written cybersecurity policy (4.1 coverage, 4.6 review).
   *
   * @param covers criterion ids the policy addresses, e.g. {@code ["4.2", "4.3"]}
   * @param approvedOn {@code null} = not approved
   * @param lastReviewedOn {@code null} = never reviewed since approval
   */
  public record Policy(
      String id,
      String title,
      String version,
      LocalDate approvedOn,
      String approvedBy,
      LocalDate lastReviewedOn,
      List<String> covers,
      Source source) {

    public Policy {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      covers = List.copyOf(covers);
      Objects.requireNonNull(source, "source");
    }
  }

  /** A written procedure for one topic. */
  public record Procedure(
      @JsonInclude(Include.NON_NULL) String id,
      ProcedureKind kind,
      String title,
      String version,
      LocalDate approvedOn,
      String approvedBy,
      LocalDate lastReviewedOn,
      Source source) {

    public Procedure {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(source, "source");
    }
  }

  /** Topic of a procedure. */
  public enum ProcedureKind {
    SOCIAL_ENGINEERING, INCIDENT_RESPONSE, RECOVERY, REMOTE_ACCESS, BYOD, DISCIPLINE,
    THREAT_SHARING, SOFTWARE_LICENSING, ACCESS_MANAGEMENT, MEDIA_SANITIZATION, BACKUP, OTHER;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A review of one policy or of the whole program (4.6).
   *
   * @param policyId reviewed policy; {@code null} = the whole program
   * @param changed whether the review led to an update
   */
  public record PolicyReview(
      String policyId,
      LocalDate reviewedOn,
      @JsonInclude(Include.NON_NULL) ReviewTrigger trigger,
      Boolean changed,
      String reviewer,
      Source source) {

    public PolicyReview {
      Objects.requireNonNull(reviewedOn, "reviewedOn");
      Objects.requireNonNull(source, "source");
    }
  }

  /** Why a review took place. */
  public enum ReviewTrigger {
    SCHEDULED, INCIDENT, CHANGE, OTHER;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A security incident; a major one must be followed by a policy review (4.6).
   *
   * @param category e.g. {@code malware}, {@code credential_compromise}, {@code data_loss}
   */
  public record Incident(
      String id, LocalDate occurredOn, Severity severity, String category, Source source) {

    public Incident {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(occurredOn, "occurredOn");
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * A known or suspected credential compromise and the reset that followed (4.8c).
   *
   * @param id ticket id
   * @param accountIds ids of the affected accounts
   * @param resetOn when the credentials were changed; {@code null} = not yet
   */
  public record CredentialCompromise(
      String id,
      LocalDate reportedOn,
      @JsonInclude(Include.NON_NULL) List<String> accountIds,
      LocalDate resetOn,
      Source source) {

    public CredentialCompromise {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reportedOn, "reportedOn");
      accountIds = Immutables.list(accountIds);
      Objects.requireNonNull(source, "source");
    }
  }

  /** A vulnerability scan or penetration test (4.3) with its findings register. */
  public record SecurityTest(
      @JsonInclude(Include.NON_NULL) String id,
      TestType type,
      TestScope scope,
      LocalDate performedOn,
      String tool,
      String performer,
      @JsonInclude(Include.NON_NULL) List<Vulnerability> findings,
      Source source) {

    public SecurityTest {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(performedOn, "performedOn");
      findings = Immutables.list(findings);
      Objects.requireNonNull(source, "source");
    }
  }

  /** Kind of security test. */
  public enum TestType {
    VULNERABILITY_SCAN, PENETRATION_TEST;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether a test looked from inside or outside the network. */
  public enum TestScope {
    INTERNAL, EXTERNAL;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A training completion (12.8); {@code completedOn} {@code null} = assigned, not completed. */
  public record Training(
      String personId,
      @JsonInclude(Include.NON_NULL) String course,
      List<TrainingTopic> topics,
      LocalDate completedOn,
      Source source) {

    public Training {
      Objects.requireNonNull(personId, "personId");
      topics = List.copyOf(topics);
      Objects.requireNonNull(source, "source");
    }
  }

  /** Topic covered by a training. */
  public enum TrainingTopic {
    CYBERSECURITY_POLICY, PASSWORD_PROTECTION, SOCIAL_ENGINEERING, INCIDENT_REPORTING, OTHER;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** An access recertification (4.7b); {@code completedOn} {@code null} = not completed. */
  public record AccessReview(String system, LocalDate completedOn, String reviewer, Source source) {

    public AccessReview {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(source, "source");
    }
  }

  /** One row of the role-to-access matrix (4.7a): groups a role may hold on a system. */
  public record RoleMatrixEntry(String role, String system, List<String> groups, Source source) {

    public RoleMatrixEntry {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(system, "system");
      groups = List.copyOf(groups);
      Objects.requireNonNull(source, "source");
    }
  }

  /** A user authorized for remote access (4.9). */
  public record RemoteAccessAuthorization(
      String user, LocalDate approvedOn, String approver, Source source) {

    public RemoteAccessAuthorization {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(source, "source");
    }
  }

  /** Detection of unauthorized access, policy abuse and data tampering (4.5). */
  @JsonInclude(Include.NON_NULL)
  public record Monitoring(
      Logging logging,
      List<AlertRule> alertRules,
      WebFiltering webFiltering,
      IntegrityMonitoring integrityMonitoring,
      List<LogReview> logReviews) {

    public Monitoring {
      alertRules = Immutables.list(alertRules);
      logReviews = Immutables.list(logReviews);
    }
  }

  /** Central log collection. */
  public record Logging(Boolean centralized, Integer retentionDays, String product, Source source) {

    public Logging {
      Objects.requireNonNull(source, "source");
    }
  }

  /** A detection rule. */
  public record AlertRule(
      @JsonInclude(Include.NON_NULL) String id,
      String name,
      AlertKind kind,
      Boolean enabled,
      Source source) {

    public AlertRule {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(source, "source");
    }
  }

  /** What a detection rule detects. */
  public enum AlertKind {
    FAILED_LOGON, UNUSUAL_LOGON, PRIVILEGE_CHANGE, ACCOUNT_CHANGE, DATA_CHANGE, POLICY_VIOLATION,
    MALWARE, OTHER;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Web proxy or DNS filter. */
  public record WebFiltering(Boolean enabled, Boolean logging, String product, Source source) {

    public WebFiltering {
      Objects.requireNonNull(source, "source");
    }
  }

  /** File-integrity or database-audit monitoring of business data. */
  public record IntegrityMonitoring(Boolean enabled, String product, String scope, Source source) {

    public IntegrityMonitoring {
      Objects.requireNonNull(source, "source");
    }
  }

  /** A record of a log review. */
  public record LogReview(LocalDate reviewedOn, String reviewer, Source source) {

    public LogReview {
      Objects.requireNonNull(reviewedOn, "reviewedOn");
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * An IT-misuse violation (4.5).
   *
   * @param caseId disciplinary case record; {@code null} = no case opened
   */
  public record Violation(
      String id,
      @JsonInclude(Include.NON_NULL) LocalDate detectedOn,
      Boolean confirmed,
      String caseId,
      String action,
      Source source) {

    public Violation {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(source, "source");
    }
  }

  /** An inbound threat-information subscription (4.4), e.g. CISA advisories or an ISAC. */
  public record ThreatIntelFeed(
      String name, String provider, LocalDate subscribedOn, Source source) {

    public ThreatIntelFeed {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
    }
  }

  /** An entry of the approved-software list (4.11), matched case-insensitively by name. */
  public record ApprovedSoftware(String name, String supplier, Source source) {

    public ApprovedSoftware {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
    }
  }

  /** A dated reconciliation of the asset or media inventory (4.13). */
  public record InventoryReconciliation(
      InventoryScope scope, LocalDate reconciledOn, String by, Source source) {

    public InventoryReconciliation {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(reconciledOn, "reconciledOn");
      Objects.requireNonNull(source, "source");
    }
  }

  /** Which inventory was reconciled. */
  public enum InventoryScope {
    HARDWARE, REMOVABLE_MEDIA;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Media or IT equipment that may hold sensitive data (4.13).
   *
   * @param kind laptop, desktop, server, disk, usb_drive, optical_media, phone, ...
   */
  public record MediaItem(
      String assetId,
      String serial,
      String kind,
      MediaStatus status,
      LocalDate disposedOn,
      Boolean holdsSensitiveData,
      Source source) {

    public MediaItem {
      Objects.requireNonNull(assetId, "assetId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(source, "source");
    }
  }

  /** Life-cycle state of an asset. */
  public enum MediaStatus {
    IN_USE, IN_STORAGE, RETIRED, DISPOSED;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A sanitization or destruction record (4.13).
   *
   * @param method NIST SP 800-88 method; {@code null} = not stated
   * @param vendor IT asset-disposal vendor; {@code null} = done in house
   * @param certificate certificate of destruction or sanitization
   */
  public record SanitizationRecord(
      String assetId,
      String serial,
      LocalDate performedOn,
      SanitizationMethod method,
      String verifier,
      String vendor,
      String certificate,
      Source source) {

    public SanitizationRecord {
      Objects.requireNonNull(assetId, "assetId");
      Objects.requireNonNull(source, "source");
    }
  }

  /** NIST SP 800-88 sanitization method. */
  public enum SanitizationMethod {
    CLEAR, PURGE, DESTROY;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A restore test of a backup (4.2d). */
  public record RestoreTest(
      @JsonInclude(Include.NON_NULL) String system,
      LocalDate performedOn,
      Boolean successful,
      Source source) {

    public RestoreTest {
      Objects.requireNonNull(performedOn, "performedOn");
      Objects.requireNonNull(source, "source");
    }
  }
}
