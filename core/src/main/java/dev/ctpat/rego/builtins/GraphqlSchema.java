package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.GraphqlAst.ArgumentDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.Definition;
import dev.ctpat.rego.builtins.GraphqlAst.Directive;
import dev.ctpat.rego.builtins.GraphqlAst.DirectiveDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.EnumValueDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.FieldDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.OperationTypeDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.Pos;
import dev.ctpat.rego.builtins.GraphqlAst.SchemaDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.SchemaDocument;
import dev.ctpat.rego.builtins.GraphqlAst.TypeRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated GraphQL schema, built as gqlparser's {@code ValidateSchemaDocument} builds one from
 * its prelude (the standard scalars, directives and introspection types) and a schema document:
 * extensions are merged into their types (creating the types they extend if need be), root
 * operation types are resolved, and every type and directive definition is checked, stopping at
 * the first error with gqlparser's message.
 */
final class GraphqlSchema {
  /** gqlparser's prelude, without its descriptions (they are never output). */
  private static final String PRELUDE_TEXT = """
      scalar Int
      scalar Float
      scalar String
      scalar Boolean
      scalar ID
      directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
      directive @skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
      directive @deprecated(reason: String = "No longer supported")
        on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
      directive @specifiedBy(url: String!) on SCALAR
      type __Schema {
        description: String
        types: [__Type!]!
        queryType: __Type!
        mutationType: __Type
        subscriptionType: __Type
        directives: [__Directive!]!
      }
      type __Type {
        kind: __TypeKind!
        name: String
        description: String
        fields(includeDeprecated: Boolean = false): [__Field!]
        interfaces: [__Type!]
        possibleTypes: [__Type!]
        enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
        inputFields: [__InputValue!]
        ofType: __Type
        specifiedBy: String
      }
      type __Field {
        name: String!
        description: String
        args: [__InputValue!]!
        type: __Type!
        isDeprecated: Boolean!
        deprecationReason: String
      }
      type __InputValue {
        name: String!
        description: String
        type: __Type!
        defaultValue: String
      }
      type __EnumValue {
        name: String!
        description: String
        isDeprecated: Boolean!
        deprecationReason: String
      }
      enum __TypeKind {
        SCALAR OBJECT INTERFACE UNION ENUM INPUT_OBJECT LIST NON_NULL
      }
      type __Directive {
        name: String!
        description: String
        locations: [__DirectiveLocation!]!
        args: [__InputValue!]!
        isRepeatable: Boolean!
      }
      enum __DirectiveLocation {
        QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD INLINE_FRAGMENT
        VARIABLE_DEFINITION SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE
        UNION ENUM ENUM_VALUE INPUT_OBJECT INPUT_FIELD_DEFINITION
      }
      """;

  private static final SchemaDocument PRELUDE = parsePrelude();

  /** Directives a schema may define again (the last definition is kept). */
  private static final Set<String> REDEFINABLE_DIRECTIVES =
      Set.of("include", "skip", "deprecated", "specifiedBy");

  /** The kinds an object or interface field may have, and an input field or argument. */
  private static final Set<String> OUTPUT_KINDS = Set.of(GraphqlAst.SCALAR_KIND,
      GraphqlAst.OBJECT_KIND, GraphqlAst.INTERFACE_KIND, GraphqlAst.UNION_KIND,
      GraphqlAst.ENUM_KIND);
  private static final Set<String> INPUT_KINDS =
      Set.of(GraphqlAst.SCALAR_KIND, GraphqlAst.ENUM_KIND, GraphqlAst.INPUT_OBJECT_KIND);

  private final Map<String, Definition> types;
  private final Map<String, DirectiveDefinition> directives;
  private final Map<String, List<String>> possibleTypes;
  private final Definition query;
  private final Definition mutation;
  private final Definition subscription;

