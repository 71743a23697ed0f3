package dev.ctpat.testkit;

import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.Backup;
import dev.ctpat.compliance.evidence.BusinessSystem;
import dev.ctpat.compliance.evidence.DeviceControl;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.Network;
import dev.ctpat.compliance.evidence.Organization;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import dev.ctpat.compliance.evidence.Person;
import dev.ctpat.compliance.evidence.Program;
import dev.ctpat.compliance.evidence.Program.ProcedureKind;
import dev.ctpat.compliance.evidence.Program.TrainingTopic;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.Severity;
import dev.ctpat.compliance.evidence.SoftwareComponent;
import dev.ctpat.compliance.evidence.Vulnerability;
import dev.ctpat.testkit.Draft.Part;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates normalized documents on which every CTPAT criterion passes (or does not apply), by
 * construction: each part of the document is drawn from the values the pack accepts under the
 * given thresholds, and the parts that refer to each other (accounts to people and roles,
 * backups to systems, gateway users to authorizations, sanitization records to retired assets)
 * are drawn together. Dates are ages in days before the as-of day, so that a document stays
 * compliant whatever day it is assessed as of.
 *
 * <p>Every choice shrinks towards the simplest document: one policy, one computer, one person,
 * values at their most ordinary.
 */
final class CompliantEvidence {
  /** The as-of day that shrunk documents are assessed on. */
  static final LocalDate BASE_DAY = LocalDate.of(2026, 11, 27);

  private static final int SECONDS_PER_DAY = 86_400;

  /** The criteria 4.1 requires the approved policies to cover. */
  private static final List<String> COVERED = List.of(
      "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12", "4.13");

  /** The procedures the pack asks for (4.2, 4.4, 4.5, 4.9, 4.10, 4.11). */
  private static final List<ProcedureKind> REQUIRED_PROCEDURES = List.of(
      ProcedureKind.SOCIAL_ENGINEERING, ProcedureKind.INCIDENT_RESPONSE, ProcedureKind.RECOVERY,
      ProcedureKind.THREAT_SHARING, ProcedureKind.DISCIPLINE, ProcedureKind.REMOTE_ACCESS,
      ProcedureKind.BYOD, ProcedureKind.SOFTWARE_LICENSING);

  /** The alert rules 4.5 asks for. */
  private static final List<Program.AlertKind> REQUIRED_ALERTS = List.of(
      Program.AlertKind.FAILED_LOGON, Program.AlertKind.PRIVILEGE_CHANGE,
      Program.AlertKind.DATA_CHANGE);

  private static final List<String> ROLES =
      List.of("it_admin", "logistics_coordinator", "customs_specialist", "finance_clerk");

  private static final List<String> NAMES = List.of("Maria Alvarez", "Dev Patel",
      "Grace Okafor", "Zoë Ångström", "李娜", "Nguyễn Văn An", "Siobhán O'Brien",
      "José \"Pepe\" Núñez");

  private final CtpatThresholds limits;

  CompliantEvidence(CtpatThresholds limits) {
    this.limits = limits;
  }

  /** Compliant documents. */
  Arbitrary<EvidenceDocument> documents() {
    Arbitrary<LocalDate> asOf = Arbitraries.integers().between(-3650, 3650).shrinkTowards(0)
        .map(BASE_DAY::plusDays);
    Arbitrary<List<Part>> parts = Combinators.combine(List.of(
        organization(), programDocuments(), incidents(), identity(), passwordPolicies(),
        remoteAccess(), devices(), network(), securityTests(), monitoring(), threatFeeds(),
        software(), systemsAndBackups(), media(), restoreTests(), waivers()))
        .as(list -> list);
    return Combinators.combine(asOf, collectionAges(), parts).as((day, ages, ps) -> {
      Draft draft = new Draft(day, ages);
      ps.forEach(p -> p.addTo(draft));
      return EvidenceDocument.of(draft.build());
    });
  }

  // --- values used throughout -------------------------------------------------------------

  /** An age in days from 0 to {@code max}, shrinking to 0 (today). */
  private static Arbitrary<Integer> age(int max) {
    return Arbitraries.integers().between(0, max);
  }

  private static Arbitrary<Integer> secondOfDay() {
    return Arbitraries.integers().between(0, SECONDS_PER_DAY - 1);
  }

  private static Arbitrary<Boolean> bool() {
    return Arbitraries.of(true, false);
  }

