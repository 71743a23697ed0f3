package dev.ctpat.compliance;

import dev.ctpat.compliance.evidence.EvidenceJson;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.Waiver;
import dev.ctpat.rego.api.EvalLimits;
import dev.ctpat.rego.api.PreparedPolicy;
import dev.ctpat.rego.api.Rego;
import dev.ctpat.rego.api.RegoError;
import dev.ctpat.rego.api.RegoException;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Assesses normalized evidence (DESIGN §5) against a policy pack and returns an
 * {@link AssessmentReport}. Build one with {@link #builder()}; the policies compile once, and
 * the assessor is immutable and safe to use from any number of threads.
 *
 * <pre>{@code
 * Assessor assessor = Assessor.builder()
 *     .entityType(EntityType.IMPORTER)
 *     .threshold("backup_max_age_days", 1)
 *     .build();
 * AssessmentReport report = assessor.assess(evidence);
 * if (!report.compliant()) { ... }
 * }</pre>
 *
 * <p>Every criterion of the pack gets a result. A criterion whose policy fails to evaluate
 * (for example because it hits an evaluation limit) or returns a malformed result is reported
 * as {@link Status#INSUFFICIENT_EVIDENCE} with a finding that says why; the others are not
 * affected.
 */
public final class Assessor {
  /** The name the engine gives itself in reports. */
  public static final String ENGINE_NAME = "ctpat-policy-kit";

  private static final String ENGINE_VERSION = engineVersion();

  /** Where a pack keeps its default thresholds, which {@link Builder#threshold} overrides. */
  private static final List<String> THRESHOLD_DEFAULTS = List.of("ctpat", "config", "thresholds");

  private final PolicyPack pack;
  private final PreparedPolicy policy;
  private final String allResultsQuery;
  private final EntityType entityType;
  private final LocalDate asOf;
  private final Clock clock;
  private final ObjectValue thresholds;
  private final List<Value> waivers;
  private final AssessmentReport.Engine engine;

  private Assessor(Builder b, PolicyPack pack, PreparedPolicy policy) {
    this.pack = pack;
    this.policy = policy;
    this.allResultsQuery = pack.criteria().all().stream()
        .map(Assessor::resultQuery)
        .collect(Collectors.joining(", ", "[", "]"));
    this.entityType = b.entityType;
    this.asOf = b.asOf;
    this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
    ObjectValue.Builder overrides = ObjectValue.builder();
    b.thresholds.forEach(overrides::put);
    this.thresholds = overrides.build();
    this.waivers = b.waivers.stream().map(Assessor::toValue).toList();
    this.engine = new AssessmentReport.Engine(ENGINE_NAME, ENGINE_VERSION, pack.sha256());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The criteria every report of this assessor has a result for, in criterion order. */
  public Criteria criteria() {
    return pack.criteria();
  }

  /** The policies this assessor evaluates (the pack plus any added policies). */
  public PolicyPack pack() {
    return pack;
  }

  /**
   * Assesses a normalized evidence document.
   *
   * @throws IllegalArgumentException when the document is not a JSON object, or a part the
   *     assessment itself needs ({@code organization}, its {@code as_of}, {@code thresholds},
   *     {@code waivers}) has the wrong type
   */
  public AssessmentReport assess(NormalizedEvidence evidence) {
    Objects.requireNonNull(evidence, "evidence");
    return assess(Json.parse(EvidenceJson.write(evidence)));
  }

  /**
   * Assesses a normalized evidence document given as a value, e.g. parsed with
   * {@link Json#parse(String)}.
   *
   * @throws IllegalArgumentException when the document is not a JSON object, or a part the
   *     assessment itself needs ({@code organization}, its {@code as_of}, {@code thresholds},
   *     {@code waivers}) has the wrong type
   */
  public AssessmentReport assess(Value document) {
    Objects.requireNonNull(document, "document");
    AssessmentInput input =
        AssessmentInput.of(document, entityType, asOf, clock, thresholds, waivers);
    List<CriterionResult> results = evaluate(input.document());
    return new AssessmentReport(input.organizationName(), input.entity(), input.asOf(),
        results, input.evidenceFiles(), engine);
  }

  private List<CriterionResult> evaluate(Value input) {
    List<Criterion> criteria = pack.criteria().all();
    Value all;
    try {
      all = policy.evaluate(allResultsQuery, input).orElseThrow();
    } catch (RegoException e) {
      // Evaluate each criterion on its own, so one failing policy costs only its own result.
      return criteria.stream().map(c -> evaluateOne(c, input)).toList();
    }
    List<Value> rows = ((ArrayValue) all).elements();
    List<CriterionResult> results = new ArrayList<>();
    for (int i = 0; i < criteria.size(); i++) {
      results.add(resultOf(criteria.get(i), rows.get(i)));
    }
    return results;
  }

  private CriterionResult evaluateOne(Criterion criterion, Value input) {
    try {
      return resultOf(criterion, policy.evaluate(resultQuery(criterion), input).orElseThrow());
    } catch (RegoException e) {
      String errors = e.errors().stream().map(RegoError::toString)
          .collect(Collectors.joining("; "));
      return ResultReader.undecided(criterion, "evaluating its policy failed: " + errors);
    }
  }

  /** {@code results} is the array of a comprehension over the result rule: empty if undefined. */
  private static CriterionResult resultOf(Criterion criterion, Value results) {
    List<Value> found = ((ArrayValue) results).elements();
    if (found.isEmpty()) {
      return ResultReader.undecided(criterion, criterion.packagePath() + ".result is undefined.");
    }
    try {
      return ResultReader.read(criterion, found.get(0));
    } catch (ResultReader.MalformedResultException e) {
      return ResultReader.undecided(criterion, criterion.packagePath()
          + ".result is malformed: " + e.getMessage() + ".");
    }
  }

  /** A query that is never undefined: an array of the result, empty when there is none. */
  private static String resultQuery(Criterion criterion) {
    return "[r | r := " + criterion.packagePath() + ".result]";
  }

  private static Value toValue(Waiver waiver) {
    try {
      return Json.parse(EvidenceJson.mapper().writeValueAsString(waiver));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version in the core jar's Maven descriptor; {@code development} when run from classes. */
  private static String engineVersion() {
    try (InputStream in = Assessor.class.getResourceAsStream(
        "/META-INF/maven/dev.ctpat/ctpat-core/pom.properties")) {
      if (in == null) {
        return "development";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "development");
    } catch (IOException e) {
      return "development";
    }
  }

  /**
   * Settings of an {@link Assessor}. Each setting may be given once; every setter and
   * {@link #build()} fail fast with a message that names the mistake.
   */
  public static final class Builder {
    private PolicyPack pack;
    private final List<PolicyPack> added = new ArrayList<>();
    private EntityType entityType;
    private LocalDate asOf;
    private Clock clock;
    private final Map<String, Value> thresholds = new LinkedHashMap<>();
    private final List<Waiver> waivers = new ArrayList<>();
    private EvalLimits limits;

    private Builder() {}

    /** The policy pack; {@link PolicyPack#bundled()} unless set. */
    public Builder pack(PolicyPack pack) {
      Objects.requireNonNull(pack, "pack");
      if (this.pack != null) {
        throw new IllegalStateException("pack was already set to " + this.pack.origin());
      }
      this.pack = pack;
      return this;
    }

    /**
     * Adds policies to the pack, e.g. an organization's own criteria; they compile together
     * with the pack and may use its library.
     */
    public Builder addPolicies(PolicyPack policies) {
      added.add(Objects.requireNonNull(policies, "policies"));
      return this;
    }

    /** The entity type; overrides {@code organization.entity_type} of the evidence. */
    public Builder entityType(EntityType entityType) {
      Objects.requireNonNull(entityType, "entityType");
      if (this.entityType != null) {
        throw new IllegalStateException("entity type was already set to " + this.entityType.id());
      }
      this.entityType = entityType;
      return this;
    }

    /**
     * The day every assessment is as of; overrides {@code organization.as_of} of the evidence.
     * Exclusive with {@link #clock}.
     */
    public Builder asOf(LocalDate day) {
      Objects.requireNonNull(day, "day");
      if (asOf != null) {
        throw new IllegalStateException("as-of date was already set to " + asOf);
      }
      if (clock != null) {
        throw new IllegalStateException("asOf and clock are exclusive; clock was already set");
      }
      this.asOf = day;
      return this;
    }

    /**
     * The clock whose current day (in UTC) is the as-of date of evidence that has no
     * {@code organization.as_of}; the system clock unless set. Exclusive with {@link #asOf}.
     */
    public Builder clock(Clock clock) {
      Objects.requireNonNull(clock, "clock");
      if (this.clock != null) {
        throw new IllegalStateException("clock was already set to " + this.clock);
      }
      if (asOf != null) {
        throw new IllegalStateException("asOf and clock are exclusive; as-of date was already "
            + "set to " + asOf);
      }
      this.clock = clock;
      return this;
    }

    /**
     * Overrides one of the pack's thresholds (in the bundled pack, those of
     * {@code ctpat/config/data.json}), e.g. {@code threshold("backup_max_age_days", 1)}. An
     * object value overrides key by key. Overrides win over {@code thresholds} in the evidence.
     *
     * @param value a number, boolean, string, or a list or map of these
     */
    public Builder threshold(String key, Object value) {
      Objects.requireNonNull(key, "key");
      if (thresholds.containsKey(key)) {
        throw new IllegalStateException("threshold " + key + " was already set to "
            + Json.write(thresholds.get(key)));
      }
      thresholds.put(key, Json.fromJava(value));
      return this;
    }

    /** Adds a waiver to those of the evidence. */
    public Builder waiver(Waiver waiver) {
      waivers.add(Objects.requireNonNull(waiver, "waiver"));
      return this;
    }

    /** Bounds on each evaluation; {@link EvalLimits#DEFAULT} unless set. */
    public Builder limits(EvalLimits limits) {
      Objects.requireNonNull(limits, "limits");
      if (this.limits != null) {
        throw new IllegalStateException("limits were already set to " + this.limits);
      }
      this.limits = limits;
      return this;
    }

    /**
     * Loads the pack if needed, checks the thresholds and waivers against it, and compiles the
     * policies.
     *
     * @throws PolicyPackException when the policies do not load or compile, or declare no
     *     criterion
     * @throws IllegalArgumentException when a threshold or waiver does not fit the pack
     */
    public Assessor build() {
      PolicyPack all = pack == null ? PolicyPack.bundled() : pack;
      for (PolicyPack extra : added) {
        all = all.plus(extra);
      }
      if (all.criteria().size() == 0) {
        // A report without criteria would say "compliant"; that must come from a mistake.
        throw new PolicyPackException(List.of(all.origin() + ": the policies declare no "
            + "criterion (no package METADATA with custom.criterion)"));
      }
      checkThresholds(all);
      checkWaivers(all.criteria());
      Rego.Builder rego = Rego.builder()
          .data(all.data())
          .clock(clock == null ? Clock.systemUTC() : clock)
          .limits(limits == null ? EvalLimits.DEFAULT : limits);
      all.modules().forEach(rego::module);
      PreparedPolicy prepared;
      try {
        prepared = rego.build();
      } catch (RegoException e) {
        throw new PolicyPackException(e.errors().stream().map(RegoError::toString).toList());
      }
      return new Assessor(this, all, prepared);
    }

    private void checkThresholds(PolicyPack all) {
      Value defaults = all.data();
      for (String key : THRESHOLD_DEFAULTS) {
        defaults = defaults instanceof ObjectValue o ? o.get(key) : null;
      }
      if (!(defaults instanceof ObjectValue known)) {
        return;
      }
      List<String> problems = new ArrayList<>();
      thresholds.forEach((key, value) ->
          checkThreshold(key, known.get(StringValue.of(key)), value, problems));
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems) + " (thresholds of "
            + all.origin() + ": " + known.sortedKeys().stream().map(k -> ((StringValue) k).value())
                .collect(Collectors.joining(", ")) + ")");
      }
    }

    /** Checks an override against the default it replaces: same JSON type, same keys. */
    private static void checkThreshold(String name, Value byDefault, Value value,
        List<String> problems) {
      if (byDefault == null) {
        problems.add("unknown threshold " + name);
      } else if (byDefault.kind() == Value.Kind.NULL) {
        return;
      } else if (byDefault.kind() != value.kind()) {
        problems.add("threshold " + name + " must be " + article(byDefault.typeName())
            + " but was " + Json.write(value));
      } else if (byDefault instanceof NumberValue d && d.isInteger()
          && !((NumberValue) value).isInteger()) {
        problems.add("threshold " + name + " must be a whole number but was " + value);
      } else if (byDefault instanceof ObjectValue d) {
        ((ObjectValue) value).entries().forEach((k, v) -> checkThreshold(
            name + "." + (k instanceof StringValue s ? s.value() : Json.write(k)), d.get(k), v,
            problems));
      }
    }

    private void checkWaivers(Criteria criteria) {
      for (Waiver w : waivers) {
        Criterion c = criteria.find(w.criterion()).orElseThrow(() -> new IllegalArgumentException(
            "waiver for unknown criterion " + w.criterion() + "; known: "
                + criteria.all().stream().map(Criterion::id).collect(Collectors.joining(", "))));
        if (w.scope() != null && c.subItem(w.scope()).isEmpty()) {
          throw new IllegalArgumentException("waiver scope " + w.scope()
              + " is not a sub-item of criterion " + c.id() + "; its sub-items: "
              + c.subItems().stream().map(Criterion.SubItem::id)
                  .collect(Collectors.joining(", ")));
        }
      }
    }

    private static String article(String typeName) {
      return ("aeiou".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ") + typeName;
    }
  }
}
