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
import dev.ctpat.rego.builtins.GraphqlAst.Pos;
import dev.ctpat.rego.builtins.GraphqlAst.Selection;
import dev.ctpat.rego.builtins.GraphqlAst.TypeRef;
import dev.ctpat.rego.builtins.GraphqlAst.Value;
import dev.ctpat.rego.builtins.GraphqlAst.VariableDefinition;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * gqlparser's validation rules (the spec's "Validation" section), applied to the nodes
 * {@link GraphqlValidator} announces. For each kind of node the rules run in gqlparser's order
 * (its rules register alphabetically by file), so errors come out in the same order, with the
 * same messages, as OPA reports them.
 */
final class GraphqlRules {
  private static final Pattern GO_INT = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern GO_DECIMAL_FLOAT =
      Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final Pattern GO_SPECIAL_FLOAT =
      Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
  private static final Set<String> GO_BOOLS =
      Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False");
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  private final GraphqlValidator v;
  private final GraphqlOverlappingFields overlappingFields;

  /** KnownDirectives: a directive use, by name and position, reported once if misplaced. */
  private record DirectiveUse(String name, Pos pos) {}

  private final Set<DirectiveUse> misplacedDirectives = new HashSet<>();
  /** NoFragmentCycles: fragments already searched for cycles. */
  private final Set<String> cycleCheckedFragments = new HashSet<>();
  /**
   * NoUnusedFragments: the fragments spread while walking operations (spreads met while walking
   * the fragments themselves, which come last, do not count).
   */
  private final Set<String> spreadFragments = new HashSet<>();
  private boolean walkingFragments;
  /** UniqueFragmentNames and UniqueOperationNames: the names met so far. */
  private final Set<String> fragmentNames = new HashSet<>();
  private final Set<String> operationNames = new HashSet<>();

  GraphqlRules(GraphqlValidator v) {
    this.v = v;
    this.overlappingFields = new GraphqlOverlappingFields(v);
  }

  // ---- Events, each running the rules that watch it in gqlparser's order ----

  void onOperation(Operation op) {
    knownRootType(op);
    loneAnonymousOperation(op);
    noUnusedVariables(op);
    overlappingFields.check(op.selectionSet());
    singleFieldSubscriptions(op);
    uniqueOperationNames(op);
    uniqueVariableNames(op);
    variablesAreInputTypes(op);
  }

  void onField(Field field) {
    fieldsOnCorrectType(field);
    knownArgumentNames(field);
    if (v.currentOperation() != null) {
      // Fragments are checked where they are defined; checking them under each operation too
      // would report their conflicts twice.
      overlappingFields.check(field.selectionSet());
    }
    providedRequiredArguments(field);
    scalarLeafs(field);
    uniqueArgumentNames(field.arguments());
  }

  void onFragment(FragmentDefinition fragment) {
    fragmentOnCompositeType(fragment);
    knownTypeName(fragment);
    noFragmentCycles(fragment);
    noUnusedFragment(fragment);
    overlappingFields.check(fragment.selectionSet());
    uniqueFragmentName(fragment);
  }

  void onInlineFragment(InlineFragment fragment) {
    Definition type = v.schema().type(fragment.typeCondition());
    fragmentOnCompositeType(fragment, type);
    knownTypeName(fragment, type);
    overlappingFields.check(fragment.selectionSet());
    possibleFragmentSpread(fragment);
  }

  void onFragmentSpread(FragmentSpread spread) {
    knownFragmentName(spread);
    noUnusedFragment(spread);
    possibleFragmentSpread(spread);
  }

  void onDirective(Directive directive) {
    DirectiveDefinition def = v.definition(directive);
    knownArgumentNames(directive, def);
    knownDirective(directive, def);
    if (def != null) {
      requiredArguments("Directive \"@" + def.name() + "\"", def.arguments(),
          directive.arguments(), directive.position());
    }
    uniqueArgumentNames(directive.arguments());
  }