  /** How many days before the as-of day each kind's file was collected: fresh enough. */
  private Arbitrary<Map<Feed, Integer>> collectionAges() {
    List<Arbitrary<Integer>> ages = new ArrayList<>();
    for (Feed feed : Feed.values()) {
      ages.add(age(Math.min(2, limits.evidenceMaxAgeDays(feed.kind()))));
    }
    return Combinators.combine(ages).as(list -> {
      Map<Feed, Integer> map = new EnumMap<>(Feed.class);
      for (Feed feed : Feed.values()) {
        map.put(feed, list.get(feed.ordinal()));
      }
      return map;
    });
  }

  private Arbitrary<Part> organization() {
    return Combinators.combine(
        Arbitraries.of("Tidewater Gateway Logistics LLC", "Ünal Lojistik A.Ş.", "北港物流有限公司",
            "Acme Imports & Co. \"Global\""),
        Arbitraries.of("importer", "third_party_logistics", "customs_broker", "manufacturer"))
        .as((name, entity) -> d -> d.organization =
            new Organization(name, entity, d.asOf, d.source(Feed.PROGRAM)));
  }

  // --- 4.1, 4.6: written policies and procedures, reviewed within the year --------------------

  /** When a document was approved and last reviewed: reviewed within the allowed age. */
  private record Review(int approvedDaysAgo, Integer reviewedDaysAgo) {}

  private Arbitrary<Review> reviews() {
    int max = limits.integer("policy_review_max_age_days");
    return Combinators.combine(age(max), age(3 * max), bool()).as((reviewed, extra, recorded) ->
        new Review(reviewed + extra, recorded || extra > 0 ? reviewed : null));
  }

  private Arbitrary<Part> programDocuments() {
    Arbitrary<Integer> policyCount = Arbitraries.integers().between(1, 3);
    Arbitrary<List<Integer>> owners = Arbitraries.integers().between(0, 2)
        .list().ofSize(COVERED.size());
    Arbitrary<List<Review>> policyReviews = reviews().list().ofSize(3);
    Arbitrary<List<Review>> procedureReviews = reviews().list().ofSize(REQUIRED_PROCEDURES.size());
    Arbitrary<List<ProcedureKind>> extraKinds = Arbitraries.of(ProcedureKind.ACCESS_MANAGEMENT,
        ProcedureKind.MEDIA_SANITIZATION, ProcedureKind.BACKUP, ProcedureKind.OTHER)
        .list().ofMaxSize(2);
    Arbitrary<List<ProcedureKind>> order = Arbitraries.shuffle(REQUIRED_PROCEDURES);
    return Combinators.combine(policyCount, owners, policyReviews, procedureReviews, extraKinds,
        order).as((n, owner, polRev, procRev, extras, kinds) -> d -> {
          for (int i = 0; i < n; i++) {
            List<String> covers = new ArrayList<>();
            for (int c = 0; c < COVERED.size(); c++) {
              if (owner.get(c) % n == i) {
                covers.add(COVERED.get(c));
              }
            }
            Review r = polRev.get(i);
            d.policies.add(new Program.Policy("POL-" + (i + 1), "Information Security Policy "
                + (i + 1), "1." + i, d.day(r.approvedDaysAgo()), "COO",
                reviewed(d, r), covers, d.source(Feed.PROGRAM)));
          }
          List<ProcedureKind> all = new ArrayList<>(kinds);
          all.addAll(extras);
          for (int i = 0; i < all.size(); i++) {
            Review r = procRev.get(i % procRev.size());
            ProcedureKind kind = all.get(i);
            d.procedures.add(new Program.Procedure("PRC-" + (i + 1), kind,
                kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " procedure", null,
                d.day(r.approvedDaysAgo()), "Security Committee", reviewed(d, r),
                d.source(Feed.PROGRAM)));
          }
        });
  }

  private static LocalDate reviewed(Draft d, Review r) {
    return r.reviewedDaysAgo() == null ? null : d.day(r.reviewedDaysAgo());
  }

