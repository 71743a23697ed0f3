package dev.ctpat.rego.types;

import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.Map;

/**
 * A Rego type as OPA's type checker and capabilities file describe it. Types declare builtin
 * signatures; {@link #accepts} checks a value against the declaration.
 */
public sealed interface Type
    permits Type.Any, Type.Null, Type.Boolean, Type.Number, Type.String, Type.Array, Type.Set,
        Type.Object, Type.Function {

  /** True when {@code v} is a member of this type. */
  boolean accepts(Value v);

  /** {@code any}, or a union when {@code of} is not empty. */
  record Any(List<Type> of) implements Type {
    public Any {
      of = List.copyOf(of);
    }

    @Override
    public boolean accepts(Value v) {
      if (of.isEmpty()) {
        return true;
      }
      for (Type t : of) {
        if (t.accepts(v)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The type of {@code null}. */
  record Null() implements Type {
    @Override
    public boolean accepts(Value v) {
      return v.kind() == Value.Kind.NULL;
    }
  }

  /** The type of booleans. */
  record Boolean() implements Type {
    @Override
    public boolean accepts(Value v) {
      return v.kind() == Value.Kind.BOOLEAN;
    }
  }

  /** The type of numbers. */
  record Number() implements Type {
    @Override
    public boolean accepts(Value v) {
      return v.kind() == Value.Kind.NUMBER;
    }
  }

  /** The type of strings. */
  record String() implements Type {
    @Override
    public boolean accepts(Value v) {
      return v.kind() == Value.Kind.STRING;
    }
  }

  /** Arrays with a fixed prefix of element types ({@code statics}) and a dynamic rest. */
  record Array(List<Type> statics, Type dynamic) implements Type {
    public Array {
      statics = List.copyOf(statics);
    }

    @Override
    public boolean accepts(Value v) {
      if (!(v instanceof ArrayValue a)) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        Type t = i < statics.size() ? statics.get(i) : dynamic;
        if (t == null || !t.accepts(a.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  /** Sets whose members are of type {@code of}. */
  record Set(Type of) implements Type {
    @Override
    public boolean accepts(Value v) {
      if (!(v instanceof SetValue s)) {
        return false;
      }
      for (Value e : s.elements()) {
        if (!of.accepts(e)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Objects with fixed properties and dynamic keys and values ({@code null} for none). */
  record Object(Map<java.lang.String, Type> statics, Type dynamicKey, Type dynamicValue)
      implements Type {
    public Object {
      statics = Map.copyOf(statics);
    }

    @Override
    public boolean accepts(Value v) {
      if (!(v instanceof ObjectValue o)) {
        return false;
      }
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
        Type st = e.getKey() instanceof dev.ctpat.rego.value.StringValue s
            ? statics.get(s.value()) : null;
        if (st != null) {
          if (!st.accepts(e.getValue())) {
            return false;
          }
        } else if (dynamicKey == null || !dynamicKey.accepts(e.getKey())
            || !dynamicValue.accepts(e.getValue())) {
          return false;
        }
      }
      return true;
    }
  }

  /** A function signature: argument types, an optional variadic type, a result type. */
  record Function(List<Type> args, Type variadic, Type result) implements Type {
    public Function {
      args = List.copyOf(args);
    }

    @Override
    public boolean accepts(Value v) {
      return false;
    }
  }
}