  /** UniqueDirectivesPerLocation; like gqlparser, it exempts a directive named "repeatable". */
  void onDirectiveList(List<Directive> directives) {
    Set<String> seen = new HashSet<>();
    for (Directive d : directives) {
      if (!d.name().equals("repeatable") && seen.contains(d.name())) {
        report(d.position(), "The directive \"@%s\" can only be used once at this location.",
            d.name());
      }
      seen.add(d.name());
    }
  }

  void onValue(Value value) {
    noUndefinedVariable(value);
    uniqueInputFieldNames(value);
    valueOfCorrectType(value);
    variableInAllowedPosition(value);
  }

  void onVariable(VariableDefinition variable) {
    knownTypeName(variable);
  }

  // ---- Variable rules ----

  private void knownTypeName(VariableDefinition variable) {
    if (v.schema().type(variable.type().name()) == null) {
      report(variable.position(), "Unknown type \"%s\".", variable.type().name());
    }
  }

  // ---- Operation rules ----

  private void knownRootType(Operation op) {
    if (v.schema().rootType(op.operation()) == null) {
      report(op.position(), "Schema does not support operation type \"%s\"", op.operation());
    }
  }

  private void loneAnonymousOperation(Operation op) {
    if (op.name().isEmpty() && v.document().operations().size() > 1) {
      report(op.position(), "This anonymous operation must be the only defined operation.");
    }
  }

  private void noUnusedVariables(Operation op) {
    for (VariableDefinition variable : op.variableDefinitions()) {
      if (v.isUsed(variable)) {
        continue;
      }
      if (op.name().isEmpty()) {
        report(variable.position(), "Variable \"$%s\" is never used.", variable.variable());
      } else {
        report(variable.position(), "Variable \"$%s\" is never used in operation \"%s\".",
            variable.variable(), op.name());
      }
    }
  }

  private void singleFieldSubscriptions(Operation op) {
    if (v.schema().rootType("subscription") == null || !op.operation().equals("subscription")) {
      return;
    }
    List<Field> fields = topLevelFields(op.selectionSet());
    String name = op.name().isEmpty()
        ? "Anonymous Subscription"
        : "Subscription " + SprintfStrconv.quote(op.name());
    if (fields.size() > 1) {
      report(fields.get(1).position(), "%s must select only one top level field.", name);
    }
    for (Field f : fields) {
      if (f.name().startsWith("__")) {
        report(f.position(), "%s must not select an introspection top level field.", name);
      }
    }
  }

  /**
   * The top-level fields of a selection set, first of each name, through inline fragments and
   * known fragments; like gqlparser, an unknown fragment ends the search of its selection set.
   */
  private List<Field> topLevelFields(List<Selection> selections) {
    Map<String, Field> byName = new LinkedHashMap<>();
    collectTopLevelFields(selections, byName, new HashSet<>());
    return List.copyOf(byName.values());
  }

  private void collectTopLevelFields(List<Selection> selections, Map<String, Field> byName,
      Set<String> enteredFragments) {
    for (Selection s : selections) {
      if (s instanceof Field f) {
        byName.putIfAbsent(f.name(), f);
      } else if (s instanceof InlineFragment f) {
        collectTopLevelFields(f.selectionSet(), byName, enteredFragments);
      } else {
        FragmentDefinition fragment = v.fragment((FragmentSpread) s);
        if (fragment == null) {
          return;
        }
        if (enteredFragments.add(fragment.name())) {
          collectTopLevelFields(fragment.selectionSet(), byName, enteredFragments);
        }
      }
    }
  }

  private void uniqueOperationNames(Operation op) {
    if (!operationNames.add(op.name())) {
      report(op.position(), "There can be only one operation named \"%s\".", op.name());
    }
  }

  private void uniqueVariableNames(Operation op) {
    Map<String, Integer> seen = new HashMap<>();
    for (VariableDefinition variable : op.variableDefinitions()) {
      if (seen.merge(variable.variable(), 1, Integer::sum) == 2) {
        report(variable.position(), "There can be only one variable named \"$%s\".",
            variable.variable());
      }
    }
  }

