package dev.ctpat.rego.compile;

import dev.ctpat.rego.syntax.Location;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.Rule;
import dev.ctpat.rego.value.Value;
import java.util.List;

/**
 * One compiled rule definition (one element of an {@code else} chain is its own
 * CompiledRule, linked by {@link #elseRule}).
 *
 * @param kind what the rule defines
 * @param isDefault true for {@code default} rules
 * @param path the absolute static path below data where the rule's document lives
 * @param keys for {@link Kind#OBJECT}, the dynamic key terms below {@code path}
 * @param member for {@link Kind#SET}, the member term
 * @param value the value term (complete, object and function rules)
 * @param args the parameter patterns of a function
 * @param body the reordered body
 * @param elseRule the next rule of the else chain, or null
 * @param frameSize how many variable slots an evaluation of this rule needs
 * @param location where the rule starts
 * @param source the rule as parsed
 * @param module the module the rule is in
 */
public record CompiledRule(
    Kind kind,
    boolean isDefault,
    List<Value> path,
    List<Ir.Node> keys,
    Ir.Node member,
    Ir.Node value,
    List<Ir.Node> args,
    Ir.Body body,
    CompiledRule elseRule,
    int frameSize,
    Location location,
    Rule source,
    Module module) {

  /** What a rule defines at its path. */
  public enum Kind {
    /** One value: {@code p := v}, {@code p.q.r := v}. */
    COMPLETE,
    /** Members of a set: {@code p contains x}. */
    SET,
    /** Entries of an object with dynamic keys: {@code p[k] := v}, {@code p.q[r].s := v}. */
    OBJECT,
    /** A function: {@code f(x) := y}. */
    FUNCTION
  }
}
