package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.GraphqlAst.Argument;
import dev.ctpat.rego.builtins.GraphqlAst.ArgumentDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.ChildValue;
import dev.ctpat.rego.builtins.GraphqlAst.Definition;
import dev.ctpat.rego.builtins.GraphqlAst.Directive;
import dev.ctpat.rego.builtins.GraphqlAst.DirectiveDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.Field;
import dev.ctpat.rego.builtins.GraphqlAst.FieldDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.FragmentDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.FragmentSpread;
import dev.ctpat.rego.builtins.GraphqlAst.InlineFragment;
import dev.ctpat.rego.builtins.GraphqlAst.Operation;
import dev.ctpat.rego.builtins.GraphqlAst.Pos;
import dev.ctpat.rego.builtins.GraphqlAst.QueryDocument;
import dev.ctpat.rego.builtins.GraphqlAst.Selection;
import dev.ctpat.rego.builtins.GraphqlAst.TypeRef;
import dev.ctpat.rego.builtins.GraphqlAst.Value;
import dev.ctpat.rego.builtins.GraphqlAst.VariableDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates an executable document against a schema as gqlparser does. A walk visits every
 * operation (entering each fragment it spreads once per operation) and then every fragment,
 * resolving each node against the schema, and announces each node to {@link GraphqlRules} once
 * its children are done; the rules report errors in the order the walk meets them.
 *
 * <p>What the walk resolves for a node (a field's definition, a value's expected type, ...) lives
 * here, keyed by node identity. Like gqlparser, which stores it on the nodes, a later walk over
 * the same node (a fragment spread by several operations) overwrites it, and some of it is only
 * set under conditions, so the rules see the same state gqlparser's do.
 */
final class GraphqlValidator {
  private static final FieldDefinition TYPENAME = new FieldDefinition("", "__typename",
      List.of(), null, TypeRef.named("String", false), List.of(), null);

  private final GraphqlSchema schema;
  private final QueryDocument document;
  private final GraphqlRules rules;
  private final List<GraphqlError> errors = new ArrayList<>();

  private final Map<Field, FieldDefinition> fieldDefinitions = new IdentityHashMap<>();
  private final Map<Selection, Definition> parentTypes = new IdentityHashMap<>();
  private final Map<FragmentSpread, FragmentDefinition> spreadFragments =
      new IdentityHashMap<>();
  private final Map<FragmentDefinition, Definition> fragmentTypes = new IdentityHashMap<>();
  private final Map<Directive, DirectiveDefinition> directiveDefinitions =
      new IdentityHashMap<>();
  private final Map<Directive, String> directiveLocations = new IdentityHashMap<>();
  private final Map<Value, TypeRef> expectedTypes = new IdentityHashMap<>();
  private final Map<Value, Definition> valueTypes = new IdentityHashMap<>();
  private final Map<Value, VariableDefinition> valueVariables = new IdentityHashMap<>();
  private final Map<VariableDefinition, Definition> variableTypes = new IdentityHashMap<>();
  private final Set<VariableDefinition> usedVariables =
      Collections.newSetFromMap(new IdentityHashMap<>());

  private Operation currentOperation;
  private Set<String> enteredFragments = new HashSet<>();

  private GraphqlValidator(GraphqlSchema schema, QueryDocument document) {
    this.schema = schema;
    this.document = document;
    this.rules = new GraphqlRules(this);
  }

  /** Every error in {@code document} against {@code schema}, in gqlparser's order. */
  static List<GraphqlError> validate(GraphqlSchema schema, QueryDocument document) {
    GraphqlValidator v = new GraphqlValidator(schema, document);
    for (Operation op : document.operations()) {
      v.enteredFragments = new HashSet<>();
      v.walkOperation(op);
    }
    for (FragmentDefinition fragment : document.fragments()) {
      v.enteredFragments = new HashSet<>();
      v.walkFragment(fragment);
    }
    return v.errors;
  }

  // ---- What the rules may ask ----

  GraphqlSchema schema() {
    return schema;
  }

  QueryDocument document() {
    return document;
  }

  /** The operation being walked; null while walking fragments on their own. */
  Operation currentOperation() {
    return currentOperation;
  }

  void report(String message, Pos pos) {
    errors.add(new GraphqlError(message, pos));
  }

  FieldDefinition definition(Field f) {
    return fieldDefinitions.get(f);
  }

  /** The type a field, inline fragment or fragment spread was selected on. */
  Definition parentType(Selection s) {
    return parentTypes.get(s);
  }

  FragmentDefinition fragment(FragmentSpread s) {
    return spreadFragments.get(s);
  }

  Definition typeCondition(FragmentDefinition f) {
    return fragmentTypes.get(f);
  }

  DirectiveDefinition definition(Directive d) {
    return directiveDefinitions.get(d);
  }

  String location(Directive d) {
    return directiveLocations.get(d);
  }

  TypeRef expectedType(Value v) {
    return expectedTypes.get(v);
  }

  Definition type(Value v) {
    return valueTypes.get(v);
  }

  VariableDefinition variable(Value v) {
    return valueVariables.get(v);
  }

  Definition type(VariableDefinition v) {
    return variableTypes.get(v);
  }

  boolean isUsed(VariableDefinition v) {
    return v.used() || usedVariables.contains(v);
  }

