package dev.ctpat.adapters.program;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.compliance.evidence.BusinessSystem;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.Organization;
import dev.ctpat.compliance.evidence.Program;
import dev.ctpat.compliance.evidence.Program.AlertKind;
import dev.ctpat.compliance.evidence.Program.InventoryScope;
import dev.ctpat.compliance.evidence.Program.MediaStatus;
import dev.ctpat.compliance.evidence.Program.ProcedureKind;
import dev.ctpat.compliance.evidence.Program.ReviewTrigger;
import dev.ctpat.compliance.evidence.Program.SanitizationMethod;
import dev.ctpat.compliance.evidence.Program.TestScope;
import dev.ctpat.compliance.evidence.Program.TestType;
import dev.ctpat.compliance.evidence.Program.TrainingTopic;
import dev.ctpat.compliance.evidence.Severity;
import dev.ctpat.compliance.evidence.Vulnerability;
import dev.ctpat.compliance.evidence.Waiver;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code ctpat.yaml}, the one file people write by hand. Its keys are those of the
 * normalized document ({@code program.*} at the top level, plus {@code organization},
 * {@code systems}, {@code waivers}, {@code thresholds}, {@code network} and
 * {@code device_control}); unknown keys and malformed values are warnings with their line, and the
 * rest of the file is still read. The sections {@code accounts}, {@code backups},
 * {@code remote_access} and {@code endpoints} state attributes that the collector merges into the
 * records the exports produced (see {@link DeclaredFacts}).
 */
public final class ProgramFileAdapter implements EvidenceAdapter {
  public static final String NAME = "program-file";

  /**
   * The {@code system} of an account or backup entry that names none: the collector applies it
   * to the records of every system with that account id or repository.
   */
  public static final String ANY_SYSTEM = "";