  /** Incidents, each followed by a policy review on or after the day it occurred (4.6). */
  private Arbitrary<Part> incidents() {
    Arbitrary<Part> incident = Combinators.combine(age(700), age(700),
        Arbitraries.of(Severity.class), Arbitraries.of("malware", "credential_compromise",
            "data_loss", "phishing")).as((occurred, reviewLag, severity, category) -> d -> {
              int id = d.incidents.size() + 1;
              d.incidents.add(new Program.Incident("INC-" + id, d.day(occurred), severity,
                  category, d.source(Feed.PROGRAM)));
              d.policyReviews.add(new Program.PolicyReview(null,
                  d.day(Math.max(0, occurred - reviewLag)), Program.ReviewTrigger.INCIDENT, true,
                  "Security Committee", d.source(Feed.PROGRAM)));
            });
    return incident.list().ofMaxSize(2).map(Part::all);
  }

  // --- 4.7, 4.8, 12.8: people, accounts, roles, trainings ---------------------------------

  /** An active person with an enabled directory account. */
  private record Staff(int role, int name, int groupMask, boolean privileged, boolean mfa,
      int logonDaysAgo, int logonSecond, int trainedDaysAgo) {}

  /** A person who left, whose account was disabled and not used after the separation day. */
  private record Leaver(int role, int name, int separatedDaysAgo, int logonBefore,
      boolean hasAccount) {}

  private Arbitrary<Staff> staff() {
    return Combinators.combine(Arbitraries.integers().between(0, ROLES.size() - 1),
        Arbitraries.integers().between(0, NAMES.size() - 1), Arbitraries.integers().between(0, 3),
        bool(), bool(), age(limits.integer("dormant_account_max_days")), secondOfDay(),
        age(limits.integer("training_max_age_days"))).as(Staff::new);
  }

  private Arbitrary<Leaver> leavers() {
    return Combinators.combine(Arbitraries.integers().between(0, ROLES.size() - 1),
        Arbitraries.integers().between(0, NAMES.size() - 1), age(400), age(300), bool())
        .as(Leaver::new);
  }

  /** A non-interactive service account with a documented exception. */
  private record Service(boolean privileged, int logonDaysAgo) {}

  private Arbitrary<Part> identity() {
    Arbitrary<Service> service = Combinators.combine(bool(),
        age(limits.integer("dormant_account_max_days"))).as(Service::new);
    Arbitrary<List<Integer>> compromises = age(400).list().ofMaxSize(2);
    Arbitrary<List<Integer>> resetLags =
        age(limits.integer("compromise_reset_max_days")).list().ofSize(2);
    return Combinators.combine(staff().list().ofMinSize(1).ofMaxSize(4),
        leavers().list().ofMaxSize(2), service.list().ofMaxSize(1), compromises, resetLags)
        .as((active, left, services, reported, lags) -> d -> {
          roleMatrix(d);
          for (Staff s : active) {
            addStaff(d, s);
          }
          for (Leaver l : left) {
            addLeaver(d, l);
          }
          for (Service s : services) {
            d.accounts.add(new Account("svc-" + (d.accounts.size() + 1), "ad", true, null, false,
                true, s.privileged(), d.at(s.logonDaysAgo(), 7200), false,
                List.of("Backup Operators"), "EXC-2024-03 (service account, owner IT)",
                d.source(Feed.ACCOUNTS)));
          }
          for (int i = 0; i < reported.size(); i++) {
            int daysAgo = reported.get(i);
            int lag = Math.min(lags.get(i), daysAgo);
            d.compromises.add(new Program.CredentialCompromise("SR-" + (4400 + i), d.day(daysAgo),
                List.of("user1"), d.day(daysAgo - lag), d.source(Feed.PROGRAM)));
          }
        });
  }

  private static void roleMatrix(Draft d) {
    for (String role : ROLES) {
      d.roleMatrix.add(new Program.RoleMatrixEntry(role, "ad", allowedGroups(role),
          d.source(Feed.PROGRAM)));
    }
  }

  /** The directory groups a role may hold: every role has two. */
  private static List<String> allowedGroups(String role) {
    return List.of("Domain Users", role.replace('_', ' ') + " group");
  }

  private static void addStaff(Draft d, Staff s) {
    String personId = "P-" + (1001 + d.personnel.size());
    String role = ROLES.get(s.role());
    d.personnel.add(new Person(personId, NAMES.get(s.name()), Person.Status.ACTIVE, null, role,
        "Operations", d.source(Feed.PERSONNEL)));
    List<String> allowed = allowedGroups(role);
    List<String> groups = new ArrayList<>();
    for (int bit = 0; bit < allowed.size(); bit++) {
      if ((s.groupMask() & (1 << bit)) != 0) {
        groups.add(allowed.get(bit));
      }
    }
    d.accounts.add(new Account("user" + (d.accounts.size() + 1), "ad", true, personId, false,
        false, s.privileged(), d.at(s.logonDaysAgo(), s.logonSecond()), s.privileged() || s.mfa(),
        groups, null, d.source(Feed.ACCOUNTS)));
    d.trainings.add(new Program.Training(personId, "Cybersecurity Awareness",
        List.of(TrainingTopic.CYBERSECURITY_POLICY, TrainingTopic.PASSWORD_PROTECTION),
        d.day(s.trainedDaysAgo()), d.source(Feed.PROGRAM)));
  }