  // ---- The walk ----

  private void walkOperation(Operation op) {
    currentOperation = op;
    for (VariableDefinition variable : op.variableDefinitions()) {
      Definition type = schema.type(variable.type().name());
      variableTypes.put(variable, type);
      rules.onVariable(variable);
      if (variable.defaultValue() != null) {
        expectedTypes.put(variable.defaultValue(), variable.type());
        valueTypes.put(variable.defaultValue(), type);
      }
    }
    for (VariableDefinition variable : op.variableDefinitions()) {
      if (variable.defaultValue() != null) {
        walkValue(variable.defaultValue());
      }
      walkDirectives(variable.directives(), "VARIABLE_DEFINITION");
    }
    Definition root = schema.rootType(op.operation());
    walkDirectives(op.directives(), rootLocation(op.operation()));
    walkSelectionSet(root, op.selectionSet());
    rules.onOperation(op);
    currentOperation = null;
  }

  private static String rootLocation(String operation) {
    return switch (operation) {
      case "query", "" -> "QUERY";
      case "mutation" -> "MUTATION";
      case "subscription" -> "SUBSCRIPTION";
      default -> "";
    };
  }

  private void walkFragment(FragmentDefinition fragment) {
    Definition type = schema.type(fragment.typeCondition());
    fragmentTypes.put(fragment, type);
    walkDirectives(fragment.directives(), "FRAGMENT_DEFINITION");
    walkSelectionSet(type, fragment.selectionSet());
    rules.onFragment(fragment);
  }

  private void walkDirectives(List<Directive> directives, String location) {
    for (Directive d : directives) {
      DirectiveDefinition def = schema.directive(d.name());
      directiveDefinitions.put(d, def);
      directiveLocations.put(d, location);
      for (Argument arg : d.arguments()) {
        walkArgument(def == null ? null : def.argument(arg.name()), arg);
      }
      rules.onDirective(d);
    }
    rules.onDirectiveList(directives);
  }

  private void walkArgument(ArgumentDefinition def, Argument arg) {
    if (def != null) {
      expectedTypes.put(arg.value(), def.type());
      valueTypes.put(arg.value(), schema.type(def.type().name()));
    }
    walkValue(arg.value());
  }

  private void walkValue(Value value) {
    if (value.kind() == GraphqlAst.VARIABLE && currentOperation != null) {
      VariableDefinition variable = currentOperation.variable(value.raw());
      valueVariables.put(value, variable);
      if (variable != null) {
        usedVariables.add(variable);
      }
    }
    if (value.kind() == GraphqlAst.OBJECT) {
      Definition type = valueTypes.get(value);
      for (ChildValue child : value.children()) {
        FieldDefinition field = type == null ? null : type.field(child.name());
        if (field != null) {
          expectedTypes.put(child.value(), field.type());
          valueTypes.put(child.value(), schema.type(field.type().name()));
        }
        walkValue(child.value());
      }
    }
    if (value.kind() == GraphqlAst.LIST) {
      TypeRef expected = expectedTypes.get(value);
      for (ChildValue child : value.children()) {
        if (expected != null && expected.elem() != null) {
          expectedTypes.put(child.value(), expected.elem());
          valueTypes.put(child.value(), valueTypes.get(value));
        }
        walkValue(child.value());
      }
    }
    rules.onValue(value);
  }

  private void walkSelectionSet(Definition parent, List<Selection> selections) {
    for (Selection s : selections) {
      parentTypes.put(s, parent);
      if (s instanceof Field f) {
        walkField(parent, f);
      } else if (s instanceof InlineFragment f) {
        walkInlineFragment(parent, f);
      } else {
        walkFragmentSpread((FragmentSpread) s);
      }
    }
  }

  private void walkField(Definition parent, Field field) {
    FieldDefinition def = null;
    if (field.name().equals("__typename")) {
      def = TYPENAME;
    } else if (parent != null) {
      def = parent.field(field.name());
    }
    fieldDefinitions.put(field, def);
    Definition type = def == null ? null : schema.type(def.type().name());
    for (Argument arg : field.arguments()) {
      walkArgument(def == null ? null : def.argument(arg.name()), arg);
    }
    walkDirectives(field.directives(), "FIELD");
    walkSelectionSet(type, field.selectionSet());
    rules.onField(field);
  }

  private void walkInlineFragment(Definition parent, InlineFragment fragment) {
    Definition type = fragment.typeCondition().isEmpty()
        ? parent
        : schema.type(fragment.typeCondition());
    walkDirectives(fragment.directives(), "INLINE_FRAGMENT");
    walkSelectionSet(type, fragment.selectionSet());
    rules.onInlineFragment(fragment);
  }

  private void walkFragmentSpread(FragmentSpread spread) {
    FragmentDefinition fragment = document.fragment(spread.name());
    spreadFragments.put(spread, fragment);
    walkDirectives(spread.directives(), "FRAGMENT_SPREAD");
    // Each fragment is entered once per operation, which also stops cycles.
    if (fragment != null && enteredFragments.add(fragment.name())) {
      walkSelectionSet(schema.type(fragment.typeCondition()), fragment.selectionSet());
    }
    rules.onFragmentSpread(spread);
  }
}