  private void variablesAreInputTypes(Operation op) {
    for (VariableDefinition variable : op.variableDefinitions()) {
      Definition type = v.type(variable);
      if (type != null && !type.isInputType()) {
        report(variable.position(), "Variable \"$%s\" cannot be non-input type \"%s\".",
            variable.variable(), variable.type().render());
      }
    }
  }

  // ---- Field rules ----

  private void fieldsOnCorrectType(Field field) {
    Definition parent = v.parentType(field);
    if (parent == null || v.definition(field) != null) {
      return;
    }
    String hint;
    List<String> types = typesWithField(parent, field.name());
    if (!types.isEmpty()) {
      hint = " Did you mean to use an inline fragment on "
          + GraphqlSuggestions.quotedOrList(types) + "?";
    } else if (parent.kind().equals(GraphqlAst.OBJECT_KIND)
        || parent.kind().equals(GraphqlAst.INTERFACE_KIND)) {
      List<String> fields = parent.fields().stream().map(FieldDefinition::name).toList();
      List<String> similar = GraphqlSuggestions.similar(field.name(), fields);
      hint = similar.isEmpty()
          ? ""
          : " Did you mean " + GraphqlSuggestions.quotedOrList(similar) + "?";
    } else {
      hint = "";
    }
    report(field.position(), "Cannot query field \"%s\" on type \"%s\".%s", field.name(),
        parent.name(), hint);
  }

  /**
   * For an abstract type, the types that do define {@code fieldName}: the interfaces its possible
   * types implement, then those possible types, the most used interfaces first, then by name.
   */
  private List<String> typesWithField(Definition parent, String fieldName) {
    if (!parent.isAbstractType()) {
      return List.of();
    }
    List<String> suggested = new ArrayList<>();
    List<String> objects = new ArrayList<>();
    Map<String, Integer> interfaceUses = new HashMap<>();
    for (Definition possible : v.schema().possibleTypes(parent)) {
      if (possible.field(fieldName) == null) {
        continue;
      }
      objects.add(possible.name());
      for (String intf : possible.interfaces()) {
        Definition intfType = v.schema().type(intf);
        if (intfType != null && intfType.field(fieldName) != null) {
          if (interfaceUses.merge(intf, 1, Integer::sum) == 1) {
            suggested.add(intf);
          }
        }
      }
    }
    suggested.addAll(objects);
    suggested.sort((a, b) -> {
      int byUses = interfaceUses.getOrDefault(b, 0) - interfaceUses.getOrDefault(a, 0);
      return byUses != 0 ? byUses : a.compareTo(b);
    });
    return suggested;
  }

  private void knownArgumentNames(Field field) {
    FieldDefinition def = v.definition(field);
    Definition parent = v.parentType(field);
    if (def == null || parent == null) {
      return;
    }
    for (Argument arg : field.arguments()) {
      if (def.argument(arg.name()) == null) {
        report(field.position(), "Unknown argument \"%s\" on field \"%s.%s\".%s", arg.name(),
            parent.name(), field.name(), GraphqlSuggestions.quoted("Did you mean", arg.name(),
                def.arguments().stream().map(ArgumentDefinition::name).toList()));
      }
    }
  }

  private void providedRequiredArguments(Field field) {
    FieldDefinition def = v.definition(field);
    if (def != null) {
      requiredArguments("Field \"" + field.name() + "\"", def.arguments(), field.arguments(),
          field.position());
    }
  }

  private void requiredArguments(String what, List<ArgumentDefinition> defs,
      List<Argument> given, Pos pos) {
    for (ArgumentDefinition def : defs) {
      if (def.type().nonNull() && def.defaultValue() == null
          && given.stream().noneMatch(a -> a.name().equals(def.name()))) {
        report(pos, "%s argument \"%s\" of type \"%s\" is required, but it was not provided.",
            what, def.name(), def.type().render());
      }
    }
  }

