package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The engine's capabilities in OPA's {@code capabilities.json} format, so that OPA tooling
 * ({@code opa check --capabilities}) can tell whether a policy will run here.
 */
public final class Capabilities {
  private static final List<String> FUTURE_KEYWORDS = List.of("contains", "every", "if", "in");
  private static final List<String> FEATURES = List.of("rego_v1", "rule_head_ref_string_prefixes",
      "rule_head_refs", "rego_v1_import");

  private Capabilities() {}

  /** The capabilities document of every builtin in {@code registry}, sorted by name. */
  public static Value of(BuiltinRegistry registry) {
    List<Builtin> builtins = new ArrayList<>(registry.all());
    builtins.sort(Comparator.comparing(Builtin::name));
    List<Value> entries = new ArrayList<>();
    for (Builtin b : builtins) {
      ObjectValue.Builder e = ObjectValue.builder()
          .put("name", StringValue.of(b.name()))
          .put("decl", type(b.type()));
      if (b.nondeterministic()) {
        e.put("nondeterministic", BooleanValue.TRUE);
      }
      entries.add(e.build());
    }
    return ObjectValue.builder()
        .put("builtins", ArrayValue.of(entries))
        .put("future_keywords", strings(FUTURE_KEYWORDS))
        .put("wasm_abi_versions", ArrayValue.EMPTY)
        .put("features", strings(FEATURES))
        .build();
  }

  private static Value strings(List<String> xs) {
    return ArrayValue.of(xs.stream().map(s -> (Value) StringValue.of(s)).toList());
  }

  /** A type in OPA's JSON form ({@code {"type": "array", "dynamic": {...}}}, ...). */
  static Value type(Type t) {
    ObjectValue.Builder b = ObjectValue.builder();
    if (t instanceof Type.Any any) {
      b.put("type", StringValue.of("any"));
      if (!any.of().isEmpty()) {
        b.put("of", types(any.of()));
      }
    } else if (t instanceof Type.Null) {
      b.put("type", StringValue.of("null"));
    } else if (t instanceof Type.Boolean) {
      b.put("type", StringValue.of("boolean"));
    } else if (t instanceof Type.Number) {
      b.put("type", StringValue.of("number"));
    } else if (t instanceof Type.String) {
      b.put("type", StringValue.of("string"));
    } else if (t instanceof Type.Array a) {
      b.put("type", StringValue.of("array"));
      if (!a.statics().isEmpty()) {
        b.put("static", types(a.statics()));
      }
      if (a.dynamic() != null) {
        b.put("dynamic", type(a.dynamic()));
      }
    } else if (t instanceof Type.Set s) {
      b.put("type", StringValue.of("set")).put("of", type(s.of()));
    } else if (t instanceof Type.Object o) {
      b.put("type", StringValue.of("object"));
      if (!o.statics().isEmpty()) {
        List<Value> props = new ArrayList<>();
        o.statics().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p ->
            props.add(ObjectValue.builder().put("key", StringValue.of(p.getKey()))
                .put("value", type(p.getValue())).build()));
        b.put("static", ArrayValue.of(props));
      }
      if (o.dynamicKey() != null) {
        b.put("dynamic", ObjectValue.builder().put("key", type(o.dynamicKey()))
            .put("value", type(o.dynamicValue())).build());
      }
    } else if (t instanceof Type.Function f) {
      b.put("type", StringValue.of("function"));
      if (!f.args().isEmpty()) {
        b.put("args", types(f.args()));
      }
      b.put("result", type(f.result()));
      if (f.variadic() != null) {
        b.put("variadic", type(f.variadic()));
      }
    }
    return b.build();
  }

  private static Value types(List<Type> ts) {
    List<Value> out = new ArrayList<>();
    ts.forEach(x -> out.add(type(x)));
    return ArrayValue.of(out);
  }
}