  private GraphqlSchema(Builder b) {
    this.types = new HashMap<>();
    b.types.forEach((name, type) -> types.put(name, type.build()));
    this.directives = b.directives;
    this.possibleTypes = b.possibleTypes;
    this.query = root(b.query);
    this.mutation = root(b.mutation);
    this.subscription = root(b.subscription);
  }

  private Definition root(TypeBuilder type) {
    return type == null ? null : types.get(type.name);
  }

  private static SchemaDocument parsePrelude() {
    try {
      return GraphqlParser.parseSchema("prelude.graphql", PRELUDE_TEXT, true);
    } catch (GraphqlError e) {
      throw new IllegalStateException("bad GraphQL prelude: " + e.describe(), e);
    }
  }

  /** The schema of the prelude plus {@code doc}; fails with the first problem found. */
  static GraphqlSchema build(SchemaDocument doc) throws GraphqlError {
    Builder b = new Builder();
    b.load(PRELUDE.merge(doc));
    return new GraphqlSchema(b);
  }

  Definition type(String name) {
    return types.get(name);
  }

  /** Every type name, sorted. */
  List<String> typeNames() {
    return List.copyOf(new TreeSet<>(types.keySet()));
  }

  DirectiveDefinition directive(String name) {
    return directives.get(name);
  }