  private void scalarLeafs(Field field) {
    FieldDefinition def = v.definition(field);
    if (def == null) {
      return;
    }
    Definition type = v.schema().type(def.type().name());
    if (type == null) {
      return;
    }
    if (type.isLeafType() && !field.selectionSet().isEmpty()) {
      report(field.position(), "Field \"%s\" must not have a selection since type \"%s\" has no "
          + "subfields.", field.name(), type.name());
    }
    if (!type.isLeafType() && field.selectionSet().isEmpty()) {
      report(field.position(), "Field \"%s\" of type \"%s\" must have a selection of subfields. "
          + "Did you mean \"%s { ... }\"?", field.name(), def.type().render(), field.name());
    }
  }

  private void uniqueArgumentNames(List<Argument> arguments) {
    Map<String, Integer> seen = new HashMap<>();
    for (Argument arg : arguments) {
      if (seen.merge(arg.name(), 1, Integer::sum) == 2) {
        report(arg.position(), "There can be only one argument named \"%s\".", arg.name());
      }
    }
  }

  // ---- Fragment rules ----

  private void fragmentOnCompositeType(FragmentDefinition fragment) {
    Definition type = v.typeCondition(fragment);
    if (type != null && !fragment.typeCondition().isEmpty() && !type.isCompositeType()) {
      report(fragment.position(), "Fragment \"%s\" cannot condition on non composite type "
          + "\"%s\".", fragment.name(), fragment.typeCondition());
    }
  }

  private void knownTypeName(FragmentDefinition fragment) {
    if (v.schema().type(fragment.typeCondition()) == null) {
      report(fragment.position(), "Unknown type \"%s\".%s", fragment.typeCondition(),
          GraphqlSuggestions.quoted("Did you mean", fragment.typeCondition(),
              v.schema().typeNames()));
    }
  }

  private void fragmentOnCompositeType(InlineFragment fragment, Definition type) {
    if (type != null && !type.isCompositeType()) {
      report(fragment.position(), "Fragment cannot condition on non composite type \"%s\".",
          fragment.typeCondition());
    }
  }

  private void knownTypeName(InlineFragment fragment, Definition type) {
    if (!fragment.typeCondition().isEmpty() && type == null) {
      report(fragment.position(), "Unknown type \"%s\".", fragment.typeCondition());
    }
  }

  private void knownFragmentName(FragmentSpread spread) {
    if (v.fragment(spread) == null) {
      report(spread.position(), "Unknown fragment \"%s\".", spread.name());
    }
  }

  private void noUnusedFragment(FragmentSpread spread) {
    if (!walkingFragments) {
      spreadFragments.add(spread.name());
    }
  }

  private void noUnusedFragment(FragmentDefinition fragment) {
    walkingFragments = true;
    if (!spreadFragments.contains(fragment.name())) {
      report(fragment.position(), "Fragment \"%s\" is never used.", fragment.name());
    }
  }

  private void uniqueFragmentName(FragmentDefinition fragment) {
    if (!fragmentNames.add(fragment.name())) {
      report(fragment.position(), "There can be only one fragment named \"%s\".",
          fragment.name());
    }
  }

  private void possibleFragmentSpread(InlineFragment fragment) {
    Definition parent = v.parentType(fragment);
    if (!canSpread(parent, fragment.typeCondition())) {
      report(fragment.position(), "Fragment cannot be spread here as objects of type \"%s\" can "
          + "never be of type \"%s\".", parent.name(), fragment.typeCondition());
    }
  }

  private void possibleFragmentSpread(FragmentSpread spread) {
    FragmentDefinition fragment = v.fragment(spread);
    Definition parent = v.parentType(spread);
    if (fragment != null && !canSpread(parent, fragment.typeCondition())) {
      report(spread.position(), "Fragment \"%s\" cannot be spread here as objects of type \"%s\" "
          + "can never be of type \"%s\".", spread.name(), parent.name(),
          fragment.typeCondition());
    }
  }

