package dev.ctpat.rego.syntax;

/** Small questions about terms that the parser's checks ask, answered as OPA answers them. */
final class Terms {
  private Terms() {}

  /** OPA's name for the kind of a term, as used in messages ({@code var}, {@code string}). */
  static String valueName(Term term) {
    if (term instanceof Term.Scalar s) {
      return s.value().typeName();
    } else if (term instanceof Term.Var) {
      return "var";
    } else if (term instanceof Term.Ref) {
      return "ref";
    } else if (term instanceof Term.ArrayTerm) {
      return "array";
    } else if (term instanceof Term.ObjectTerm) {
      return "object";
    } else if (term instanceof Term.SetTerm) {
      return "set";
    } else if (term instanceof Term.ArrayComprehension) {
      return "arraycomprehension";
    } else if (term instanceof Term.SetComprehension) {
      return "setcomprehension";
    } else if (term instanceof Term.ObjectComprehension) {
      return "objectcomprehension";
    }
    return "call";
  }

  /**
   * Whether a term contains no variables, with OPA's reading of refs and calls: their head and
   * operator do not count, so {@code input.x} and {@code f(1)} are ground.
   */
  static boolean isGround(Term term) {
    if (term instanceof Term.Scalar) {
      return true;
    } else if (term instanceof Term.Ref r) {
      return r.path().stream().allMatch(Terms::isGround);
    } else if (term instanceof Term.Call c) {
      return c.args().stream().allMatch(Terms::isGround);
    } else if (term instanceof Term.ArrayTerm a) {
      return a.items().stream().allMatch(Terms::isGround);
    } else if (term instanceof Term.SetTerm s) {
      return s.items().stream().allMatch(Terms::isGround);
    } else if (term instanceof Term.ObjectTerm o) {
      return o.items().stream().allMatch(i -> isGround(i.key()) && isGround(i.value()));
    }
    return false;
  }
}
