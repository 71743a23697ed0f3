package dev.ctpat.testkit;

import dev.ctpat.compliance.Criterion;
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
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.Severity;
import dev.ctpat.compliance.evidence.SoftwareComponent;
import dev.ctpat.compliance.evidence.Source;
import dev.ctpat.compliance.evidence.Vulnerability;
import dev.ctpat.compliance.evidence.Waiver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for the normalized evidence model: whole documents, every record, and
 * changes of one setting.
 *
 * <ul>
 *   <li>{@link #compliantDocuments()}: documents on which every CTPAT criterion passes (or
 *       does not apply), by construction;
 *   <li>{@link #documents()}: compliant documents with up to three defects (a weakened
 *       setting, a missing, null or mistyped field, stale evidence, a hostile record);
 *   <li>one method per record ({@link #passwordPolicies()}, {@link #endpoints()},
 *       {@link #accounts()}, ...; the program's parts are in {@link ProgramArbitraries}), whose
 *       values mix valid ones, boundaries (0, -1, thresholds, {@code Integer.MAX_VALUE}, leap
 *       days, far past and future) and hostile ones (blank, unicode, quotes, control
 *       characters), with {@code null} wherever the model allows an unknown value;
 *   <li>{@link #strengthenings()} and {@link #weakenings()}: {@link Change}s of the settings
 *       in {@link CtpatSettings}.
 * </ul>
 *
 * <p>Everything shrinks towards plain values, so that a counterexample is as small as jqwik can
 * make it; {@link EvidenceDocument#toString()} prints it as evidence JSON.
 */
public final class EvidenceArbitraries {
  private EvidenceArbitraries() {}

  // --- documents --------------------------------------------------------------------------

  /**
   * Documents on which every criterion of the CTPAT pack passes or does not apply, for the
   * thresholds of the pack {@link PolicyHarness#ctpat()} evaluates.
   */
  public static Arbitrary<EvidenceDocument> compliantDocuments() {
    return compliantDocuments(CtpatThresholds.ctpat());
  }

  /** Compliant documents for a pack with these thresholds. */
  public static Arbitrary<EvidenceDocument> compliantDocuments(CtpatThresholds thresholds) {
    return new CompliantEvidence(Objects.requireNonNull(thresholds, "thresholds")).documents();
  }

  /**
   * Documents as real exports produce them: compliant documents with none to three defects, each
   * a weakened setting, a field or collection that is missing, {@code null} or of the wrong
   * type, stale evidence, or a record replaced by an arbitrary (often hostile) one.
   */
  public static Arbitrary<EvidenceDocument> documents() {
    return Combinators.combine(compliantDocuments(), Defects.defects().list().ofMaxSize(3))
        .as((doc, defects) -> {
          EvidenceDocument out = doc;
          for (Defects.Defect d : defects) {
            out = d.apply(out);
          }
          return out;
        });
  }

  /**
   * Documents made entirely of arbitrary records ({@link #organizations()},
   * {@link ProgramArbitraries#programs()}, lists of {@link #endpoints()}, ...), any part absent:
   * the inputs no export should produce, on which a policy must still decide rather than fail.
   */
  public static Arbitrary<EvidenceDocument> hostileDocuments() {
    return Combinators.combine(
        Combinators.combine(organizations().injectNull(0.1),
            ProgramArbitraries.programs().injectNull(0.1), maybe(passwordPolicies()),
            maybe(remoteAccessGateways()), maybe(endpoints()), maybe(vulnerabilities()),
            maybe(softwareComponents()), maybe(accounts())).as(Tuple::of),
        Combinators.combine(maybe(persons()), maybe(businessSystems()), maybe(backups()),
            networks().injectNull(0.2), deviceControls().injectNull(0.2), maybe(waivers()),
            maybe(evidenceFiles())).as(Tuple::of))
        .as((a, b) -> EvidenceDocument.of(new NormalizedEvidence(a.get1(), a.get2(), a.get3(),
            a.get4(), a.get5(), a.get6(), a.get7(), a.get8(), b.get1(), b.get2(), b.get3(),
            b.get4(), b.get5(), b.get6(), b.get7(), null)));
  }

  /** Rearrangements: every list shuffled, and up to three items duplicated. */
  public static Arbitrary<Rearrangement> rearrangements() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 3))
        .as(Rearrangement::new);
  }

  // --- changes of one setting -------------------------------------------------------------

  /** Changes that strengthen one of the {@link CtpatSettings}. */
  public static Arbitrary<Change> strengthenings() {
    return changes(Change.Direction.STRENGTHEN, CtpatSettings.all());
  }

  /** Changes that weaken one of the {@link CtpatSettings} past its threshold. */
  public static Arbitrary<Change> weakenings() {
    return changes(Change.Direction.WEAKEN, CtpatSettings.all());
  }

  /** Changes of the given settings in one direction; steps up to 400, shrinking to 0. */
  public static Arbitrary<Change> changes(Change.Direction direction, List<Setting> settings) {
    Objects.requireNonNull(direction, "direction");
    if (settings.isEmpty()) {
      throw new IllegalArgumentException("no settings to change");
    }
    return Combinators.combine(Arbitraries.of(settings), Arbitraries.integers().between(0, 7),
        Arbitraries.integers().between(0, 400))
        .as((setting, target, step) -> new Change(setting, direction, target, step));
  }

  // --- building blocks --------------------------------------------------------------------

  /**
   * Free text: mostly ordinary words, sometimes empty, blank, unicode (accents, CJK,
   * right-to-left, emoji), quotes and backslashes, control characters, or 300 characters long.
   */
  public static Arbitrary<String> texts() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of("ad", "IT Manager", "domain default", "wms", "BitLocker",
            "Microsoft Defender", "vpn-main", "approved by COO")),
        Tuple.of(1, Arbitraries.of("", " ", "\t\n")),
        Tuple.of(1, Arbitraries.of("Zoë Ångström", "李娜", "مرحبا", "\u202Egnp.exe", "🙂 ok",
            "Ω≈ç√∫")),
        Tuple.of(1, Arbitraries.of("a\"b\\c", "line1\nline2", "nul\u0000byte", "%s %v %d",
            "null", "true", "0", "<script>")),
        Tuple.of(1, Arbitraries.just("x".repeat(300))));
  }

  /**
   * Whole numbers: mostly between {@code min} and {@code max}, sometimes just outside, or
   * 0, -1, {@code Integer.MIN_VALUE}, {@code Integer.MAX_VALUE}.
   */
  public static Arbitrary<Integer> numbers(int min, int max) {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(min, max)),
        Tuple.of(2, Arbitraries.of(min, max, min - 1, max + 1)),
        Tuple.of(1, Arbitraries.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE)));
  }

  /**
   * Dates: mostly within ten years of 2026-11-27, sometimes a leap day, the epoch, or the year
   * 1 or 9999.
   */
  public static Arbitrary<LocalDate> dates() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.integers().between(-3650, 3650).shrinkTowards(0)
            .map(CompliantEvidence.BASE_DAY::plusDays)),
        Tuple.of(1, Arbitraries.of(LocalDate.of(2024, 2, 29), LocalDate.of(1970, 1, 1),
            LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31))));
  }

  /** Timestamps: a time on one of the {@link #dates()}, sometimes with milliseconds. */
  public static Arbitrary<Instant> instants() {
    return Combinators.combine(dates(), Arbitraries.integers().between(0, 86_399),
        Arbitraries.of(0, 0, 0, 123)).as((day, second, millis) ->
            day.atStartOfDay(ZoneOffset.UTC).plusSeconds(second).toInstant().plusMillis(millis));
  }

  /** {@code true}, {@code false} or {@code null} (unknown). */
  public static Arbitrary<Boolean> flags() {
    return Arbitraries.of(true, false).injectNull(0.15);
  }

  /** Where an item came from; now and then with its own, possibly stale, collection time. */
  public static Arbitrary<Source> sources() {
    return Combinators.combine(
        Arbitraries.of("ctpat.yaml", "identity/ad-users.csv", "endpoints/intune.json",
            "données/sauvegarde é.json", "../outside.txt"),
        Arbitraries.integers().between(1, 100_000).injectNull(0.2),
        Arbitraries.of("program-file", "ad-users", "intune", "restic"),
        instants().injectNull(0.8))
        .as(Source::new);
  }

  private static <T> Arbitrary<List<T>> lists(Arbitrary<T> element) {
    return element.list().ofMaxSize(3);
  }

  /** A list, or {@code null}: no evidence. */
  private static <T> Arbitrary<List<T>> maybe(Arbitrary<T> element) {
    return lists(element).injectNull(0.2);
  }

  // --- records ----------------------------------------------------------------------------

  public static Arbitrary<Organization> organizations() {
    return Combinators.combine(texts().injectNull(0.1),
        Arbitraries.of("importer", "third_party_logistics", "customs_broker", "Importer", "")
            .injectNull(0.1), dates().injectNull(0.1), sources().injectNull(0.3))
        .as(Organization::new);
  }

  public static Arbitrary<PasswordPolicy> passwordPolicies() {
    return Combinators.combine(
        Combinators.combine(texts(), texts().injectNull(0.2), numbers(0, 128).injectNull(0.1),
            flags(), numbers(0, 3650).injectNull(0.3)).as(Tuple::of),
        numbers(0, 24).injectNull(0.2), numbers(0, 50).injectNull(0.1),
        numbers(0, 1440).injectNull(0.2), flags(), sources())
        .as((a, history, lockout, duration, mfa, source) -> new PasswordPolicy(a.get1(),
            a.get2(), a.get3(), a.get4(), a.get5(), history, lockout, duration, mfa, source));
  }

  public static Arbitrary<RemoteAccessGateway> remoteAccessGateways() {
    return Combinators.combine(
        Combinators.combine(texts(), Arbitraries.of(RemoteAccessGateway.Kind.class),
            texts().injectNull(0.2),
            Arbitraries.of("1.0", "1.1", "1.2", "1.3", "1.10", "TLSv1.2", "").injectNull(0.2),
            lists(Arbitraries.of("AES-256-GCM", "BF-CBC", "RC4")).injectNull(0.2))
            .as(Tuple::of),
        lists(Arbitraries.of(RemoteAccessGateway.AuthMethod.class)).injectNull(0.2), flags(),
        lists(texts()).injectNull(0.2), flags(), lists(texts()).injectNull(0.2), sources())
        .as((a, auth, mfa, weak, exposed, users, source) -> new RemoteAccessGateway(a.get1(),
            a.get2(), a.get3(), a.get4(), a.get5(), auth, mfa, weak, exposed, users, source));
  }

  public static Arbitrary<Endpoint> endpoints() {
    return Combinators.combine(
        Combinators.combine(texts(), texts().injectNull(0.2), texts().injectNull(0.3),
            Arbitraries.of(Endpoint.Role.class).injectNull(0.1),
            Arbitraries.of(Endpoint.OwnerType.class).injectNull(0.1), flags(), flags())
            .as(Tuple::of),
        patches().injectNull(0.2), antimalware().injectNull(0.2), firewalls().injectNull(0.2),
        encryptions().injectNull(0.2), sources())
        .as((a, patches, av, fw, disk, source) -> new Endpoint(a.get1(), a.get2(), a.get3(),
            a.get4(), a.get5(), a.get6(), a.get7(), patches, av, fw, disk, source));
  }

  public static Arbitrary<Endpoint.Patches> patches() {
    return Combinators.combine(numbers(0, 500).injectNull(0.1), dates().injectNull(0.3),
        dates().injectNull(0.3), sources().injectNull(0.7)).as(Endpoint.Patches::new);
  }

  public static Arbitrary<Endpoint.Antimalware> antimalware() {
    return Combinators.combine(texts().injectNull(0.2), flags(), flags(),
        numbers(0, 400).injectNull(0.1), sources().injectNull(0.7))
        .as(Endpoint.Antimalware::new);
  }

  public static Arbitrary<Endpoint.Firewall> firewalls() {
    return Combinators.combine(flags(),
        Arbitraries.maps(Arbitraries.of("domain", "private", "public", ""), flags())
            .ofMaxSize(3).injectNull(0.3),
        sources().injectNull(0.7)).as(Endpoint.Firewall::new);
  }

  public static Arbitrary<Endpoint.Encryption> encryptions() {
    return Combinators.combine(flags(), texts().injectNull(0.3), sources().injectNull(0.7))
        .as(Endpoint.Encryption::new);
  }

  public static Arbitrary<Backup> backups() {
    return Combinators.combine(texts(), texts(), instants().injectNull(0.15), flags(), flags(),
        flags(), sources()).as(Backup::new);
  }

  public static Arbitrary<Account> accounts() {
    return Combinators.combine(
        Combinators.combine(texts(), texts(), flags(), texts().injectNull(0.2), flags(), flags())
            .as(Tuple::of),
        flags(), instants().injectNull(0.15), flags(), lists(texts()).injectNull(0.2),
        texts().injectNull(0.7), sources())
        .as((a, privileged, logon, mfa, groups, exception, source) -> new Account(a.get1(),
            a.get2(), a.get3(), a.get4(), a.get5(), a.get6(), privileged, logon, mfa, groups,
            exception, source));
  }

  public static Arbitrary<Person> persons() {
    return Combinators.combine(texts(), texts().injectNull(0.2),
        Arbitraries.of(Person.Status.class), dates().injectNull(0.5), texts().injectNull(0.2),
        texts().injectNull(0.3), sources()).as(Person::new);
  }

  public static Arbitrary<Vulnerability> vulnerabilities() {
    return Combinators.combine(
        Combinators.combine(texts(), texts().injectNull(0.3),
            Arbitraries.of(Severity.class).injectNull(0.1), texts().injectNull(0.2))
            .as(Tuple::of),
        Arbitraries.of(Vulnerability.Status.class), dates().injectNull(0.1),
        dates().injectNull(0.5), texts().injectNull(0.5), sources())
        .as((a, status, seen, fixed, version, source) -> new Vulnerability(a.get1(), a.get2(),
            a.get3(), a.get4(), status, seen, fixed, version, source));
  }

  public static Arbitrary<SoftwareComponent> softwareComponents() {
    return Combinators.combine(texts(), texts().injectNull(0.3), texts().injectNull(0.3),
        texts().injectNull(0.3),
        Arbitraries.of(SoftwareComponent.LicenseStatus.class).injectNull(0.1),
        numbers(0, 1000).injectNull(0.1), numbers(0, 1000).injectNull(0.3), sources())
        .as(SoftwareComponent::new);
  }

  public static Arbitrary<BusinessSystem> businessSystems() {
    return Combinators.combine(texts(), texts().injectNull(0.2), texts().injectNull(0.2),
        flags(), flags(), encryptions().injectNull(0.3), sources()).as(BusinessSystem::new);
  }

  public static Arbitrary<Network> networks() {
    return Combinators.combine(maybe(perimeterFirewalls()), externalExposures().injectNull(0.2),
        accessControls().injectNull(0.2)).as(Network::new);
  }

  public static Arbitrary<Network.PerimeterFirewall> perimeterFirewalls() {
    return Combinators.combine(texts(), texts().injectNull(0.3),
        Arbitraries.of(Network.InboundAction.class).injectNull(0.15), sources())
        .as(Network.PerimeterFirewall::new);
  }

  public static Arbitrary<Network.ExternalExposure> externalExposures() {
    Arbitrary<Network.OpenService> service = Combinators.combine(texts(),
        Arbitraries.of(22, 23, 80, 139, 443, 445, 3389, 5900, 0, 65535),
        texts().injectNull(0.3)).as(Network.OpenService::new);
    return Combinators.combine(dates(), lists(service), sources())
        .as(Network.ExternalExposure::new);
  }

  public static Arbitrary<Network.AccessControl> accessControls() {
    return Combinators.combine(flags(), texts().injectNull(0.3), sources())
        .as(Network.AccessControl::new);
  }

  public static Arbitrary<DeviceControl> deviceControls() {
    return Combinators.combine(Arbitraries.of(DeviceControl.RemovableMedia.class).injectNull(0.15),
        flags(), sources()).as(DeviceControl::new);
  }

  /**
   * Waivers of a criterion of the CTPAT pack (or a criterion or scope it does not have),
   * expiring within a few years of 2026-11-27, with reasons and approvers that may be blank.
   */
  public static Arbitrary<Waiver> waivers() {
    List<String> criteria = new ArrayList<>();
    List<String> scopes = new ArrayList<>();
    for (Criterion c : PolicyHarness.ctpatPack().criteria()) {
      criteria.add(c.id());
      c.subItems().forEach(s -> scopes.add(s.id()));
    }
    criteria.add("4.99");
    scopes.add("4.2.unknown_sub_item");
    return Combinators.combine(texts().injectNull(0.3), Arbitraries.of(criteria),
        Arbitraries.of(scopes).injectNull(0.5), texts(), texts(), dates(), sources())
        .as(Waiver::new);
  }

  public static Arbitrary<EvidenceFile> evidenceFiles() {
    return Combinators.combine(texts(), texts().injectNull(0.2),
        Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).injectNull(0.1),
        instants().injectNull(0.2), lists(texts())).as(EvidenceFile::new);
  }
}