  private static void addLeaver(Draft d, Leaver l) {
    String personId = "P-" + (1001 + d.personnel.size());
    d.personnel.add(new Person(personId, NAMES.get(l.name()), Person.Status.SEPARATED,
        d.day(l.separatedDaysAgo()), ROLES.get(l.role()), "Operations", d.source(Feed.PERSONNEL)));
    if (l.hasAccount()) {
      d.accounts.add(new Account("user" + (d.accounts.size() + 1), "ad", false, personId, false,
          false, false, d.at(l.separatedDaysAgo() + l.logonBefore(), 3600), true,
          allowedGroups(ROLES.get(l.role())), null, d.source(Feed.ACCOUNTS)));
    }
  }

  private Arbitrary<Part> passwordPolicies() {
    int withMfa = limits.integer("password_min_length_with_mfa");
    int withoutMfa = limits.integer("password_min_length_without_mfa");
    Arbitrary<Part> policy = Combinators.combine(Arbitraries.of(true, false).injectNull(0.2),
        age(50), Arbitraries.integers().between(1, limits.integer("lockout_threshold_max")),
        Arbitraries.of("domain default", "cloud sign-in", "linux pwquality",
            "fine-grained: admins"),
        Arbitraries.of("ad", "entra", "linux:web01"), Arbitraries.of(365, 90).injectNull(0.5),
        age(24)).as((mfa, extra, lockout, scope, system, maxAge, history) -> d ->
            d.passwordPolicies.add(new PasswordPolicy(scope, system,
                (Boolean.TRUE.equals(mfa) ? withMfa : withoutMfa) + extra, true, maxAge, history,
                lockout, 15, mfa, d.source(Feed.PASSWORD_POLICIES))));
    return policy.list().ofMinSize(1).ofMaxSize(3).map(Part::all);
  }

  // --- 4.9: remote access -----------------------------------------------------------------

  private record Gateway(RemoteAccessGateway.Kind kind, String tls, boolean exposed,
      int userMask) {}

  private Arbitrary<Part> remoteAccess() {
    Arbitrary<Gateway> gateway = Combinators.combine(
        Arbitraries.of(RemoteAccessGateway.Kind.class),
        Arbitraries.of(limits.minTlsVersion(), "1.3").injectNull(0.2), bool(),
        Arbitraries.integers().between(0, 7)).as(Gateway::new);
    return Combinators.combine(bool(), gateway.list().ofMinSize(1).ofMaxSize(2),
        age(limits.integer("external_scan_max_age_days")),
        Arbitraries.of(443, 1194, 22, 8443, 25, 53)
            .filter(port -> !limits.forbiddenExposedPorts().contains(port)).list().ofMaxSize(3))
        .as((permitted, gateways, scanned, ports) -> d -> {
          d.remoteAccessPermitted = permitted;
          List<String> users = List.of("malvarez", "dpatel", "gokafor");
          for (String user : users) {
            d.authorizations.add(new Program.RemoteAccessAuthorization(user, d.day(400),
                "IT Manager", d.source(Feed.PROGRAM)));
          }
          if (permitted) {
            for (Gateway g : gateways) {
              addGateway(d, g, users);
            }
          }
          List<Network.OpenService> open = new ArrayList<>();
          for (int port : ports) {
            open.add(new Network.OpenService("203.0.113.10", port, "tcp/" + port));
          }
          d.externalExposure = new Network.ExternalExposure(d.day(scanned), open,
              d.source(Feed.NETWORK));
        });
  }