  /** NoFragmentCycles: a depth-first search through spreads, each fragment searched once. */
  private void noFragmentCycles(FragmentDefinition fragment) {
    searchCycles(fragment, new ArrayList<>(), new HashMap<>());
  }

  private void searchCycles(FragmentDefinition fragment, List<FragmentSpread> path,
      Map<String, Integer> pathIndexByName) {
    if (!cycleCheckedFragments.add(fragment.name())) {
      return;
    }
    List<FragmentSpread> spreads = spreadsIn(fragment.selectionSet());
    if (spreads.isEmpty()) {
      return;
    }
    pathIndexByName.put(fragment.name(), path.size());
    for (FragmentSpread spread : spreads) {
      Integer cycleStart = pathIndexByName.get(spread.name());
      path.add(spread);
      if (cycleStart == null) {
        FragmentDefinition next = v.document().fragment(spread.name());
        if (next != null) {
          searchCycles(next, path, pathIndexByName);
        }
      } else {
        List<String> via = path.subList(cycleStart, path.size() - 1).stream()
            .map(s -> "\"" + s.name() + "\"").toList();
        report(spread.position(), "Cannot spread fragment \"%s\" within itself%s.", spread.name(),
            via.isEmpty() ? "" : " via " + String.join(", ", via));
      }
      path.remove(path.size() - 1);
    }
    pathIndexByName.remove(fragment.name());
  }

  /** The spreads in a selection set, through fields and inline fragments, in gqlparser's order. */
  private static List<FragmentSpread> spreadsIn(List<Selection> selections) {
    List<FragmentSpread> spreads = new ArrayList<>();
    List<List<Selection>> toVisit = new ArrayList<>();
    toVisit.add(selections);
    while (!toVisit.isEmpty()) {
      for (Selection s : toVisit.remove(toVisit.size() - 1)) {
        if (s instanceof FragmentSpread spread) {
          spreads.add(spread);
        } else if (s instanceof Field f) {
          toVisit.add(f.selectionSet());
        } else {
          toVisit.add(((InlineFragment) s).selectionSet());
        }
      }
    }
    return spreads;
  }

