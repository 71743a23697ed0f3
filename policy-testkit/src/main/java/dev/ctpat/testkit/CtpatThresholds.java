package dev.ctpat.testkit;

import dev.ctpat.compliance.PolicyPack;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The default thresholds of a CTPAT pack ({@code data.ctpat.config.thresholds}, see the pack's
 * README): what a compliant document must meet and what a weakened one must miss. Read from the
 * pack rather than copied, so that the generators follow a change of the defaults.
 */
public final class CtpatThresholds {
  private final ObjectValue thresholds;

  private CtpatThresholds(ObjectValue thresholds) {
    this.thresholds = thresholds;
  }

  /** The thresholds of the pack {@link PolicyHarness#ctpat()} evaluates. */
  public static CtpatThresholds ctpat() {
    return Holder.CTPAT;
  }

  /**
   * The thresholds of a CTPAT-style pack.
   *
   * @throws IllegalArgumentException when the pack has no {@code data.ctpat.config.thresholds}
   */
  public static CtpatThresholds of(PolicyPack pack) {
    Value v = pack.data();
    for (String key : List.of("ctpat", "config", "thresholds")) {
      v = v instanceof ObjectValue o ? o.get(key) : null;
    }
    if (!(v instanceof ObjectValue o)) {
      throw new IllegalArgumentException(pack.origin() + " has no data.ctpat.config.thresholds");
    }
    return new CtpatThresholds(o);
  }

  /**
   * A whole-number threshold, e.g. {@code integer("backup_max_age_days")}.
   *
   * @throws IllegalArgumentException when the key is unknown or not a whole number
   */
  public int integer(String key) {
    return number(get(thresholds, key), key);
  }

  /** {@code evidence_max_age_days[kind]}: how old evidence of a top-level kind may be. */
  public int evidenceMaxAgeDays(String kind) {
    return number(get(object("evidence_max_age_days"), kind), "evidence_max_age_days." + kind);
  }

  /**
   * {@code remediation_days[severity]}: how long an open finding of that severity may stay
   * open; empty when there is no limit ({@code null}, as for {@code info}).
   */
  public OptionalInt remediationDays(String severity) {
    Value v = get(object("remediation_days"), severity);
    return v instanceof NullValue ? OptionalInt.empty()
        : OptionalInt.of(number(v, "remediation_days." + severity));
  }

  /** {@code min_tls_version}, e.g. {@code "1.2"}. */
  public String minTlsVersion() {
    if (get(thresholds, "min_tls_version") instanceof StringValue s) {
      return s.value();
    }
    throw new IllegalArgumentException("min_tls_version is no string");
  }

  /** {@code forbidden_exposed_ports}. */
  public List<Integer> forbiddenExposedPorts() {
    if (get(thresholds, "forbidden_exposed_ports") instanceof ArrayValue a) {
      return a.elements().stream().map(p -> number(p, "forbidden_exposed_ports[]")).toList();
    }
    throw new IllegalArgumentException("forbidden_exposed_ports is no array");
  }

  private ObjectValue object(String key) {
    if (get(thresholds, key) instanceof ObjectValue o) {
      return o;
    }
    throw new IllegalArgumentException(key + " is no object");
  }

  private static Value get(ObjectValue o, String key) {
    Value v = o.get(Objects.requireNonNull(key, "key"));
    if (v == null) {
      throw new IllegalArgumentException("unknown threshold " + key);
    }
    return v;
  }

  private static int number(Value v, String key) {
    if (v instanceof NumberValue n && n.isInteger()) {
      return n.bigDecimal().intValueExact();
    }
    throw new IllegalArgumentException("threshold " + key + " is no whole number: " + v);
  }

  private static final class Holder {
    static final CtpatThresholds CTPAT = of(PolicyHarness.ctpatPack());
  }
}
