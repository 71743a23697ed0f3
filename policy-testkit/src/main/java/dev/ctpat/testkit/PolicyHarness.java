package dev.ctpat.testkit;

import dev.ctpat.compliance.AssessmentReport;
import dev.ctpat.compliance.Assessor;
import dev.ctpat.compliance.Criteria;
import dev.ctpat.compliance.Criterion;
import dev.ctpat.compliance.PolicyPack;
import dev.ctpat.compliance.PolicyPackException;
import dev.ctpat.compliance.ReportJson;
import dev.ctpat.compliance.Status;
import dev.ctpat.rego.api.PreparedPolicy;
import dev.ctpat.rego.api.Rego;
import dev.ctpat.rego.api.RegoError;
import dev.ctpat.rego.api.RegoException;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Value;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Evaluates a policy pack on evidence documents through the real engine: the CTPAT pack, a
 * user's own pack, or the CTPAT pack together with a user's criteria. The policies compile once
 * when the harness is made; the harness is immutable and safe to share between threads and
 * properties (keep it in a {@code static final} field).
 *
 * <p>{@link #evaluate} and {@link #evaluateAll} run each criterion's {@code result} rule on the
 * document exactly as given (as {@code ctpat eval} would); they are fast enough for thousands
 * of tries. {@link #assess} and {@link #reportJson} go through the {@link Assessor} facade and
 * give the report users get. Evaluation errors are thrown, not hidden: a policy that fails on
 * some input is a finding of the property that met it.
 *
 * <pre>
 * static final PolicyHarness CTPAT = PolicyHarness.ctpat();
 *
 * &#64;Property
 * void compliantDocumentsPass(&#64;ForAll("compliant") EvidenceDocument doc) {
 *   assertThat(CTPAT.status("4.12", doc)).isEqualTo(Status.PASS);
 * }
 * </pre>
 */
public final class PolicyHarness {
  /**
   * System property naming a folder that replaces the bundled CTPAT pack in {@link #ctpat()},
   * laid out like the pack's jar root ({@code ctpat/criteria/...}, {@code ctpat/config/...}):
   * to run the CTPAT properties against a changed copy of the pack.
   */
  public static final String PACK_PROPERTY = "ctpat.testkit.pack";

  private final Assessor assessor;
  private final PreparedPolicy policy;
  private final Criteria criteria;
  private final String allResults;

  private PolicyHarness(Assessor assessor) {
    this.assessor = assessor;
    PolicyPack pack = assessor.pack();
    this.criteria = pack.criteria();
    this.policy = compile(pack);
    this.allResults = criteria.all().stream()
        .map(PolicyHarness::resultQuery)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * The CTPAT pack: the bundled one, or the folder named by the system property
   * {@value #PACK_PROPERTY}. Compiled once per class loader.
   */
  public static PolicyHarness ctpat() {
    return Ctpat.HARNESS;
  }

  /** A harness for any pack, e.g. {@code PolicyPack.fromDirectory(Path.of("policies"))}. */
  public static PolicyHarness of(PolicyPack pack) {
    Objects.requireNonNull(pack, "pack");
    return new PolicyHarness(Assessor.builder().pack(pack).build());
  }

  /** A harness for the policies under a folder, loaded as {@code opa eval -d DIR} loads them. */
  public static PolicyHarness of(Path dir) {
    return of(PolicyPack.fromDirectory(dir));
  }

  /**
   * The CTPAT pack (as {@link #ctpat()} chooses it) together with a user's own criteria, which
   * may use the pack's library ({@code data.ctpat.lib.*}).
   */
  public static PolicyHarness ctpatWith(PolicyPack own) {
    Objects.requireNonNull(own, "own");
    return new PolicyHarness(
        Assessor.builder().pack(ctpatPack()).addPolicies(own).build());
  }

  /** The criteria of the pack, in criterion order. */
  public Criteria criteria() {
    return criteria;
  }

  /**
   * Evaluates one criterion on a document.
   *
   * @throws java.util.NoSuchElementException when the pack has no such criterion
   * @throws IllegalStateException when evaluation fails or the result is undefined or
   *     malformed
   */
  public CriterionOutcome evaluate(String criterionId, EvidenceDocument document) {
    Criterion criterion = criteria.get(criterionId);
    Value found = run(resultQuery(criterion), document, "criterion " + criterionId);
    return outcome(criterion, found);
  }

  /** The status of one criterion on a document; see {@link #evaluate}. */
  public Status status(String criterionId, EvidenceDocument document) {
    return evaluate(criterionId, document).status();
  }

  /**
   * Evaluates every criterion on a document, in one evaluation.
   *
   * @return the outcomes by criterion id, in criterion order
   * @throws IllegalStateException when evaluation fails or a result is undefined or malformed
   */
  public Map<String, CriterionOutcome> evaluateAll(EvidenceDocument document) {
    List<Value> rows = ((ArrayValue) run(allResults, document, "the criteria")).elements();
    Map<String, CriterionOutcome> out = new LinkedHashMap<>();
    List<Criterion> all = criteria.all();
    for (int i = 0; i < all.size(); i++) {
      out.put(all.get(i).id(), outcome(all.get(i), rows.get(i)));
    }
    return out;
  }

  /** The status of every criterion, by id in criterion order; see {@link #evaluateAll}. */
  public Map<String, Status> statuses(EvidenceDocument document) {
    Map<String, Status> out = new LinkedHashMap<>();
    evaluateAll(document).forEach((id, o) -> out.put(id, o.status()));
    return out;
  }

  /**
   * The report the {@link Assessor} facade makes of a document. Note that the facade fills in
   * a missing {@code organization.as_of} with the current day.
   */
  public AssessmentReport assess(EvidenceDocument document) {
    return assessor.assess(document.toValue());
  }

  /** The JSON report (DESIGN §6) of a document, as {@code ctpat assess --format json} has it. */
  public String reportJson(EvidenceDocument document) {
    return ReportJson.write(assess(document));
  }

  private Value run(String query, EvidenceDocument document, String what) {
    try {
      return policy.evaluate(query, document.toValue()).orElseThrow();
    } catch (RegoException e) {
      throw new IllegalStateException("evaluating " + what + " failed: " + e.errors().stream()
          .map(RegoError::toString).collect(Collectors.joining("; ")), e);
    }
  }

  /** {@code found} is the array of a comprehension over the result rule: empty if undefined. */
  private static CriterionOutcome outcome(Criterion criterion, Value found) {
    List<Value> results = ((ArrayValue) found).elements();
    if (results.isEmpty()) {
      throw new IllegalStateException(criterion.packagePath() + ".result is undefined");
    }
    return CriterionOutcome.read(criterion.id(), results.get(0));
  }

  /** A query that is never undefined: an array of the result, empty when there is none. */
  private static String resultQuery(Criterion criterion) {
    return "[r | r := " + criterion.packagePath() + ".result]";
  }

  private static PreparedPolicy compile(PolicyPack pack) {
    Rego.Builder rego = Rego.builder().data(pack.data());
    pack.modules().forEach(rego::module);
    try {
      return rego.build();
    } catch (RegoException e) {
      throw new PolicyPackException(e.errors().stream().map(RegoError::toString).toList());
    }
  }

  /** The CTPAT pack {@link #ctpat()} evaluates; loaded once. */
  static PolicyPack ctpatPack() {
    return CtpatPack.PACK;
  }

  /** Loads the CTPAT pack on first use. */
  private static final class CtpatPack {
    static final PolicyPack PACK = load();

    private static PolicyPack load() {
      String dir = System.getProperty(PACK_PROPERTY);
      return dir == null || dir.isBlank()
          ? PolicyPack.bundled() : PolicyPack.fromDirectory(Path.of(dir));
    }
  }

  /** Compiles the CTPAT pack on first use. */
  private static final class Ctpat {
    static final PolicyHarness HARNESS = new PolicyHarness(
        Assessor.builder().pack(ctpatPack()).build());
  }
}
