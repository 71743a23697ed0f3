package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.GraphqlAst.Argument;
import dev.ctpat.rego.builtins.GraphqlAst.ArgumentDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.ChildValue;
import dev.ctpat.rego.builtins.GraphqlAst.Definition;
import dev.ctpat.rego.builtins.GraphqlAst.Directive;
import dev.ctpat.rego.builtins.GraphqlAst.DirectiveDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.EnumValueDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.Field;
import dev.ctpat.rego.builtins.GraphqlAst.FieldDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.FragmentDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.FragmentSpread;
import dev.ctpat.rego.builtins.GraphqlAst.InlineFragment;
import dev.ctpat.rego.builtins.GraphqlAst.Operation;
import dev.ctpat.rego.builtins.GraphqlAst.OperationTypeDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.QueryDocument;
import dev.ctpat.rego.builtins.GraphqlAst.SchemaDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.SchemaDocument;
import dev.ctpat.rego.builtins.GraphqlAst.Selection;
import dev.ctpat.rego.builtins.GraphqlAst.TypeRef;
import dev.ctpat.rego.builtins.GraphqlAst.VariableDefinition;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns GraphQL trees into the objects OPA returns: each gqlparser struct becomes an object keyed
 * by its Go field names, and, as OPA prunes them, positions, nulls and empty arrays and objects
 * are left out while empty strings and {@code false} stay.
 */
final class GraphqlAstEncoder {
  private GraphqlAstEncoder() {}

  static ObjectValue encode(QueryDocument doc) {
    return new Node()
        .put("Operations", list(doc.operations(), GraphqlAstEncoder::operation))
        .put("Fragments", list(doc.fragments(), GraphqlAstEncoder::fragment))
        .build();
  }

  static ObjectValue encode(SchemaDocument doc) {
    return new Node()
        .put("Schema", list(doc.schema(), GraphqlAstEncoder::schemaDefinition))
        .put("SchemaExtension", list(doc.schemaExtension(), GraphqlAstEncoder::schemaDefinition))
        .put("Directives", list(doc.directives(), GraphqlAstEncoder::directiveDefinition))
        .put("Definitions", list(doc.definitions(), GraphqlAstEncoder::definition))
        .put("Extensions", list(doc.extensions(), GraphqlAstEncoder::definition))
        .build();
  }

  /** An object under construction that drops the members OPA prunes. */
  private static final class Node {
    private final ObjectValue.Builder builder = ObjectValue.builder();

    Node put(String key, Value value) {
      if (!isPruned(value)) {
        builder.put(key, value);
      }
      return this;
    }

    Node put(String key, String value) {
      return put(key, StringValue.of(value));
    }

    Node put(String key, boolean value) {
      return put(key, BooleanValue.of(value));
    }

    ObjectValue build() {
      return builder.build();
    }
  }

  private static boolean isPruned(Value v) {
    return v == null || (v instanceof ArrayValue a && a.isEmpty())
        || (v instanceof ObjectValue o && o.isEmpty());
  }

  private static <T> ArrayValue list(List<T> items, Function<T, Value> encode) {
    List<Value> out = new ArrayList<>();
    for (T item : items) {
      Value v = encode.apply(item);
      if (!isPruned(v)) {
        out.add(v);
      }
    }
    return ArrayValue.of(out);
  }

  private static ArrayValue strings(List<String> items) {
    return list(items, StringValue::of);
  }

  private static Value operation(Operation op) {
    return new Node()
        .put("Operation", op.operation())
        .put("Name", op.name())
        .put("VariableDefinitions", list(op.variableDefinitions(), GraphqlAstEncoder::variable))
        .put("Directives", list(op.directives(), GraphqlAstEncoder::directive))
        .put("SelectionSet", list(op.selectionSet(), GraphqlAstEncoder::selection))
        .build();
  }

  private static Value variable(VariableDefinition v) {
    return new Node()
        .put("Variable", v.variable())
        .put("Type", type(v.type()))
        .put("DefaultValue", value(v.defaultValue()))
        .put("Directives", list(v.directives(), GraphqlAstEncoder::directive))
        .put("Used", v.used())
        .build();
  }

  private static Value fragment(FragmentDefinition f) {
    return new Node()
        .put("Name", f.name())
        .put("VariableDefinition", list(f.variableDefinition(), GraphqlAstEncoder::variable))
        .put("TypeCondition", f.typeCondition())
        .put("Directives", list(f.directives(), GraphqlAstEncoder::directive))
        .put("SelectionSet", list(f.selectionSet(), GraphqlAstEncoder::selection))
        .build();
  }