  private static void addGateway(Draft d, Gateway g, List<String> authorized) {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < authorized.size(); i++) {
      if ((g.userMask() & (1 << i)) != 0) {
        users.add(authorized.get(i));
      }
    }
    boolean desktop = g.kind() == RemoteAccessGateway.Kind.RDP
        || g.kind() == RemoteAccessGateway.Kind.VNC;
    d.remoteAccess.add(new RemoteAccessGateway("gw-" + (d.remoteAccess.size() + 1), g.kind(),
        "OpenVPN 2.6", g.tls(), List.of("AES-256-GCM"),
        List.of(RemoteAccessGateway.AuthMethod.CERTIFICATE, RemoteAccessGateway.AuthMethod.MFA),
        true, List.of(), g.exposed() && !desktop, users, d.source(Feed.REMOTE_ACCESS)));
  }

  // --- 4.2, 4.10, 4.12: devices -----------------------------------------------------------

  /** The patch state of a device: nothing pending, or pending for no longer than allowed. */
  private record Patching(int pending, int pendingDaysAgo, int patchedDaysAgo) {}

  private Arbitrary<Patching> patching() {
    return Combinators.combine(Arbitraries.integers().between(0, 20).shrinkTowards(0),
        age(limits.integer("patch_max_pending_days")), age(60)).as(Patching::new);
  }

  private static Endpoint.Patches patches(Draft d, Patching p) {
    return new Endpoint.Patches(p.pending(), p.pending() == 0 ? null : d.day(p.pendingDaysAgo()),
        d.day(p.patchedDaysAgo()), null);
  }

  /** A company workstation or server with anti-malware, firewall, encryption and patches. */
  private record Computer(Endpoint.Role role, int signatureDaysOld, boolean profiles,
      Patching patching) {}

  private Arbitrary<Part> devices() {
    Arbitrary<Computer> computer = Combinators.combine(
        Arbitraries.of(Endpoint.Role.WORKSTATION, Endpoint.Role.SERVER, Endpoint.Role.OTHER),
        age(limits.integer("antimalware_signature_max_age_days")), bool(), patching())
        .as(Computer::new);
    return Combinators.combine(computer.list().ofMinSize(1).ofMaxSize(3),
        patching().list().ofMaxSize(1), bool(), patching().list().ofMaxSize(2))
        .as((computers, phones, permitted, personal) -> d -> {
          d.personalDevicesPermitted = permitted;
          for (Computer c : computers) {
            addComputer(d, c);
          }
          for (Patching p : phones) {
            d.endpoints.add(device(d, "TGL-PH-", Endpoint.Role.MOBILE,
                Endpoint.OwnerType.COMPANY, p));
          }
          if (permitted) {
            for (Patching p : personal) {
              d.endpoints.add(device(d, "byod-", Endpoint.Role.MOBILE,
                  Endpoint.OwnerType.PERSONAL, p));
            }
          }
          d.accessControl = new Network.AccessControl(true, "conditional_access",
              d.source(Feed.NETWORK));
        });
  }

  private static void addComputer(Draft d, Computer c) {
    Endpoint.Firewall firewall = c.profiles()
        ? new Endpoint.Firewall(true, Map.of("domain", true, "private", true, "public", true), null)
        : new Endpoint.Firewall(true, null, null);
    d.endpoints.add(device(d, "TGL-WS-", c.role(), Endpoint.OwnerType.COMPANY, c.patching())
        .withAntimalware(new Endpoint.Antimalware("Microsoft Defender Antivirus", true, true,
            c.signatureDaysOld(), null))
        .withFirewall(firewall));
  }

  /** A managed, compliant, encrypted device with its patch state. */
  private static Endpoint device(Draft d, String prefix, Endpoint.Role role,
      Endpoint.OwnerType owner, Patching p) {
    String hostname = prefix + String.format(Locale.ROOT, "%03d", d.endpoints.size() + 1);
    return new Endpoint(hostname, role == Endpoint.Role.MOBILE ? "iOS" : "Windows 11 Pro", null,
        role, owner, true, true, patches(d, p), null, null,
        new Endpoint.Encryption(true, role == Endpoint.Role.MOBILE ? "iOS data protection"
            : "BitLocker", null), d.source(Feed.ENDPOINTS));
  }

  private Arbitrary<Part> network() {
    Arbitrary<Part> perimeter = Arbitraries.of("FortiGate 60F", "pfSense 2.7", "Palo Alto PA-440")
        .map(product -> d -> d.perimeterFirewalls.add(new Network.PerimeterFirewall(
            "edge-fw" + (d.perimeterFirewalls.size() + 1), product, Network.InboundAction.DENY,
            d.source(Feed.NETWORK))));
    Arbitrary<Part> control = Arbitraries.of(DeviceControl.RemovableMedia.READ_ONLY,
        DeviceControl.RemovableMedia.BLOCKED, DeviceControl.RemovableMedia.SCANNED)
        .map(media -> d -> d.deviceControl = new DeviceControl(media, true,
            d.source(Feed.DEVICE_CONTROL)));
    return Combinators.combine(perimeter.list().ofMinSize(1).ofMaxSize(2), control)
        .as((firewalls, media) -> d -> {
          firewalls.forEach(p -> p.addTo(d));
          media.addTo(d);
        });
  }

  // --- 4.3: security testing and remediation ----------------------------------------------

  /**
   * A scanner or test finding: fixed, accepted, or open; an open one is placed within the
   * remediation window of its severity.
   */
  private record ScanFinding(Severity severity, Vulnerability.Status status, int openDays) {}

  private Arbitrary<ScanFinding> scanFindings() {
    return Combinators.combine(Arbitraries.of(Severity.class),
        Arbitraries.of(Vulnerability.Status.class), age(400)).as(ScanFinding::new);
  }

  private Vulnerability vulnerability(Draft d, ScanFinding f, String id, Feed feed) {
    String severity = f.severity().name().toLowerCase(Locale.ROOT);
    int seen = f.status() == Vulnerability.Status.OPEN
        ? Math.min(f.openDays(), limits.remediationDays(severity).orElse(f.openDays()))
        : f.openDays();
    LocalDate fixed = f.status() == Vulnerability.Status.FIXED ? d.day(seen / 2) : null;
    return new Vulnerability(id, "Finding " + id, f.severity(), "TGL-SRV-01", f.status(),
        d.day(seen), fixed, null, d.source(feed));
  }

  private Arbitrary<Part> securityTests() {
    return Combinators.combine(age(limits.integer("internal_scan_max_age_days")),
        age(limits.integer("external_scan_max_age_days")),
        age(2 * limits.integer("penetration_test_max_age_days")).list().ofMaxSize(1),
        scanFindings().list().ofMaxSize(2), scanFindings().list().ofMaxSize(3))
        .as((internal, external, pentests, testFindings, scanned) -> d -> {
          List<Vulnerability> register = new ArrayList<>();
          for (ScanFinding f : testFindings) {
            register.add(vulnerability(d, f, "PT-" + (register.size() + 1), Feed.PROGRAM));
          }
          d.securityTests.add(scan(d, "SCAN-INT", Program.TestScope.INTERNAL, internal));
          d.securityTests.add(scan(d, "SCAN-EXT", Program.TestScope.EXTERNAL, external));
          for (int daysAgo : pentests) {
            d.securityTests.add(new Program.SecurityTest("PT-1", Program.TestType.PENETRATION_TEST,
                Program.TestScope.EXTERNAL, d.day(daysAgo), null, "Harborlight Security",
                register, d.source(Feed.PROGRAM)));
          }
          for (ScanFinding f : scanned) {
            String id = "CVE-2026-" + (21000 + d.vulnerabilities.size());
            d.vulnerabilities.add(vulnerability(d, f, id, Feed.VULNERABILITIES));
          }
        });
  }

  /** A vulnerability scan that found nothing. */
  private static Program.SecurityTest scan(Draft d, String id, Program.TestScope scope,
      int daysAgo) {
    return new Program.SecurityTest(id, Program.TestType.VULNERABILITY_SCAN, scope,
        d.day(daysAgo), "Nessus", "IT", List.of(), d.source(Feed.PROGRAM));
  }

  // --- 4.4, 4.5: threat information, monitoring, discipline -------------------------------

  private Arbitrary<Part> threatFeeds() {
    return Arbitraries.of("CISA Cybersecurity Advisories", "Surface Transportation ISAC alerts",
        "MS-ISAC advisories").list().ofMinSize(1).ofMaxSize(2).uniqueElements()
        .map(names -> d -> names.forEach(n -> d.threatFeeds.add(
            new Program.ThreatIntelFeed(n, "CISA", d.day(900), d.source(Feed.PROGRAM)))));
  }

  private Arbitrary<Part> monitoring() {
    Arbitrary<List<Program.AlertKind>> extraRules = Arbitraries.of(Program.AlertKind.class)
        .list().ofMaxSize(2);
    Arbitrary<List<Integer>> olderReviews = age(400).list().ofMaxSize(2);
    Arbitrary<List<Boolean>> violations = bool().list().ofMaxSize(2);
    return Combinators.combine(extraRules, age(limits.integer("log_review_max_age_days")),
        olderReviews, violations).as((extra, lastReview, older, confirmed) -> d -> {
          List<Program.AlertRule> rules = new ArrayList<>();
          List<Program.AlertKind> kinds = new ArrayList<>(REQUIRED_ALERTS);
          kinds.addAll(extra);
          for (int i = 0; i < kinds.size(); i++) {
            rules.add(new Program.AlertRule("AR-" + (i + 1), kinds.get(i) + " alert",
                kinds.get(i), i < REQUIRED_ALERTS.size() || i % 2 == 0, d.source(Feed.PROGRAM)));
          }
          List<Program.LogReview> reviews = new ArrayList<>();
          reviews.add(new Program.LogReview(d.day(lastReview), "M. Alvarez",
              d.source(Feed.PROGRAM)));
          for (int daysAgo : older) {
            reviews.add(new Program.LogReview(d.day(daysAgo), "M. Alvarez",
                d.source(Feed.PROGRAM)));
          }
          d.monitoring = new Program.Monitoring(
              new Program.Logging(true, 180, "Wazuh", d.source(Feed.PROGRAM)), rules,
              new Program.WebFiltering(true, true, "Cisco Umbrella", d.source(Feed.PROGRAM)),
              new Program.IntegrityMonitoring(true, "Wazuh syscheck", "WMS database",
                  d.source(Feed.PROGRAM)),
              reviews);
          for (int i = 0; i < confirmed.size(); i++) {
            boolean yes = confirmed.get(i);
            d.violations.add(new Program.Violation("VIO-" + (i + 1), d.day(30 * i), yes,
                yes ? "HRC-" + (100 + i) : null, yes ? "written warning" : null,
                d.source(Feed.PROGRAM)));
          }
        });
  }

  // --- 4.11: software ---------------------------------------------------------------------

  private record Title(String name, int installations, Integer spare) {}

  private Arbitrary<Part> software() {
    Arbitrary<Title> title = Combinators.combine(
        Arbitraries.of("Microsoft 365 Apps for enterprise", "7-Zip", "Harbor WMS Client",
            "Adobe Acrobat Reader", "Ünicode Tool™"),
        Arbitraries.integers().between(1, 60), age(10).injectNull(0.3)).as(Title::new);
    return Combinators.combine(title.list().ofMinSize(1).ofMaxSize(3), bool(), bool())
        .as((titles, upper, extraApproved) -> d -> {
          for (Title t : titles) {
            d.software.add(new SoftwareComponent(t.name(), "1.0", "Vendor", "EULA",
                SoftwareComponent.LicenseStatus.LICENSED, t.installations(),
                t.spare() == null ? null : t.installations() + t.spare(), d.source(Feed.SOFTWARE)));
            // The approved list matches names case-insensitively.
            String listed = upper ? t.name().toUpperCase(Locale.ROOT) : t.name();
            d.approvedSoftware.add(new Program.ApprovedSoftware(listed, "Vendor",
                d.source(Feed.PROGRAM)));
          }
          if (extraApproved) {
            d.approvedSoftware.add(new Program.ApprovedSoftware("Notepad++", "Don Ho",
                d.source(Feed.PROGRAM)));
          }
        });
  }

  // --- 4.7b, 4.12: systems, access reviews and backups ------------------------------------

  /** A business system and its backups; {@code offsiteFirst} decides which copy is off-site. */
  private record SystemSpec(boolean sensitive, boolean backupRequired, int reviewedDaysAgo,
      int backedUpDaysAgo, int backupSecond, boolean secondCopy, boolean offsiteFirst,
      int olderCopyDaysAgo) {}

  private Arbitrary<Part> systemsAndBackups() {
    Arbitrary<SystemSpec> system = Combinators.combine(bool(), bool(),
        age(limits.integer("access_review_max_age_days")),
        age(limits.integer("backup_max_age_days")), secondOfDay(), bool(), bool(), age(60))
        .as(SystemSpec::new);
    return system.list().ofMinSize(1).ofMaxSize(4).map(specs -> d -> {
      for (int i = 0; i < specs.size(); i++) {
        // The first system is sensitive: 4.7 needs one to check access reviews on.
        addSystem(d, "sys-" + (i + 1), specs.get(i), i == 0);
      }
    });
  }

  private static void addSystem(Draft d, String id, SystemSpec s, boolean forceSensitive) {
    boolean sensitive = forceSensitive || s.sensitive();
    d.systems.add(new BusinessSystem(id, "System " + id, "application", sensitive,
        s.backupRequired(), sensitive ? new Endpoint.Encryption(true, "AES-256", null) : null,
        d.source(Feed.SYSTEMS)));
    if (sensitive) {
      d.accessReviews.add(new Program.AccessReview(id, d.day(s.reviewedDaysAgo()),
          "IT Manager", d.source(Feed.PROGRAM)));
    }
    if (!s.backupRequired() && !s.secondCopy()) {
      return;
    }
    boolean offsiteFirst = s.offsiteFirst() || !s.secondCopy();
    d.backups.add(new Backup(id, "s3:backups/" + id, d.at(s.backedUpDaysAgo(), s.backupSecond()),
        true, offsiteFirst, true, d.source(Feed.BACKUPS)));
    if (s.secondCopy()) {
      d.backups.add(new Backup(id, "nas01:/restic/" + id,
          d.at(s.backedUpDaysAgo() + s.olderCopyDaysAgo(), s.backupSecond()), true,
          !offsiteFirst, true, d.source(Feed.BACKUPS)));
    }
  }

  // --- 4.13: media inventory and sanitization ---------------------------------------------

  private record Asset(Program.MediaStatus status, Program.SanitizationMethod method,
      boolean vendor) {}

  private Arbitrary<Part> media() {
    Arbitrary<Asset> asset = Combinators.combine(Arbitraries.of(Program.MediaStatus.class),
        Arbitraries.of(Program.SanitizationMethod.class), bool()).as(Asset::new);
    int maxAge = limits.integer("inventory_max_age_days");
    return Combinators.combine(asset.list().ofMaxSize(3), age(maxAge), age(maxAge), bool())
        .as((assets, hardware, removable, recordsListed) -> d -> {
          d.reconciliations.add(new Program.InventoryReconciliation(
              Program.InventoryScope.HARDWARE, d.day(hardware), "IT", d.source(Feed.PROGRAM)));
          d.reconciliations.add(new Program.InventoryReconciliation(
              Program.InventoryScope.REMOVABLE_MEDIA, d.day(removable), "IT",
              d.source(Feed.PROGRAM)));
          List<Program.SanitizationRecord> records = new ArrayList<>();
          for (int i = 0; i < assets.size(); i++) {
            addAsset(d, "HDD-" + (i + 1), assets.get(i), records);
          }
          // Without retired assets the records may be left out altogether.
          d.sanitizationRecords = records.isEmpty() && !recordsListed ? null : records;
        });
  }

  private static void addAsset(Draft d, String id, Asset a,
      List<Program.SanitizationRecord> records) {
    boolean outOfService = a.status() == Program.MediaStatus.RETIRED
        || a.status() == Program.MediaStatus.DISPOSED;
    d.mediaInventory.add(new Program.MediaItem(id, "SN-" + id, "disk", a.status(),
        a.status() == Program.MediaStatus.DISPOSED ? d.day(30) : null, true,
        d.source(Feed.PROGRAM)));
    if (outOfService) {
      records.add(new Program.SanitizationRecord(id, "SN-" + id, d.day(30), a.method(),
          "M. Alvarez", a.vendor() ? "Shoreline ITAD" : null, a.vendor() ? "COD-55821" : null,
          d.source(Feed.PROGRAM)));
    }
  }

  // --- 4.2d: restore tests; waivers -------------------------------------------------------

  private Arbitrary<Part> restoreTests() {
    return Combinators.combine(age(limits.integer("restore_test_max_age_days")),
        Arbitraries.integers().between(0, 400).list().ofMaxSize(2), bool())
        .as((recent, older, olderSucceeded) -> d -> {
          d.restoreTests.add(new Program.RestoreTest("sys-1", d.day(recent), true,
              d.source(Feed.PROGRAM)));
          for (int daysAgo : older) {
            d.restoreTests.add(new Program.RestoreTest("sys-1", d.day(daysAgo), olderSucceeded,
                d.source(Feed.PROGRAM)));
          }
        });
  }

  /** No waivers: as an empty list, or left out. */
  private Arbitrary<Part> waivers() {
    return bool().map(listed -> d -> d.waivers = listed ? List.of() : null);
  }
}
