package dev.ctpat.rego.compile;

import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An index over the rules of one document on a ground equality their bodies share, such as
 * {@code input.method == "GET"}: evaluation reads the ref once and tries only the rules whose
 * constant matches, plus the rules that do not test it. Rules keep their source order.
 */
public final class RuleIndex {
  /** Below this many rules a linear scan is as fast as a lookup. */
  static final int MIN_RULES = 4;

  private final Ir.Ref ref;
  private final Map<Value, List<CompiledRule>> byValue;
  private final List<CompiledRule> unindexed;
  private final List<CompiledRule> all;

  private RuleIndex(Ir.Ref ref, Map<Value, List<CompiledRule>> byValue,
      List<CompiledRule> unindexed, List<CompiledRule> all) {
    this.ref = ref;
    this.byValue = byValue;
    this.unindexed = unindexed;
    this.all = all;
  }

  /** The ground ref ({@code input.x.y} or {@code data.a.b}) the index is keyed on. */
  public Ir.Ref ref() {
    return ref;
  }

  /**
   * The rules that can succeed when the ref has value {@code v} ({@code null} when the ref is
   * undefined), in source order.
   */
  public List<CompiledRule> candidates(Value v) {
    List<CompiledRule> hit = v == null ? null : byValue.get(v);
    if (hit == null) {
      return unindexed;
    }
    if (unindexed.isEmpty()) {
      return hit;
    }
    List<CompiledRule> out = new ArrayList<>(hit.size() + unindexed.size());
    for (CompiledRule r : all) {
      if (hit.contains(r) || unindexed.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** An index for {@code rules}, or null when none would pay off. */
  static RuleIndex build(List<CompiledRule> rules) {
    if (rules.size() < MIN_RULES) {
      return null;
    }
    Map<Ir.Ref, Integer> counts = new LinkedHashMap<>();
    Map<Ir.Ref, Ir.Ref> canonical = new HashMap<>();
    for (CompiledRule r : rules) {
      for (Equality e : equalities(r)) {
        Ir.Ref key = canonical.computeIfAbsent(strip(e.ref()), k -> e.ref());
        counts.merge(strip(key), 1, Integer::sum);
      }
    }
    Ir.Ref best = null;
    int bestCount = 0;
    for (Map.Entry<Ir.Ref, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    if (best == null || bestCount < MIN_RULES / 2) {
      return null;
    }
    Map<Value, List<CompiledRule>> byValue = new HashMap<>();
    List<CompiledRule> unindexed = new ArrayList<>();
    for (CompiledRule r : rules) {
      Value v = null;
      for (Equality e : equalities(r)) {
        if (strip(e.ref()).equals(best)) {
          v = e.value();
          break;
        }
      }
      if (v == null) {
        unindexed.add(r);
      } else {
        byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
      }
    }
    return new RuleIndex(canonical.get(best), byValue, unindexed, List.copyOf(rules));
  }

  private record Equality(Ir.Ref ref, Value value) {}

  /** Ground equalities of a rule's top-level body (and not of its else branches). */
  private static List<Equality> equalities(CompiledRule r) {
    List<Equality> out = new ArrayList<>();
    if (r.elseRule() != null) {
      return out;
    }
    for (Ir.Literal lit : r.body().literals()) {
      if (lit.negated() || !lit.withs().isEmpty()) {
        continue;
      }
      Ir.Node a = null;
      Ir.Node b = null;
      if (lit.expr() instanceof Ir.Unify u) {
        a = u.left();
        b = u.right();
      } else if (lit.expr() instanceof Ir.TermExpr t && t.term() instanceof Ir.Call c
          && c.builtin() != null && c.builtin().name().equals("equal") && c.output() == null) {
        a = c.args().get(0);
        b = c.args().get(1);
      }
      if (a == null) {
        continue;
      }
      if (groundRef(a) && b instanceof Ir.Const k) {
        out.add(new Equality((Ir.Ref) a, k.value()));
      } else if (groundRef(b) && a instanceof Ir.Const k) {
        out.add(new Equality((Ir.Ref) b, k.value()));
      }
    }
    return out;
  }

  private static boolean groundRef(Ir.Node n) {
    if (!(n instanceof Ir.Ref r) || !(r.head() instanceof Ir.InputRoot)) {
      return false;
    }
    for (Ir.Node p : r.path()) {
      if (!(p instanceof Ir.Const)) {
        return false;
      }
    }
    return true;
  }

  /** The ref without source locations, so equal refs from different rules compare equal. */
  private static Ir.Ref strip(Ir.Ref r) {
    List<Ir.Node> path = new ArrayList<>();
    for (Ir.Node p : r.path()) {
      path.add(new Ir.Const(((Ir.Const) p).value(), dev.ctpat.rego.syntax.Location.UNKNOWN));
    }
    return new Ir.Ref(new Ir.InputRoot(dev.ctpat.rego.syntax.Location.UNKNOWN), path,
        dev.ctpat.rego.syntax.Location.UNKNOWN);
  }
}