  /**
   * The object types an interface or union may be, the object itself for an object type, in
   * definition order (gqlparser's {@code GetPossibleTypes}).
   */
  List<Definition> possibleTypes(Definition def) {
    List<Definition> out = new ArrayList<>();
    for (String name : possibleTypes.getOrDefault(def.name(), List.of())) {
      Definition d = types.get(name);
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  /** The root type of an operation type, or null if the schema has none. */
  Definition rootType(String operation) {
    return switch (operation) {
      case "query", "" -> query;
      case "mutation" -> mutation;
      case "subscription" -> subscription;
      default -> null;
    };
  }

  /** A type while extensions are merged into it. */
  private static final class TypeBuilder {
    final String kind;
    final String description;
    final String name;
    final Pos position;
    final boolean builtIn;
    final List<Directive> directives = new ArrayList<>();
    final List<String> interfaces = new ArrayList<>();
    final List<FieldDefinition> fields = new ArrayList<>();
    final List<String> types = new ArrayList<>();
    final List<EnumValueDefinition> enumValues = new ArrayList<>();

    TypeBuilder(String kind, String description, String name, Pos position, boolean builtIn) {
      this.kind = kind;
      this.description = description;
      this.name = name;
      this.position = position;
      this.builtIn = builtIn;
    }

    void add(Definition d) {
      directives.addAll(d.directives());
      interfaces.addAll(d.interfaces());
      fields.addAll(d.fields());
      types.addAll(d.types());
      enumValues.addAll(d.enumValues());
    }

    Definition build() {
      return new Definition(kind, description, name, directives, interfaces, fields, types,
          enumValues, position, builtIn);
    }
  }

  /** gqlparser's schema loading and checking, step by step. */
  private static final class Builder {
    final Map<String, TypeBuilder> types = new LinkedHashMap<>();
    final Map<String, DirectiveDefinition> directives = new HashMap<>();
    final Map<String, List<String>> possibleTypes = new HashMap<>();
    TypeBuilder query;
    TypeBuilder mutation;
    TypeBuilder subscription;

    void load(SchemaDocument doc) throws GraphqlError {
      List<TypeBuilder> inOrder = defineTypes(doc);
      collectPossibleTypes(inOrder);
      defineDirectives(doc.directives());
      if (doc.schema().size() > 1) {
        throw new GraphqlError("Cannot have multiple schema entry points, consider schema "
            + "extensions instead.", doc.schema().get(1).position());
      }
      for (SchemaDefinition s : GraphqlAst.concat(doc.schema(), doc.schemaExtension())) {
        for (OperationTypeDefinition entry : s.operationTypes()) {
          setRoot(entry);
        }
      }
      for (String name : new TreeSet<>(types.keySet())) {
        checkType(types.get(name));
      }
      for (String name : new TreeSet<>(directives.keySet())) {
        DirectiveDefinition d = directives.get(name);
        checkName(d.position(), d.name());
        checkArguments(d.arguments(), d);
      }
      if (doc.schema().isEmpty()) {
        query = query != null ? query : types.get("Query");
        mutation = mutation != null ? mutation : types.get("Mutation");
        subscription = subscription != null ? subscription : types.get("Subscription");
      }
      if (query != null) {
        query.fields.add(new FieldDefinition("", "__schema", List.of(), null,
            TypeRef.named("__Schema", true), List.of(), null));
        query.fields.add(new FieldDefinition("", "__type",
            List.of(new ArgumentDefinition("", "name", null, TypeRef.named("String", true),
                List.of(), null)),
            null, TypeRef.named("__Type", false), List.of(), null));
      }
    }

    /** Defines each type, then merges each extension into its type; returns types in order. */
    private List<TypeBuilder> defineTypes(SchemaDocument doc) throws GraphqlError {
      List<TypeBuilder> inOrder = new ArrayList<>();
      for (Definition d : doc.definitions()) {
        if (types.containsKey(d.name())) {
          throw new GraphqlError("Cannot redeclare type " + d.name() + ".", d.position());
        }
        TypeBuilder t =
            new TypeBuilder(d.kind(), d.description(), d.name(), d.position(), d.builtIn());
        t.add(d);
        types.put(d.name(), t);
        inOrder.add(t);
      }
      for (Definition ext : doc.extensions()) {
        TypeBuilder t = types.get(ext.name());
        if (t == null) {
          t = new TypeBuilder(ext.kind(), "", ext.name(), ext.position(), false);
          types.put(ext.name(), t);
          inOrder.add(t);
        }
        if (!t.kind.equals(ext.kind())) {
          throw new GraphqlError("Cannot extend type " + ext.name() + " because the base type is a "
              + t.kind + ", not " + ext.kind() + ".", ext.position());
        }
        t.add(ext);
      }
      return inOrder;
    }

    private void collectPossibleTypes(List<TypeBuilder> inOrder) {
      for (TypeBuilder t : inOrder) {
        switch (t.kind) {
          case GraphqlAst.UNION_KIND -> t.types.forEach(member -> addPossibleType(t.name, member));
          case GraphqlAst.OBJECT_KIND, GraphqlAst.INPUT_OBJECT_KIND -> {
            t.interfaces.forEach(i -> addPossibleType(i, t.name));
            addPossibleType(t.name, t.name);
          }
          case GraphqlAst.INTERFACE_KIND -> t.interfaces.forEach(i -> addPossibleType(i, t.name));
          default -> { }
        }
      }
    }

    private void addPossibleType(String abstractType, String member) {
      possibleTypes.computeIfAbsent(abstractType, k -> new ArrayList<>()).add(member);
    }

    private void defineDirectives(List<DirectiveDefinition> defs) throws GraphqlError {
      for (DirectiveDefinition d : defs) {
        if (directives.containsKey(d.name()) && !REDEFINABLE_DIRECTIVES.contains(d.name())) {
          throw new GraphqlError("Cannot redeclare directive " + d.name() + ".", d.position());
        }
        directives.put(d.name(), d);
      }
    }

    private void setRoot(OperationTypeDefinition entry) throws GraphqlError {
      TypeBuilder t = types.get(entry.type());
      if (t == null) {
        throw new GraphqlError("Schema root " + entry.operation() + " refers to a type "
            + entry.type() + " that does not exist.", entry.position());
      }
      switch (entry.operation()) {
        case "query" -> query = t;
        case "mutation" -> mutation = t;
        case "subscription" -> subscription = t;
        default -> { }
      }
    }

    private void checkType(TypeBuilder def) throws GraphqlError {
      for (FieldDefinition field : def.fields) {
        checkName(field.position(), field.name());
        checkTypeRef(field.type());
        checkArguments(field.arguments(), null);
        checkDirectives(field.directives(), def.kind.equals(GraphqlAst.INPUT_OBJECT_KIND)
            ? "INPUT_FIELD_DEFINITION" : "FIELD_DEFINITION", null);
      }
      for (String member : def.types) {
        TypeBuilder t = types.get(member);
        if (t == null) {
          throw new GraphqlError("Undefined type " + SprintfStrconv.quote(member) + ".",
              def.position);
        }
        if (!t.kind.equals(GraphqlAst.OBJECT_KIND)) {
          throw new GraphqlError(def.kind + " type " + SprintfStrconv.quote(member)
              + " must be OBJECT.", def.position);
        }
      }
      for (String intf : def.interfaces) {
        checkImplements(def, intf);
      }
      checkKindRules(def);
      for (int i = 0; i < def.fields.size(); i++) {
        for (FieldDefinition later : def.fields.subList(i + 1, def.fields.size())) {
          if (def.fields.get(i).name().equals(later.name())) {
            throw new GraphqlError("Field " + def.name + "." + later.name()
                + " can only be defined once.", later.position());
          }
        }
      }
      if (!def.builtIn) {
        checkName(def.position, def.name);
      }
      checkDirectives(def.directives, def.kind, null);
    }

    private void checkKindRules(TypeBuilder def) throws GraphqlError {
      String which = def.kind + " " + def.name;
      switch (def.kind) {
        case GraphqlAst.OBJECT_KIND, GraphqlAst.INTERFACE_KIND -> {
          if (def.fields.isEmpty()) {
            throw new GraphqlError(which + ": must define one or more fields.", def.position);
          }
          for (FieldDefinition field : def.fields) {
            TypeBuilder t = types.get(field.type().name());
            if (t != null && !OUTPUT_KINDS.contains(t.kind)) {
              throw new GraphqlError(which + ": field must be one of SCALAR, OBJECT, INTERFACE, "
                  + "UNION, ENUM.", field.position());
            }
          }
        }
        case GraphqlAst.ENUM_KIND -> {
          if (def.enumValues.isEmpty()) {
            throw new GraphqlError(which + ": must define one or more unique enum values.",
                def.position);
          }
          for (EnumValueDefinition value : def.enumValues) {
            if (List.of("true", "false", "null").contains(value.name())) {
              throw new GraphqlError(which + ": non-enum value " + value.name() + ".",
                  def.position);
            }
          }
        }
        case GraphqlAst.INPUT_OBJECT_KIND -> {
          if (def.fields.isEmpty()) {
            throw new GraphqlError(which + ": must define one or more input fields.",
                def.position);
          }
          for (FieldDefinition field : def.fields) {
            TypeBuilder t = types.get(field.type().name());
            if (t != null && !INPUT_KINDS.contains(t.kind)) {
              throw new GraphqlError(t.kind + " " + field.name()
                  + ": field must be one of SCALAR, ENUM, INPUT_OBJECT.", field.position());
            }
          }
        }
        default -> { }
      }
    }

    private void checkTypeRef(TypeRef type) throws GraphqlError {
      if (!types.containsKey(type.name())) {
        throw new GraphqlError("Undefined type " + type.name() + ".", type.position());
      }
    }

    private void checkArguments(List<ArgumentDefinition> args, DirectiveDefinition current)
        throws GraphqlError {
      for (ArgumentDefinition arg : args) {
        checkName(arg.position(), arg.name());
        checkTypeRef(arg.type());
        TypeBuilder t = types.get(arg.type().name());
        if (!INPUT_KINDS.contains(t.kind)) {
          throw new GraphqlError("cannot use " + arg.type().render() + " as argument "
              + arg.name() + " because " + t.kind + " is not a valid input type",
              arg.position());
        }
        checkDirectives(arg.directives(), "ARGUMENT_DEFINITION", current);
      }
    }

    private void checkDirectives(List<Directive> uses, String location,
        DirectiveDefinition current) throws GraphqlError {
      for (Directive use : uses) {
        checkName(use.position(), use.name());
        if (current != null && use.name().equals(current.name())) {
          throw new GraphqlError("Directive " + current.name() + " cannot refer to itself.",
              use.position());
        }
        DirectiveDefinition d = directives.get(use.name());
        if (d == null) {
          throw new GraphqlError("Undefined directive " + use.name() + ".", use.position());
        }
        if (!d.locations().contains(location)) {
          throw new GraphqlError("Directive " + use.name() + " is not applicable on " + location
              + ".", use.position());
        }
      }
    }

    /** The object and interface implementation rules of the spec's "Objects" section. */
    private void checkImplements(TypeBuilder def, String intfName) throws GraphqlError {
      TypeBuilder intf = types.get(intfName);
      if (intf == null) {
        throw new GraphqlError("Undefined type " + SprintfStrconv.quote(intfName) + ".",
            def.position);
      }
      if (!intf.kind.equals(GraphqlAst.INTERFACE_KIND)) {
        throw new GraphqlError(SprintfStrconv.quote(intfName) + " is a non interface type "
            + intf.kind + ".", def.position);
      }
      String prefix = "For " + def.name + " to implement " + intf.name;
      for (FieldDefinition required : intf.fields) {
        FieldDefinition found = GraphqlAst.forName(def.fields, FieldDefinition::name,
            required.name());
        if (found == null) {
          throw new GraphqlError(prefix + " it must have a field called " + required.name() + ".",
              def.position);
        }
        if (!isCovariant(required.type(), found.type())) {
          throw new GraphqlError(prefix + " the field " + required.name() + " must have type "
              + required.type().render() + ".", found.position());
        }
        checkImplementedArguments(prefix, required, found);
      }
      for (String transitive : intf.interfaces) {
        if (!def.interfaces.contains(transitive)) {
          throw new GraphqlError(transitive.equals(def.name)
              ? "Type " + def.name + " cannot implement " + intfName
                  + " because it would create a circular reference."
              : "Type " + def.name + " must implement " + transitive
                  + " because it is implemented by " + intfName + ".", def.position);
        }
      }
    }

    private void checkImplementedArguments(String prefix, FieldDefinition required,
        FieldDefinition found) throws GraphqlError {
      for (ArgumentDefinition requiredArg : required.arguments()) {
        ArgumentDefinition foundArg = found.argument(requiredArg.name());
        if (foundArg == null) {
          throw new GraphqlError(prefix + " the field " + required.name()
              + " must have the same arguments but it is missing " + requiredArg.name() + ".",
              found.position());
        }
        if (!requiredArg.type().isCompatible(foundArg.type())) {
          throw new GraphqlError(prefix + " the field " + required.name()
              + " must have the same arguments but " + requiredArg.name()
              + " has the wrong type.", foundArg.position());
        }
      }
      for (ArgumentDefinition extra : found.arguments()) {
        if (required.argument(extra.name()) == null && extra.type().nonNull()
            && extra.defaultValue() == null) {
          throw new GraphqlError(prefix + " any additional arguments on " + found.name()
              + " must be optional or have a default value but " + extra.name()
              + " is required.", extra.position());
        }
      }
    }

    private boolean isCovariant(TypeRef required, TypeRef actual) {
      if (required.nonNull() && !actual.nonNull()) {
        return false;
      }
      if (!required.namedType().isEmpty()) {
        return required.namedType().equals(actual.namedType())
            || possibleTypes.getOrDefault(required.namedType(), List.of())
                .contains(actual.namedType());
      }
      if (required.elem() == null || actual.elem() == null) {
        return false;
      }
      return isCovariant(required.elem(), actual.elem());
    }

    private static void checkName(Pos pos, String name) throws GraphqlError {
      if (name.startsWith("__")) {
        throw new GraphqlError("Name \"" + name + "\" must not begin with \"__\", which is "
            + "reserved by GraphQL introspection.", pos);
      }
    }
  }
}
