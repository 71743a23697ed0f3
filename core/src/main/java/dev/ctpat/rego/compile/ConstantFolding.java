package dev.ctpat.rego.compile;

import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Turns array, set and object terms whose members are all constants into constants. */
final class ConstantFolding {
  private ConstantFolding() {}

  static Ir.Node fold(Ir.Node n) {
    if (n instanceof Ir.ArrayNode a) {
      List<Value> vs = constants(a.items());
      return vs == null ? a : new Ir.Const(ArrayValue.of(vs), a.location());
    } else if (n instanceof Ir.SetNode s) {
      List<Value> vs = constants(s.items());
      return vs == null ? s : new Ir.Const(SetValue.of(vs), s.location());
    } else if (n instanceof Ir.ObjectNode o) {
      List<Value> ks = constants(o.keys());
      List<Value> vs = constants(o.values());
      if (ks == null || vs == null) {
        return o;
      }
      ObjectValue.Builder b = ObjectValue.builder();
      for (int i = 0; i < ks.size(); i++) {
        b.put(ks.get(i), vs.get(i)); // as in OPA, a repeated key keeps its last value
      }
      return new Ir.Const(b.build(), o.location());
    } else {
      return n;
    }
  }

  private static List<Value> constants(List<Ir.Node> nodes) {
    List<Value> out = new ArrayList<>(nodes.size());
    for (Ir.Node n : nodes) {
      if (!(n instanceof Ir.Const c)) {
        return null;
      }
      out.add(c.value());
    }
    return out;
  }
}