  /**
   * PossibleFragmentSpreads: whether a fragment on {@code typeCondition} may be spread in
   * {@code parent}, i.e. some object type can be both. Unknown and non-composite types pass.
   */
  private boolean canSpread(Definition parent, String typeCondition) {
    if (parent == null) {
      return true;
    }
    List<Definition> parentTypes;
    if (parent.kind().equals(GraphqlAst.OBJECT_KIND)) {
      parentTypes = List.of(parent);
    } else if (parent.isAbstractType()) {
      parentTypes = v.schema().possibleTypes(parent);
    } else {
      return true;
    }
    Definition fragmentType = v.schema().type(typeCondition);
    if (fragmentType == null || !fragmentType.isCompositeType()) {
      return true;
    }
    for (Definition candidate : v.schema().possibleTypes(fragmentType)) {
      for (Definition p : parentTypes) {
        if (p.name().equals(candidate.name())) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- Directive rules ----

  private void knownArgumentNames(Directive directive, DirectiveDefinition def) {
    if (def == null) {
      return;
    }
    for (Argument arg : directive.arguments()) {
      if (def.argument(arg.name()) == null) {
        report(directive.position(), "Unknown argument \"%s\" on directive \"@%s\".%s",
            arg.name(), directive.name(), GraphqlSuggestions.quoted("Did you mean", arg.name(),
                def.arguments().stream().map(ArgumentDefinition::name).toList()));
      }
    }
  }

  private void knownDirective(Directive directive, DirectiveDefinition def) {
    if (def == null) {
      report(directive.position(), "Unknown directive \"@%s\".", directive.name());
      return;
    }
    String location = v.location(directive);
    if (def.locations().contains(location)) {
      return;
    }
    // A fragment walked under several operations must not report its directives again.
    if (misplacedDirectives.add(new DirectiveUse(directive.name(), directive.position()))) {
      report(directive.position(), "Directive \"@%s\" may not be used on %s.", directive.name(),
          location);
    }
  }

  // ---- Value rules ----

  private void noUndefinedVariable(Value value) {
    Operation op = v.currentOperation();
    if (op == null || value.kind() != GraphqlAst.VARIABLE || v.variable(value) != null) {
      return;
    }
    if (op.name().isEmpty()) {
      report(value.position(), "Variable \"%s\" is not defined.", value.render());
    } else {
      report(value.position(), "Variable \"%s\" is not defined by operation \"%s\".",
          value.render(), op.name());
    }
  }

  private void uniqueInputFieldNames(Value value) {
    if (value.kind() != GraphqlAst.OBJECT) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (ChildValue child : value.children()) {
      if (!seen.add(child.name())) {
        report(child.position(), "There can be only one input field named \"%s\".",
            child.name());
      }
    }
  }

  private void valueOfCorrectType(Value value) {
    Definition type = v.type(value);
    TypeRef expected = v.expectedType(value);
    if (type == null || expected == null) {
      return;
    }
    if (value.kind() == GraphqlAst.NULL && expected.nonNull()) {
      report(value.position(), "Expected value of type \"%s\", found %s.", expected.render(),
          value.render());
    }
    if (type.kind().equals(GraphqlAst.SCALAR_KIND)
        && !type.nameIsOneOf("Int", "Float", "String", "Boolean", "ID")) {
      return; // custom scalars validate themselves
    }
    List<String> enumValues = type.kind().equals(GraphqlAst.ENUM_KIND)
        ? type.enumValues().stream().map(EnumValueDefinition::name).toList()
        : List.of();
    if (!goCanReadValue(value)) {
      report(value.position(), "%s", unexpectedType(value, expected, type));
    }
    switch (value.kind()) {
      case GraphqlAst.LIST -> {
        if (expected.elem() == null) {
          report(value.position(), "%s", unexpectedType(value, expected, type));
        }
      }
      case GraphqlAst.INT -> requireType(value, expected, type, "Int", "Float", "ID");
      case GraphqlAst.FLOAT -> requireType(value, expected, type, "Float");
      case GraphqlAst.BOOLEAN -> requireType(value, expected, type, "Boolean");
      case GraphqlAst.STRING, GraphqlAst.BLOCK -> {
        if (type.kind().equals(GraphqlAst.ENUM_KIND)) {
          report(value.position(), "Enum \"%s\" cannot represent non-enum value: %s.%s",
              expected.render(), value.render(),
              GraphqlSuggestions.quoted("Did you mean the enum value", value.raw(), enumValues));
        } else {
          requireType(value, expected, type, "String", "ID");
        }
      }
      case GraphqlAst.ENUM -> {
        if (!type.kind().equals(GraphqlAst.ENUM_KIND)) {
          report(value.position(), "%s%s", unexpectedType(value, expected, type),
              GraphqlSuggestions.unquoted("Did you mean the enum value", value.raw(), enumValues));
        } else if (!enumValues.contains(value.raw())) {
          report(value.position(), "Value \"%s\" does not exist in \"%s\" enum.%s",
              value.render(), expected.render(),
              GraphqlSuggestions.quoted("Did you mean the enum value", value.raw(), enumValues));
        }
      }
      case GraphqlAst.OBJECT -> inputObjectFields(value, type);
      default -> { }
    }
  }

  private void requireType(Value value, TypeRef expected, Definition type, String... names) {
    if (!type.nameIsOneOf(names)) {
      report(value.position(), "%s", unexpectedType(value, expected, type));
    }
  }

  private void inputObjectFields(Value value, Definition type) {
    for (FieldDefinition field : type.fields()) {
      if (field.type().nonNull() && value.child(field.name()) == null
          && field.defaultValue() == null) {
        report(value.position(), "Field \"%s.%s\" of required type \"%s\" was not provided.",
            type.name(), field.name(), field.type().render());
      }
    }
    List<String> fieldNames = type.fields().stream().map(FieldDefinition::name).toList();
    for (ChildValue child : value.children()) {
      if (type.field(child.name()) == null) {
        report(child.position(), "Field \"%s\" is not defined by type \"%s\".%s", child.name(),
            type.name(), GraphqlSuggestions.quoted("Did you mean", child.name(), fieldNames));
      }
    }
  }

  /** gqlparser's message for a value its expected type cannot hold. */
  private static String unexpectedType(Value value, TypeRef expected, Definition type) {
    String found = value.render();
    return switch (expected.render()) {
      case "Int", "Int!" -> goIntOutOfRange(value.raw(), INT32_MIN, INT32_MAX)
          ? "Int cannot represent non 32-bit signed integer value: " + found
          : "Int cannot represent non-integer value: " + found;
      case "String", "String!", "[String]" ->
          "String cannot represent a non string value: " + found;
      case "Boolean", "Boolean!" -> "Boolean cannot represent a non boolean value: " + found;
      case "Float", "Float!" -> "Float cannot represent non numeric value: " + found;
      case "ID", "ID!" -> "ID cannot represent a non-string and non-integer value: " + found;
      default -> type.kind().equals(GraphqlAst.ENUM_KIND)
          ? "Enum \"" + expected.render() + "\" cannot represent non-enum value: " + found + "."
          : "Expected value of type \"" + expected.render() + "\", found " + found + ".";
    };
  }

  /**
   * Whether gqlparser can read the literal as a Go value: integers must fit 64 bits, floats
   * must parse without overflowing, booleans must be Go booleans, and lists and objects must
   * hold readable values.
   */
  private static boolean goCanReadValue(Value value) {
    String raw = value.raw();
    return switch (value.kind()) {
      case GraphqlAst.INT -> GO_INT.matcher(raw).matches()
          && !goIntOutOfRange(raw, INT64_MIN, INT64_MAX);
      case GraphqlAst.FLOAT -> GO_SPECIAL_FLOAT.matcher(raw).matches()
          || (GO_DECIMAL_FLOAT.matcher(raw).matches()
              && !Double.isInfinite(Double.parseDouble(raw)));
      case GraphqlAst.BOOLEAN -> GO_BOOLS.contains(raw);
      case GraphqlAst.LIST, GraphqlAst.OBJECT ->
          value.children().stream().allMatch(c -> goCanReadValue(c.value()));
      default -> true;
    };
  }

  /** True for a well-formed decimal integer outside [min, max] (Go's ErrRange). */
  private static boolean goIntOutOfRange(String raw, BigInteger min, BigInteger max) {
    if (!GO_INT.matcher(raw).matches()) {
      return false;
    }
    BigInteger n = new BigInteger(raw.startsWith("+") ? raw.substring(1) : raw);
    return n.compareTo(min) < 0 || n.compareTo(max) > 0;
  }

  private void variableInAllowedPosition(Value value) {
    TypeRef expected = v.expectedType(value);
    VariableDefinition variable = v.variable(value);
    if (value.kind() != GraphqlAst.VARIABLE || expected == null || variable == null
        || v.currentOperation() == null) {
      return;
    }
    // A variable with a non-null default may stand where a non-null value is expected.
    TypeRef allowed = expected;
    if (variable.defaultValue() != null && variable.defaultValue().kind() != GraphqlAst.NULL
        && expected.nonNull()) {
      allowed = expected.withNonNull(false);
    }
    if (!variable.type().isCompatible(allowed)) {
      report(value.position(), "Variable \"%s\" of type \"%s\" used in position expecting type "
          + "\"%s\".", value.render(), variable.type().render(), expected.render());
    }
  }

  private void report(Pos pos, String format, Object... args) {
    v.report(String.format(format, args), pos);
  }
}
