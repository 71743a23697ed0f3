package dev.ctpat.rego.builtins;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The GraphQL syntax tree of gqlparser (the Go library OPA's {@code graphql.*} builtins use), as
 * immutable records. Field names follow gqlparser's, because OPA hands these trees to policies as
 * objects keyed by them. What validation learns about a node (its definition, expected type, ...)
 * is not stored here but in {@link GraphqlValidator}, so one tree can be output, decoded and
 * validated without copies.
 */
final class GraphqlAst {
  private GraphqlAst() {}

  /** gqlparser's value kinds; OPA outputs the number. */
  static final int VARIABLE = 0;
  static final int INT = 1;
  static final int FLOAT = 2;
  static final int STRING = 3;
  static final int BLOCK = 4;
  static final int BOOLEAN = 5;
  static final int NULL = 6;
  static final int ENUM = 7;
  static final int LIST = 8;
  static final int OBJECT = 9;

  static final String SCALAR_KIND = "SCALAR";
  static final String OBJECT_KIND = "OBJECT";
  static final String INTERFACE_KIND = "INTERFACE";
  static final String UNION_KIND = "UNION";
  static final String ENUM_KIND = "ENUM";
  static final String INPUT_OBJECT_KIND = "INPUT_OBJECT";

  /**
   * Where a node starts: the source's name ({@code ""} for the caller's text), and the 1-based
   * line and column counted in code points. Trees decoded from objects have no positions.
   */
  record Pos(String source, int line, int column) {}

  /** The first item with the given name, or null (gqlparser's {@code ForName}). */
  static <T> T forName(List<T> items, Function<T, String> nameOf, String name) {
    for (T item : items) {
      if (nameOf.apply(item).equals(name)) {
        return item;
      }
    }
    return null;
  }

  // ---- Executable documents ----

  record QueryDocument(List<Operation> operations, List<FragmentDefinition> fragments) {
    QueryDocument {
      operations = List.copyOf(operations);
      fragments = List.copyOf(fragments);
    }

    FragmentDefinition fragment(String name) {
      return forName(fragments, FragmentDefinition::name, name);
    }
  }

  /** An operation: "query", "mutation" or "subscription" (or anything, when decoded). */
  record Operation(String operation, String name, List<VariableDefinition> variableDefinitions,
      List<Directive> directives, List<Selection> selectionSet, Pos position) {
    Operation {
      variableDefinitions = List.copyOf(variableDefinitions);
      directives = List.copyOf(directives);
      selectionSet = List.copyOf(selectionSet);
    }

    VariableDefinition variable(String name) {
      return forName(variableDefinitions, VariableDefinition::variable, name);
    }
  }

  /** A variable definition; {@code used} is false after parsing but may come decoded as true. */
  record VariableDefinition(String variable, TypeRef type, Value defaultValue,
      List<Directive> directives, boolean used, Pos position) {
    VariableDefinition {
      directives = List.copyOf(directives);
    }
  }

  /** A member of a selection set. */
  sealed interface Selection permits Field, FragmentSpread, InlineFragment {
    Pos position();
  }

  record Field(String alias, String name, List<Argument> arguments, List<Directive> directives,
      List<Selection> selectionSet, Pos position) implements Selection {
    Field {
      arguments = List.copyOf(arguments);
      directives = List.copyOf(directives);
      selectionSet = List.copyOf(selectionSet);
    }

    /** The key the field's result gets: its alias, or its name when it has none. */
    String responseName() {
      return alias.isEmpty() ? name : alias;
    }
  }

  record FragmentSpread(String name, List<Directive> directives, Pos position)
      implements Selection {
    FragmentSpread {
      directives = List.copyOf(directives);
    }
  }

  record InlineFragment(String typeCondition, List<Directive> directives,
      List<Selection> selectionSet, Pos position) implements Selection {
    InlineFragment {
      directives = List.copyOf(directives);
      selectionSet = List.copyOf(selectionSet);
    }
  }

  /** A fragment; gqlparser names its variable list {@code VariableDefinition} (singular). */
  record FragmentDefinition(String name, List<VariableDefinition> variableDefinition,
      String typeCondition, List<Directive> directives, List<Selection> selectionSet,
      Pos position) {
    FragmentDefinition {
      variableDefinition = List.copyOf(variableDefinition);
      directives = List.copyOf(directives);
      selectionSet = List.copyOf(selectionSet);
    }
  }

  record Argument(String name, Value value, Pos position) {}

  /** A directive use; {@code location} is empty until validation, unless decoded otherwise. */
  record Directive(String name, List<Argument> arguments, String location, Pos position) {
    Directive {
      arguments = List.copyOf(arguments);
    }
  }

  /**
   * A literal or variable. {@code raw} is the token text (a string's decoded content, a
   * variable's name without {@code $}); lists and objects have {@code children} instead.
   */
  record Value(int kind, String raw, List<ChildValue> children, Pos position) {
    Value {
      children = List.copyOf(children);
    }

    ChildValue child(String name) {
      return forName(children, ChildValue::name, name);
    }

    /** gqlparser's {@code Value.String()}, used in validation messages. */
    String render() {
      return switch (kind) {
        case VARIABLE -> "$" + raw;
        case STRING, BLOCK -> SprintfStrconv.quote(raw);
        case LIST -> join(children, c -> c.value().render(), "[", "]");
        case OBJECT -> join(children, c -> c.name() + ":" + c.value().render(), "{", "}");
        default -> raw;
      };
    }

    private static String join(List<ChildValue> children, Function<ChildValue, String> render,
        String open, String close) {
      List<String> parts = new ArrayList<>();
      children.forEach(c -> parts.add(render.apply(c)));
      return open + String.join(",", parts) + close;
    }
  }

  /** A list member (no name, no position) or an object field. */
  record ChildValue(String name, Value value, Pos position) {}

  /** A type reference: a named type, or a list of {@code elem}; either may be non-null. */
  record TypeRef(String namedType, TypeRef elem, boolean nonNull, Pos position) {
    static TypeRef named(String name, boolean nonNull) {
      return new TypeRef(name, null, nonNull, null);
    }

    /** The innermost named type. */
    String name() {
      if (!namedType.isEmpty() || elem == null) {
        return namedType;
      }
      return elem.name();
    }

    /** The type as written in GraphQL, e.g. {@code [String!]!}. */
    String render() {
      String bang = nonNull ? "!" : "";
      if (!namedType.isEmpty() || elem == null) {
        return namedType + bang;
      }
      return "[" + elem.render() + "]" + bang;
    }

    /**
     * gqlparser's {@code IsCompatible}: whether a variable of this type may be used where
     * {@code other} is expected.
     */
    boolean isCompatible(TypeRef other) {
      if (!namedType.equals(other.namedType)) {
        return false;
      }
      if (elem != null && (other.elem == null || !elem.isCompatible(other.elem))) {
        return false;
      }
      return !other.nonNull || nonNull;
    }

    TypeRef withNonNull(boolean value) {
      return new TypeRef(namedType, elem, value, position);
    }
  }

  // ---- Type system documents ----

  record SchemaDocument(List<SchemaDefinition> schema, List<SchemaDefinition> schemaExtension,
      List<DirectiveDefinition> directives, List<Definition> definitions,
      List<Definition> extensions) {
    SchemaDocument {
      schema = List.copyOf(schema);
      schemaExtension = List.copyOf(schemaExtension);
      directives = List.copyOf(directives);
      definitions = List.copyOf(definitions);
      extensions = List.copyOf(extensions);
    }

    /** This document's definitions followed by {@code other}'s (gqlparser's {@code Merge}). */
    SchemaDocument merge(SchemaDocument other) {
      return new SchemaDocument(concat(schema, other.schema),
          concat(schemaExtension, other.schemaExtension), concat(directives, other.directives),
          concat(definitions, other.definitions), concat(extensions, other.extensions));
    }
  }

  record SchemaDefinition(String description, List<Directive> directives,
      List<OperationTypeDefinition> operationTypes, Pos position) {
    SchemaDefinition {
      directives = List.copyOf(directives);
      operationTypes = List.copyOf(operationTypes);
    }
  }

  record OperationTypeDefinition(String operation, String type, Pos position) {}

  /**
   * A named type or a type extension. {@code kind} is one of the {@code *_KIND} names;
   * {@code builtIn} marks the types of gqlparser's prelude.
   */
  record Definition(String kind, String description, String name, List<Directive> directives,
      List<String> interfaces, List<FieldDefinition> fields, List<String> types,
      List<EnumValueDefinition> enumValues, Pos position, boolean builtIn) {
    Definition {
      directives = List.copyOf(directives);
      interfaces = List.copyOf(interfaces);
      fields = List.copyOf(fields);
      types = List.copyOf(types);
      enumValues = List.copyOf(enumValues);
    }

    FieldDefinition field(String fieldName) {
      return forName(fields, FieldDefinition::name, fieldName);
    }

    boolean isLeafType() {
      return kind.equals(ENUM_KIND) || kind.equals(SCALAR_KIND);
    }

    boolean isAbstractType() {
      return kind.equals(INTERFACE_KIND) || kind.equals(UNION_KIND);
    }

    boolean isCompositeType() {
      return kind.equals(OBJECT_KIND) || isAbstractType();
    }

    boolean isInputType() {
      return kind.equals(SCALAR_KIND) || kind.equals(ENUM_KIND)
          || kind.equals(INPUT_OBJECT_KIND);
    }

    boolean nameIsOneOf(String... names) {
      return List.of(names).contains(name);
    }
  }

  /** An object, interface or input object field; only input fields have default values. */
  record FieldDefinition(String description, String name, List<ArgumentDefinition> arguments,
      Value defaultValue, TypeRef type, List<Directive> directives, Pos position) {
    FieldDefinition {
      arguments = List.copyOf(arguments);
      directives = List.copyOf(directives);
    }

    ArgumentDefinition argument(String argumentName) {
      return forName(arguments, ArgumentDefinition::name, argumentName);
    }
  }

  record ArgumentDefinition(String description, String name, Value defaultValue, TypeRef type,
      List<Directive> directives, Pos position) {
    ArgumentDefinition {
      directives = List.copyOf(directives);
    }
  }

  record EnumValueDefinition(String description, String name, List<Directive> directives,
      Pos position) {
    EnumValueDefinition {
      directives = List.copyOf(directives);
    }
  }

  record DirectiveDefinition(String description, String name,
      List<ArgumentDefinition> arguments, List<String> locations, boolean isRepeatable,
      Pos position) {
    DirectiveDefinition {
      arguments = List.copyOf(arguments);
      locations = List.copyOf(locations);
    }

    ArgumentDefinition argument(String argumentName) {
      return forName(arguments, ArgumentDefinition::name, argumentName);
    }
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