  private static final Pattern CRITERION = Pattern.compile("4\\.(1[0-3]|[1-9])|12\\.8");
  private static final Pattern WAIVER_SCOPE = Pattern.compile("(4\\.(1[0-3]|[1-9])|12\\.8)\\.[a-z_]+");
  private static final Set<String> TOP_LEVEL = Set.of("organization", "remote_access_permitted",
      "personal_devices_permitted", "policies", "procedures", "policy_reviews", "incidents",
      "credential_compromises", "security_tests", "trainings", "access_reviews", "role_matrix",
      "remote_access_authorizations", "monitoring", "violations", "threat_intel_feeds",
      "approved_software", "inventory_reconciliations", "media_inventory", "sanitization_records",
      "restore_tests", "systems", "waivers", "thresholds", "network", "device_control", "accounts",
      "backups", "remote_access", "endpoints");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String name = input.fileName();
    boolean yamlName = name.equals("ctpat.yaml") || name.equals("ctpat.yml");
    if (yamlName && input.text().contains("organization:")) {
      return Match.CONTENT;
    }
    return yamlName ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    Node root;
    try {
      root = newYaml().compose(new StringReader(input.text()));
    } catch (MarkedYAMLException e) {
      context.warn(e.getProblemMark().getLine() + 1, "malformed YAML: " + e.getProblem());
      return context.result(NormalizedEvidence.builder());
    } catch (YAMLException e) {
      context.warn(null, "malformed YAML: " + e.getMessage());
      return context.result(NormalizedEvidence.builder());
    }
    if (!(root instanceof MappingNode mapping)) {
      context.warn(root == null ? 1 : YamlObject.line(root), "expected a mapping of keys to values");
      return context.result(NormalizedEvidence.builder());
    }
    YamlObject yaml = new YamlObject(mapping, context);
    yaml.checkKeys(TOP_LEVEL, "ctpat.yaml");
    NormalizedEvidence.Builder evidence = NormalizedEvidence.builder()
        .organization(organization(yaml))
        .program(program(yaml, context));
    List<BusinessSystem> systems = each(yaml.objects("systems"), this::system);
    if (systems != null) {
      evidence.addSystems(systems);
    }
    List<Waiver> waivers = each(yaml.objects("waivers"), w -> waiver(w, context));
    if (waivers != null) {
      evidence.addWaivers(waivers);
    }
    Object thresholds = yaml.plain("thresholds");
    if (thresholds instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) map;
      evidence.thresholds(typed);
    }
    new DeclaredFacts(context).read(yaml, evidence);
    return context.result(evidence);
  }

  /** SafeConstructor only: no arbitrary types, and bounded aliases against "billion laughs". */
  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(50);
    options.setCodePointLimit(10 * 1024 * 1024);
    return new Yaml(new SafeConstructor(options));
  }

  private static Organization organization(YamlObject yaml) {
    YamlObject org = yaml.object("organization");
    if (org == null) {
      return null;
    }
    org.checkKeys(Set.of("name", "entity_type", "as_of"), "organization");
    return new Organization(org.string("name"), org.string("entity_type"), org.date("as_of"),
        org.source());
  }

  private Program program(YamlObject y, FileContext c) {
    return new Program(
        y.bool("remote_access_permitted"),
        y.bool("personal_devices_permitted"),
        each(y.objects("policies"), p -> policy(p, c)),
        each(y.objects("procedures"), this::procedure),
        each(y.objects("policy_reviews"), this::policyReview),
        each(y.objects("incidents"), this::incident),
        each(y.objects("credential_compromises"), this::credentialCompromise),
        each(y.objects("security_tests"), this::securityTest),
        each(y.objects("trainings"), this::training),
        each(y.objects("access_reviews"), this::accessReview),
        each(y.objects("role_matrix"), this::roleMatrixEntry),
        each(y.objects("remote_access_authorizations"), this::remoteAccessAuthorization),
        monitoring(y.object("monitoring")),
        each(y.objects("violations"), this::violation),
        each(y.objects("threat_intel_feeds"), this::threatIntelFeed),
        each(y.objects("approved_software"), this::approvedSoftware),
        each(y.objects("inventory_reconciliations"), this::inventoryReconciliation),
        each(y.objects("media_inventory"), this::mediaItem),
        each(y.objects("sanitization_records"), this::sanitizationRecord),
        each(y.objects("restore_tests"), this::restoreTest),
        y.source());
  }

  /** Maps each entry, dropping those that lacked a required field (already warned). */
  private static <T> List<T> each(List<YamlObject> entries, Function<YamlObject, T> reader) {
    if (entries == null) {
      return null;
    }
    List<T> result = new ArrayList<>();
    for (YamlObject entry : entries) {
      T item = reader.apply(entry);
      if (item != null) {
        result.add(item);
      }
    }
    return result;
  }

  private static boolean allPresent(Object... required) {
    return Arrays.stream(required).allMatch(Objects::nonNull);
  }

  private Program.Policy policy(YamlObject p, FileContext c) {
    p.checkKeys(Set.of("id", "title", "version", "approved_on", "approved_by", "last_reviewed_on",
        "covers"), "policy");
    String id = p.requiredString("id", "policy");
    String title = p.requiredString("title", "policy");
    List<String> covers = p.strings("covers");
    if (!allPresent(id, title)) {
      return null;
    }
    List<String> valid = new ArrayList<>();
    for (String criterion : covers == null ? List.<String>of() : covers) {
      if (CRITERION.matcher(criterion).matches()) {
        valid.add(criterion);
      } else {
        c.warn(p.line(), "policy " + id + " covers '" + criterion + "', not a criterion id 4.1-4.13 or 12.8");
      }
    }
    return new Program.Policy(id, title, p.string("version"), p.date("approved_on"),
        p.string("approved_by"), p.date("last_reviewed_on"), valid, p.source());
  }

  private Program.Procedure procedure(YamlObject p) {
    p.checkKeys(Set.of("id", "kind", "title", "version", "approved_on", "approved_by",
        "last_reviewed_on"), "procedure");
    ProcedureKind kind = p.enumValue("kind", ProcedureKind.class);
    String title = p.requiredString("title", "procedure");
    if (kind == null || title == null) {
      return null;
    }
    return new Program.Procedure(p.string("id"), kind, title, p.string("version"),
        p.date("approved_on"), p.string("approved_by"), p.date("last_reviewed_on"), p.source());
  }

  private Program.PolicyReview policyReview(YamlObject r) {
    r.checkKeys(Set.of("policy_id", "reviewed_on", "trigger", "changed", "reviewer"), "policy review");
    var reviewedOn = r.requiredDate("reviewed_on", "policy review");
    if (reviewedOn == null) {
      return null;
    }
    return new Program.PolicyReview(r.string("policy_id"), reviewedOn,
        r.enumValue("trigger", ReviewTrigger.class), r.bool("changed"), r.string("reviewer"),
        r.source());
  }

  private Program.Incident incident(YamlObject i) {
    i.checkKeys(Set.of("id", "occurred_on", "severity", "category"), "incident");
    String id = i.requiredString("id", "incident");
    var occurredOn = i.requiredDate("occurred_on", "incident");
    if (!allPresent(id, occurredOn)) {
      return null;
    }
    return new Program.Incident(id, occurredOn, i.enumValue("severity", Severity.class),
        i.string("category"), i.source());
  }

  private Program.CredentialCompromise credentialCompromise(YamlObject t) {
    t.checkKeys(Set.of("id", "reported_on", "account_ids", "reset_on"), "credential compromise");
    String id = t.requiredString("id", "credential compromise");
    var reportedOn = t.requiredDate("reported_on", "credential compromise");
    if (!allPresent(id, reportedOn)) {
      return null;
    }
    return new Program.CredentialCompromise(id, reportedOn, t.strings("account_ids"),
        t.date("reset_on"), t.source());
  }

  private Program.SecurityTest securityTest(YamlObject t) {
    t.checkKeys(Set.of("id", "type", "scope", "performed_on", "tool", "performer", "findings"),
        "security test");
    TestType type = t.enumValue("type", TestType.class);
    TestScope scope = t.enumValue("scope", TestScope.class);
    var performedOn = t.requiredDate("performed_on", "security test");
    if (!allPresent(type, scope, performedOn)) {
      return null;
    }
    return new Program.SecurityTest(t.string("id"), type, scope, performedOn, t.string("tool"),
        t.string("performer"), each(t.objects("findings"), this::finding), t.source());
  }

  private Vulnerability finding(YamlObject f) {
    f.checkKeys(Set.of("id", "title", "severity", "target", "status", "first_seen", "fixed_on",
        "fixed_version"), "finding");
    String id = f.requiredString("id", "finding");
    Vulnerability.Status status = f.enumValue("status", Vulnerability.Status.class);
    if (!allPresent(id, status)) {
      return null;
    }
    return new Vulnerability(id, f.string("title"), f.enumValue("severity", Severity.class),
        f.string("target"), status, f.date("first_seen"), f.date("fixed_on"),
        f.string("fixed_version"), f.source());
  }

  private Program.Training training(YamlObject t) {
    t.checkKeys(Set.of("person_id", "course", "topics", "completed_on"), "training");
    String person = t.requiredString("person_id", "training");
    if (person == null) {
      return null;
    }
    List<TrainingTopic> topics = new ArrayList<>();
    List<String> words = t.strings("topics");
    for (String word : words == null ? List.<String>of() : words) {
      try {
        topics.add(TrainingTopic.valueOf(word.strip().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        topics.add(TrainingTopic.OTHER);
      }
    }
    return new Program.Training(person, t.string("course"), topics, t.date("completed_on"),
        t.source());
  }

  private Program.AccessReview accessReview(YamlObject r) {
    r.checkKeys(Set.of("system", "completed_on", "reviewer"), "access review");
    String system = r.requiredString("system", "access review");
    return system == null ? null
        : new Program.AccessReview(system, r.date("completed_on"), r.string("reviewer"), r.source());
  }

  private Program.RoleMatrixEntry roleMatrixEntry(YamlObject r) {
    r.checkKeys(Set.of("role", "system", "groups"), "role matrix entry");
    String role = r.requiredString("role", "role matrix entry");
    String system = r.requiredString("system", "role matrix entry");
    List<String> groups = r.strings("groups");
    return !allPresent(role, system) ? null
        : new Program.RoleMatrixEntry(role, system, groups == null ? List.of() : groups, r.source());
  }

  private Program.RemoteAccessAuthorization remoteAccessAuthorization(YamlObject a) {
    a.checkKeys(Set.of("user", "approved_on", "approver"), "remote access authorization");
    String user = a.requiredString("user", "remote access authorization");
    return user == null ? null
        : new Program.RemoteAccessAuthorization(user, a.date("approved_on"), a.string("approver"),
            a.source());
  }

  private Program.Monitoring monitoring(YamlObject m) {
    if (m == null) {
      return null;
    }
    m.checkKeys(Set.of("logging", "alert_rules", "web_filtering", "integrity_monitoring",
        "log_reviews"), "monitoring");
    YamlObject logging = m.object("logging");
    YamlObject web = m.object("web_filtering");
    YamlObject integrity = m.object("integrity_monitoring");
    return new Program.Monitoring(
        logging == null ? null : new Program.Logging(logging.bool("centralized"),
            logging.integer("retention_days"), logging.string("product"), logging.source()),
        each(m.objects("alert_rules"), this::alertRule),
        web == null ? null : new Program.WebFiltering(web.bool("enabled"), web.bool("logging"),
            web.string("product"), web.source()),
        integrity == null ? null : new Program.IntegrityMonitoring(integrity.bool("enabled"),
            integrity.string("product"), integrity.string("scope"), integrity.source()),
        each(m.objects("log_reviews"), r -> {
          var on = r.requiredDate("reviewed_on", "log review");
          return on == null ? null : new Program.LogReview(on, r.string("reviewer"), r.source());
        }));
  }

  private Program.AlertRule alertRule(YamlObject r) {
    r.checkKeys(Set.of("id", "name", "kind", "enabled"), "alert rule");
    AlertKind kind = r.enumValue("kind", AlertKind.class);
    return kind == null ? null
        : new Program.AlertRule(r.string("id"), r.string("name"), kind, r.bool("enabled"), r.source());
  }

  private Program.Violation violation(YamlObject v) {
    v.checkKeys(Set.of("id", "detected_on", "confirmed", "case_id", "action"), "violation");
    String id = v.requiredString("id", "violation");
    return id == null ? null
        : new Program.Violation(id, v.date("detected_on"), v.bool("confirmed"), v.string("case_id"),
            v.string("action"), v.source());
  }

  private Program.ThreatIntelFeed threatIntelFeed(YamlObject f) {
    f.checkKeys(Set.of("name", "provider", "subscribed_on"), "threat intel feed");
    String name = f.requiredString("name", "threat intel feed");
    return name == null ? null
        : new Program.ThreatIntelFeed(name, f.string("provider"), f.date("subscribed_on"), f.source());
  }

  private Program.ApprovedSoftware approvedSoftware(YamlObject s) {
    s.checkKeys(Set.of("name", "supplier"), "approved software");
    String name = s.requiredString("name", "approved software");
    return name == null ? null : new Program.ApprovedSoftware(name, s.string("supplier"), s.source());
  }

  private Program.InventoryReconciliation inventoryReconciliation(YamlObject r) {
    r.checkKeys(Set.of("scope", "reconciled_on", "by"), "inventory reconciliation");
    InventoryScope scope = r.enumValue("scope", InventoryScope.class);
    var on = r.requiredDate("reconciled_on", "inventory reconciliation");
    return !allPresent(scope, on) ? null
        : new Program.InventoryReconciliation(scope, on, r.string("by"), r.source());
  }

  private Program.MediaItem mediaItem(YamlObject m) {
    m.checkKeys(Set.of("asset_id", "serial", "kind", "status", "disposed_on",
        "holds_sensitive_data"), "media inventory entry");
    String asset = m.requiredString("asset_id", "media inventory entry");
    MediaStatus status = m.enumValue("status", MediaStatus.class);
    return !allPresent(asset, status) ? null
        : new Program.MediaItem(asset, m.string("serial"), m.string("kind"), status,
            m.date("disposed_on"), m.bool("holds_sensitive_data"), m.source());
  }

  private Program.SanitizationRecord sanitizationRecord(YamlObject s) {
    s.checkKeys(Set.of("asset_id", "serial", "performed_on", "method", "verifier", "vendor",
        "certificate"), "sanitization record");
    String asset = s.requiredString("asset_id", "sanitization record");
    return asset == null ? null
        : new Program.SanitizationRecord(asset, s.string("serial"), s.date("performed_on"),
            s.enumValue("method", SanitizationMethod.class), s.string("verifier"),
            s.string("vendor"), s.string("certificate"), s.source());
  }

  private Program.RestoreTest restoreTest(YamlObject r) {
    r.checkKeys(Set.of("system", "performed_on", "successful"), "restore test");
    var on = r.requiredDate("performed_on", "restore test");
    return on == null ? null
        : new Program.RestoreTest(r.string("system"), on, r.bool("successful"), r.source());
  }

  private BusinessSystem system(YamlObject s) {
    s.checkKeys(Set.of("id", "name", "kind", "sensitive", "backup_required", "encryption_at_rest"),
        "system");
    String id = s.requiredString("id", "system");
    if (id == null) {
      return null;
    }
    YamlObject encryption = s.object("encryption_at_rest");
    return new BusinessSystem(id, s.string("name"), s.string("kind"), s.bool("sensitive"),
        s.bool("backup_required"),
        encryption == null ? null : new Endpoint.Encryption(encryption.bool("enabled"),
            encryption.string("method"), encryption.source()),
        s.source());
  }

  private static Waiver waiver(YamlObject w, FileContext c) {
    w.checkKeys(Set.of("id", "criterion", "scope", "reason", "approver", "expires_on"), "waiver");
    String criterion = w.requiredString("criterion", "waiver");
    String reason = w.requiredString("reason", "waiver");
    String approver = w.requiredString("approver", "waiver");
    var expiresOn = w.requiredDate("expires_on", "waiver");
    if (!allPresent(criterion, reason, approver, expiresOn)) {
      return null;
    }
    if (!CRITERION.matcher(criterion).matches()) {
      c.warn(w.line(), "waiver criterion '" + criterion + "' is not a criterion id; entry skipped");
      return null;
    }
    String scope = w.string("scope");
    if (scope != null && !WAIVER_SCOPE.matcher(scope).matches()) {
      c.warn(w.line(), "waiver scope '" + scope + "' is not a sub-item id like 4.12.offsite_copy;"
          + " entry skipped");
      return null;
    }
    return new Waiver(w.string("id"), criterion, scope, reason, approver, expiresOn, w.source());
  }
}