  private static Value selection(Selection s) {
    if (s instanceof Field f) {
      return new Node()
          .put("Alias", f.alias())
          .put("Name", f.name())
          .put("Arguments", list(f.arguments(), GraphqlAstEncoder::argument))
          .put("Directives", list(f.directives(), GraphqlAstEncoder::directive))
          .put("SelectionSet", list(f.selectionSet(), GraphqlAstEncoder::selection))
          .build();
    }
    if (s instanceof FragmentSpread f) {
      return new Node()
          .put("Name", f.name())
          .put("Directives", list(f.directives(), GraphqlAstEncoder::directive))
          .build();
    }
    InlineFragment f = (InlineFragment) s;
    return new Node()
        .put("TypeCondition", f.typeCondition())
        .put("Directives", list(f.directives(), GraphqlAstEncoder::directive))
        .put("SelectionSet", list(f.selectionSet(), GraphqlAstEncoder::selection))
        .build();
  }

  private static Value argument(Argument a) {
    return new Node().put("Name", a.name()).put("Value", value(a.value())).build();
  }

  private static Value directive(Directive d) {
    return new Node()
        .put("Name", d.name())
        .put("Arguments", list(d.arguments(), GraphqlAstEncoder::argument))
        .put("Location", d.location())
        .build();
  }

  private static Value value(GraphqlAst.Value v) {
    if (v == null) {
      return null;
    }
    return new Node()
        .put("Raw", v.raw())
        .put("Children", list(v.children(), GraphqlAstEncoder::child))
        .put("Kind", NumberValue.of(v.kind()))
        .build();
  }

  private static Value child(ChildValue c) {
    return new Node().put("Name", c.name()).put("Value", value(c.value())).build();
  }

  private static Value type(TypeRef t) {
    if (t == null) {
      return null;
    }
    return new Node()
        .put("NamedType", t.namedType())
        .put("Elem", type(t.elem()))
        .put("NonNull", t.nonNull())
        .build();
  }

  private static Value schemaDefinition(SchemaDefinition s) {
    return new Node()
        .put("Description", s.description())
        .put("Directives", list(s.directives(), GraphqlAstEncoder::directive))
        .put("OperationTypes", list(s.operationTypes(), GraphqlAstEncoder::operationType))
        .build();
  }

  private static Value operationType(OperationTypeDefinition o) {
    return new Node().put("Operation", o.operation()).put("Type", o.type()).build();
  }

  private static Value definition(Definition d) {
    return new Node()
        .put("Kind", d.kind())
        .put("Description", d.description())
        .put("Name", d.name())
        .put("Directives", list(d.directives(), GraphqlAstEncoder::directive))
        .put("Interfaces", strings(d.interfaces()))
        .put("Fields", list(d.fields(), GraphqlAstEncoder::fieldDefinition))
        .put("Types", strings(d.types()))
        .put("EnumValues", list(d.enumValues(), GraphqlAstEncoder::enumValue))
        .put("BuiltIn", d.builtIn())
        .build();
  }

  private static Value fieldDefinition(FieldDefinition f) {
    return new Node()
        .put("Description", f.description())
        .put("Name", f.name())
        .put("Arguments", list(f.arguments(), GraphqlAstEncoder::argumentDefinition))
        .put("DefaultValue", value(f.defaultValue()))
        .put("Type", type(f.type()))
        .put("Directives", list(f.directives(), GraphqlAstEncoder::directive))
        .build();
  }

  private static Value argumentDefinition(ArgumentDefinition a) {
    return new Node()
        .put("Description", a.description())
        .put("Name", a.name())
        .put("DefaultValue", value(a.defaultValue()))
        .put("Type", type(a.type()))
        .put("Directives", list(a.directives(), GraphqlAstEncoder::directive))
        .build();
  }

  private static Value enumValue(EnumValueDefinition e) {
    return new Node()
        .put("Description", e.description())
        .put("Name", e.name())
        .put("Directives", list(e.directives(), GraphqlAstEncoder::directive))
        .build();
  }

  private static Value directiveDefinition(DirectiveDefinition d) {
    return new Node()
        .put("Description", d.description())
        .put("Name", d.name())
        .put("Arguments", list(d.arguments(), GraphqlAstEncoder::argumentDefinition))
        .put("Locations", strings(d.locations()))
        .put("IsRepeatable", d.isRepeatable())
        .build();
  }
}
