package dev.ctpat.rego.eval;

import dev.ctpat.rego.compile.CompiledRule;
import dev.ctpat.rego.syntax.Annotation;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.Rule;
import dev.ctpat.rego.syntax.Term;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of {@code rego.metadata.rule()} and {@code rego.metadata.chain()}: METADATA
 * annotations of the rule being evaluated, of its document (any definition of the same rule),
 * of its package and of the packages above it, as OPA reports them.
 */
final class Metadata {
  private static final Pattern AUTHOR = Pattern.compile("^(.*?)\\s*<([^>]*)>\\s*$");

  private Metadata() {}

  /** The rule's own (scope {@code rule}) annotations, or an empty object. */
  static Value rule(CompiledRule rule) {
    Annotation own = scoped(rule.source(), "rule");
    return own == null ? ObjectValue.EMPTY : toValue(own);
  }

  /** The chain from the rule up to the root package: entries of {@code path, annotations}. */
  static Value chain(CompiledRule rule, List<Module> modules) {
    List<Value> out = new ArrayList<>();
    Value rulePath = path(rule.path());
    Annotation own = scoped(rule.source(), "rule");
    Annotation document = documentAnnotation(rule, modules);
    if (own != null || document == null) {
      out.add(entry(rulePath, own));
    }
    if (document != null) {
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
          if ((len == pkg.size() && a.scope().equals("package"))
              || a.scope().equals("subpackages")) {
            out.add(entry(path(prefix), a));
          }
        }
      }
    }
    return ArrayValue.of(out);
  }

  private static Annotation scoped(Rule rule, String scope) {
    for (Annotation a : rule.annotations()) {
      if (a.scope().equals(scope)) {
        return a;
      }
    }
    return null;
  }

  /** A {@code document}-scoped annotation on any definition of the rule's document. */
  private static Annotation documentAnnotation(CompiledRule rule, List<Module> modules) {
    Annotation own = scoped(rule.source(), "document");
    if (own != null) {
      return own;
    }
    List<Value> pkg = packagePath(rule.module());
    List<Value> relative = rule.path().subList(Math.min(pkg.size(), rule.path().size()),
        rule.path().size());
    for (Module m : modules) {
      if (!packagePath(m).equals(pkg)) {
        continue;
      }
      for (Rule r : m.rules()) {
        Annotation a = scoped(r, "document");
        if (a != null && staticHead(r).equals(relative)) {
          return a;
        }
      }
    }
    return null;
  }

  private static List<Value> staticHead(Rule r) {
    List<Value> out = new ArrayList<>();
    out.add(StringValue.of(((Term.Var) r.head().head()).name()));
    for (Term t : r.head().path()) {
      if (!(t instanceof Term.Scalar s)) {
        break;
      }
      out.add(s.value());
    }
    return out;
  }

  private static Value entry(Value path, Annotation a) {
    ObjectValue.Builder b = ObjectValue.builder().put("path", path);
    if (a != null) {
      b.put("annotations", toValue(a));
    }
    return b.build();
  }

  /** The annotation as OPA renders it: its fields, the scope, authors as name/email objects. */
  private static Value toValue(Annotation a) {
    ObjectValue.Builder b = ObjectValue.builder();
    for (Map.Entry<String, Object> e : a.fields().entrySet()) {
      Value v = Json.fromJava(e.getValue());
      b.put(e.getKey(), e.getKey().equals("authors") ? authors(v) : v);
    }
    b.put("scope", StringValue.of(a.scope()));
    return b.build();
  }

  private static Value authors(Value v) {
    if (!(v instanceof ArrayValue list)) {
      return v;
    }
    List<Value> out = new ArrayList<>();
    for (Value author : list.elements()) {
      if (author instanceof StringValue s) {
        Matcher m = AUTHOR.matcher(s.value());
        ObjectValue.Builder b = ObjectValue.builder();
        if (m.matches()) {
          if (!m.group(1).isEmpty()) {
            b.put("name", StringValue.of(m.group(1)));
          }
          b.put("email", StringValue.of(m.group(2)));
        } else {
          b.put("name", StringValue.of(s.value().strip()));
        }
        out.add(b.build());
      } else {
        out.add(author);
      }
    }
    return ArrayValue.of(out);
  }

  /** A document path as OPA's chain reports it: the segments below {@code data}. */
  private static Value path(List<Value> p) {
    return ArrayValue.of(p);
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
