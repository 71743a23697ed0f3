package dev.ctpat.rego.eval;

import dev.ctpat.rego.compile.CompiledRule;
import dev.ctpat.rego.syntax.Annotation;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.Term;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of {@code rego.metadata.rule()} and {@code rego.metadata.chain()}: METADATA
 * annotations of the rule being evaluated, of its document, package and parent packages.
 */
final class Metadata {
  private Metadata() {}

  /** The rule's own (scope {@code rule}) annotations, or an empty object. */
  static Value rule(CompiledRule rule) {
    for (Annotation a : rule.source().annotations()) {
      if (a.scope().equals("rule")) {
        return toValue(a);
      }
    }
    return ObjectValue.EMPTY;
  }

  /** The chain from the rule up to the root package: entries of {@code path, annotations}. */
  static Value chain(CompiledRule rule, List<Module> modules) {
    List<Value> out = new ArrayList<>();
    Value rulePath = path(rule.path());
    Annotation own = null;
    Annotation document = null;
    for (Annotation a : rule.source().annotations()) {
      if (a.scope().equals("rule")) {
        own = a;
      } else if (a.scope().equals("document")) {
        document = a;
      }
    }
    out.add(entry(rulePath, own));
    if (document != null && own == null) {
      out.set(0, entry(rulePath, document));
    } else if (document != null) {
      out.add(entry(rulePath, document));
    }
    List<Value> pkg = packagePath(rule.module());
    for (int len = pkg.size(); len >= 0; len--) {
      List<Value> prefix = pkg.subList(0, len);
      for (Module m : modules) {
        if (!packagePath(m).equals(prefix)) {
          continue;
        }
        for (Annotation a : m.annotations()) {
          boolean applies = (len == pkg.size() && a.scope().equals("package"))
              || a.scope().equals("subpackages");
          if (applies) {
            out.add(entry(path(prefix), a));
          }
        }
      }
    }
    return ArrayValue.of(out);
  }

  private static Value entry(Value path, Annotation a) {
    ObjectValue.Builder b = ObjectValue.builder().put("path", path);
    if (a != null) {
      b.put("annotations", toValue(a));
    }
    return b.build();
  }

  private static Value toValue(Annotation a) {
    ObjectValue.Builder b = ObjectValue.builder();
    a.fields().forEach((k, v) -> b.put(k, Json.fromJava(v)));
    b.put("scope", StringValue.of(a.scope()));
    return b.build();
  }

  private static Value path(List<Value> p) {
    List<Value> out = new ArrayList<>();
    out.add(StringValue.of("data"));
    out.addAll(p);
    return ArrayValue.of(out);
  }

  private static List<Value> packagePath(Module m) {
    List<Value> p = new ArrayList<>();
    for (Term t : m.packagePath().path()) {
      if (t instanceof Term.Scalar s) {
        p.add(s.value());
      }
    }
    return p;
  }
}
