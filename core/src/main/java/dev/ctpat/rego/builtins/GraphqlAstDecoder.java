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
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads GraphQL trees from objects, as OPA does for AST arguments: it encodes the object as JSON
 * and decodes that into gqlparser's structs with Go's {@code encoding/json}. So keys match field
 * names exactly or else ignoring case, unknown keys and positions are ignored, nulls leave zero
 * values, and a member of the wrong JSON type fails with Go's message. gqlparser decodes
 * operations, fragments and fields by hand: those match keys exactly, and every selection is
 * decoded as a field first, so an inline fragment or fragment spread object comes back as a
 * field without a name (a selection that decodes as nothing is dropped).
 *
 * <p>Validation annotations in the object (a field's {@code Definition}, ...) are not read: the
 * validator works them out again. Members whose absence would make gqlparser dereference nil (a
 * variable's {@code Type}, an argument's {@code Value}, ...) are required, and null list members
 * are skipped.
 */
final class GraphqlAstDecoder {
  private GraphqlAstDecoder() {}

  /**
   * Decodes one value into a struct; {@code path} is the dotted field path to it from where Go's
   * decoding started, which Go's type errors name.
   */
  @FunctionalInterface
  private interface Decoder<T> {
    T decode(Value v, String path) throws GraphqlError;
  }

  /**
   * What a member decodes into: the Go type named in messages, whether gqlparser decodes it by
   * hand (then it reports non-objects itself), and the decoder.
   */
  private record Target<T>(String goType, boolean handWritten, Decoder<T> decoder) {}

  // gqlparser's hand-written decoders start a new Go decoding, so paths start again from them.
  private static final Target<Operation> OPERATION =
      new Target<>("ast.OperationDefinition", true, (v, path) -> operation(v));
  private static final Target<FragmentDefinition> FRAGMENT =
      new Target<>("ast.FragmentDefinition", true, (v, path) -> fragment(v));
  private static final Target<VariableDefinition> VARIABLE =
      new Target<>("ast.VariableDefinition", false, GraphqlAstDecoder::variable);
  private static final Target<Argument> ARGUMENT =
      new Target<>("ast.Argument", false, GraphqlAstDecoder::argument);
  private static final Target<Directive> DIRECTIVE =
      new Target<>("ast.Directive", false, GraphqlAstDecoder::directive);
  private static final Target<GraphqlAst.Value> VALUE =
      new Target<>("ast.Value", false, GraphqlAstDecoder::value);
  private static final Target<ChildValue> CHILD =
      new Target<>("ast.ChildValue", false, GraphqlAstDecoder::child);
  private static final Target<TypeRef> TYPE =
      new Target<>("ast.Type", false, GraphqlAstDecoder::type);
  private static final Target<SchemaDefinition> SCHEMA_DEFINITION =
      new Target<>("ast.SchemaDefinition", false, GraphqlAstDecoder::schemaDefinition);
  private static final Target<OperationTypeDefinition> OPERATION_TYPE =
      new Target<>("ast.OperationTypeDefinition", false, GraphqlAstDecoder::operationType);
  private static final Target<DirectiveDefinition> DIRECTIVE_DEFINITION =
      new Target<>("ast.DirectiveDefinition", false, GraphqlAstDecoder::directiveDefinition);
  private static final Target<Definition> DEFINITION =
      new Target<>("ast.Definition", false, GraphqlAstDecoder::definition);
  private static final Target<FieldDefinition> FIELD_DEFINITION =
      new Target<>("ast.FieldDefinition", false, GraphqlAstDecoder::fieldDefinition);
  private static final Target<ArgumentDefinition> ARGUMENT_DEFINITION =
      new Target<>("ast.ArgumentDefinition", false, GraphqlAstDecoder::argumentDefinition);
  private static final Target<EnumValueDefinition> ENUM_VALUE =
      new Target<>("ast.EnumValueDefinition", false, GraphqlAstDecoder::enumValue);

  static QueryDocument queryDocument(ObjectValue o) throws GraphqlError {
    Struct s = Struct.standard(o, "", "QueryDocument", "Operations", "Fragments");
    return new QueryDocument(s.list("Operations", "ast.OperationList", OPERATION),
        s.list("Fragments", "ast.FragmentDefinitionList", FRAGMENT));
  }

  static SchemaDocument schemaDocument(ObjectValue o) throws GraphqlError {
    Struct s = Struct.standard(o, "", "SchemaDocument", "Schema", "SchemaExtension", "Directives",
        "Definitions", "Extensions");
    return new SchemaDocument(
        s.list("Schema", "ast.SchemaDefinitionList", SCHEMA_DEFINITION),
        s.list("SchemaExtension", "ast.SchemaDefinitionList", SCHEMA_DEFINITION),
        s.list("Directives", "ast.DirectiveDefinitionList", DIRECTIVE_DEFINITION),
        s.list("Definitions", "ast.DefinitionList", DEFINITION),
        s.list("Extensions", "ast.DefinitionList", DEFINITION));
  }

  // ---- Executable documents ----

  private static Operation operation(Value v) throws GraphqlError {
    Struct s = Struct.handWritten(v, "Operation", "Name", "VariableDefinitions", "Directives",
        "SelectionSet");
    return new Operation(s.string("Operation", "ast.Operation"), s.string("Name", "string"),
        s.list("VariableDefinitions", "ast.VariableDefinitionList", VARIABLE),
        s.list("Directives", "ast.DirectiveList", DIRECTIVE), s.selections(), null);
  }

  private static FragmentDefinition fragment(Value v) throws GraphqlError {
    Struct s = Struct.handWritten(v, "Name", "VariableDefinition", "TypeCondition", "Directives",
        "SelectionSet");
    return new FragmentDefinition(s.string("Name", "string"),
        s.list("VariableDefinition", "ast.VariableDefinitionList", VARIABLE),
        s.string("TypeCondition", "string"), s.list("Directives", "ast.DirectiveList", DIRECTIVE),
        s.selections(), null);
  }

  private static VariableDefinition variable(Value v, String path) throws GraphqlError {
    Struct s = Struct.standard(v, path, "VariableDefinition", "Variable", "Type", "DefaultValue",
        "Directives", "Used");
    return new VariableDefinition(s.string("Variable", "string"), s.required("Type", TYPE),
        s.object("DefaultValue", VALUE), s.list("Directives", "ast.DirectiveList", DIRECTIVE),
        s.bool("Used"), null);
  }

  /**
   * A selection as gqlparser decodes one: as a field if that works (it does for any object),
   * else as a fragment spread, else as an inline fragment; null if nothing works.
   */
  private static Selection selection(Value v) {
    try {
      return field(v);
    } catch (GraphqlError notAField) {
      try {
        return fragmentSpread(v);
      } catch (GraphqlError notASpread) {
        try {
          return inlineFragment(v);
        } catch (GraphqlError nothing) {
          return null;
        }
      }
    }
  }

  private static Field field(Value v) throws GraphqlError {
    Struct s = Struct.handWritten(v, "Alias", "Name", "Arguments", "Directives", "SelectionSet");
    return new Field(s.string("Alias", "string"), s.string("Name", "string"),
        s.list("Arguments", "ast.ArgumentList", ARGUMENT),
        s.list("Directives", "ast.DirectiveList", DIRECTIVE), s.selections(), null);
  }

  private static FragmentSpread fragmentSpread(Value v) throws GraphqlError {
    if (!(v instanceof ObjectValue)) {
      throw Struct.typeError(v, "Go value of type ast.FragmentSpread");
    }
    Struct s = Struct.standard(v, "", "FragmentSpread", "Name", "Directives");
    return new FragmentSpread(s.string("Name", "string"),
        s.list("Directives", "ast.DirectiveList", DIRECTIVE), null);
  }

  private static InlineFragment inlineFragment(Value v) throws GraphqlError {
    Struct s = Struct.handWritten(v, "TypeCondition", "Directives", "SelectionSet");
    return new InlineFragment(s.string("TypeCondition", "string"),
        s.list("Directives", "ast.DirectiveList", DIRECTIVE), s.selections(), null);
  }

  private static Argument argument(Value v, String path) throws GraphqlError {
    Struct s = Struct.standard(v, path, "Argument", "Name", "Value");
    return new Argument(s.string("Name", "string"), s.required("Value", VALUE), null);
  }

  private static Directive directive(Value v, String path) throws GraphqlError {
    Struct s = Struct.standard(v, path, "Directive", "Name", "Arguments", "Location");
    return new Directive(s.string("Name", "string"),
        s.list("Arguments", "ast.ArgumentList", ARGUMENT),
        s.string("Location", "ast.DirectiveLocation"), null);
  }

  private static GraphqlAst.Value value(Value v, String path) throws GraphqlError {
    Struct s = Struct.standard(v, path, "Value", "Raw", "Children", "Kind");
    return new GraphqlAst.Value(s.integer("Kind", "ast.ValueKind"), s.string("Raw", "string"),
        s.list("Children", "ast.ChildValueList", CHILD), null);
  }

  private static ChildValue child(Value v, String path) throws GraphqlError {
    Struct s = Struct.standard(v, path, "ChildValue", "Name", "Value");
    return new ChildValue(s.string("Name", "string"), s.required("Value", VALUE), null);
  }

  private static TypeRef type(Value v, String path) throws GraphqlError {
    Struct s = Struct.standard(v, path, "Type", "NamedType", "Elem", "NonNull");
    TypeRef t = new TypeRef(s.string("NamedType", "string"), s.object("Elem", TYPE),
        s.bool("NonNull"), null);
    if (t.namedType().isEmpty() && t.elem() == null) {
      throw new GraphqlError("invalid GraphQL AST: Type has neither NamedType nor Elem", null);
    }
    return t;
  }

  // ---- Type system documents ----

  private static SchemaDefinition schemaDefinition(Value v, String path) throws GraphqlError {
    Struct s = Struct.standard(v, path, "SchemaDefinition", "Description", "Directives",
        "OperationTypes");
    return new SchemaDefinition(s.string("Description", "string"),
        s.list("Directives", "ast.DirectiveList", DIRECTIVE),
        s.list("OperationTypes", "ast.OperationTypeDefinitionList", OPERATION_TYPE), null);
  }

  private static OperationTypeDefinition operationType(Value v, String path)
      throws GraphqlError {
    Struct s = Struct.standard(v, path, "OperationTypeDefinition", "Operation", "Type");
    return new OperationTypeDefinition(s.string("Operation", "ast.Operation"),
        s.string("Type", "string"), null);
  }

  private static Definition definition(Value v, String path) throws GraphqlError {
    Struct s = Struct.standard(v, path, "Definition", "Kind", "Description", "Name", "Directives",
        "Interfaces", "Fields", "Types", "EnumValues", "BuiltIn");
    return new Definition(s.string("Kind", "ast.DefinitionKind"),
        s.string("Description", "string"), s.string("Name", "string"),
        s.list("Directives", "ast.DirectiveList", DIRECTIVE), s.strings("Interfaces"),
        s.list("Fields", "ast.FieldList", FIELD_DEFINITION), s.strings("Types"),
        s.list("EnumValues", "ast.EnumValueList", ENUM_VALUE), null, s.bool("BuiltIn"));
  }

  private static FieldDefinition fieldDefinition(Value v, String path) throws GraphqlError {
    Struct s = Struct.standard(v, path, "FieldDefinition", "Description", "Name", "Arguments",
        "DefaultValue", "Type", "Directives");
    return new FieldDefinition(s.string("Description", "string"), s.string("Name", "string"),
        s.list("Arguments", "ast.ArgumentDefinitionList", ARGUMENT_DEFINITION),
        s.object("DefaultValue", VALUE), s.required("Type", TYPE),
        s.list("Directives", "ast.DirectiveList", DIRECTIVE), null);
  }

  private static ArgumentDefinition argumentDefinition(Value v, String path)
      throws GraphqlError {
    Struct s = Struct.standard(v, path, "ArgumentDefinition", "Description", "Name",
        "DefaultValue", "Type", "Directives");
    return new ArgumentDefinition(s.string("Description", "string"), s.string("Name", "string"),
        s.object("DefaultValue", VALUE), s.required("Type", TYPE),
        s.list("Directives", "ast.DirectiveList", DIRECTIVE), null);
  }

  private static EnumValueDefinition enumValue(Value v, String path) throws GraphqlError {
    Struct s =
        Struct.standard(v, path, "EnumValueDefinition", "Description", "Name", "Directives");
    return new EnumValueDefinition(s.string("Description", "string"), s.string("Name", "string"),
        s.list("Directives", "ast.DirectiveList", DIRECTIVE), null);
  }

  private static DirectiveDefinition directiveDefinition(Value v, String path)
      throws GraphqlError {
    Struct s = Struct.standard(v, path, "DirectiveDefinition", "Description", "Name", "Arguments",
        "Locations", "IsRepeatable");
    return new DirectiveDefinition(s.string("Description", "string"), s.string("Name", "string"),
        s.list("Arguments", "ast.ArgumentDefinitionList", ARGUMENT_DEFINITION),
        s.strings("Locations"), s.bool("IsRepeatable"), null);
  }

  /** The members of one object matched to the fields of the struct it decodes into. */
  private static final class Struct {
    private final String goType;
    private final String path;
    private final boolean handWritten;
    private final Map<String, Value> members = new HashMap<>();

    private Struct(String goType, String path, boolean handWritten) {
      this.goType = goType;
      this.path = path;
      this.handWritten = handWritten;
    }

    /**
     * Go's decoding of {@code v} (an object) into struct {@code goType}, found at {@code path}:
     * each key, in sorted order, sets the field it names exactly or else ignoring case.
     */
    static Struct standard(Value v, String path, String goType, String... fields) {
      Struct s = new Struct(goType, path, false);
      ObjectValue o = (ObjectValue) v;
      for (Value key : o.sortedKeys()) {
        if (key instanceof StringValue k) {
          String field = matchField(k.value(), fields);
          if (field != null) {
            s.members.put(field, o.get(key));
          }
        }
      }
      return s;
    }

    /**
     * gqlparser's hand-written decoding: the value must be an object (or null, decoding as an
     * empty struct) and only exactly named keys count.
     */
    static Struct handWritten(Value v, String... fields) throws GraphqlError {
      Struct s = new Struct("", "", true);
      if (v instanceof NullValue) {
        return s;
      }
      if (!(v instanceof ObjectValue o)) {
        throw typeError(v, "Go value of type map[string]json.RawMessage");
      }
      for (String field : fields) {
        Value member = o.get(field);
        if (member != null) {
          s.members.put(field, member);
        }
      }
      return s;
    }

    private static String matchField(String key, String[] fields) {
      for (String f : fields) {
        if (f.equals(key)) {
          return f;
        }
      }
      for (String f : fields) {
        if (f.equalsIgnoreCase(key)) {
          return f;
        }
      }
      return null;
    }

    String string(String field, String goFieldType) throws GraphqlError {
      Value v = members.get(field);
      if (v == null || v instanceof NullValue) {
        return "";
      }
      if (v instanceof StringValue s) {
        return s.value();
      }
      throw fieldError(v, field, goFieldType);
    }

    boolean bool(String field) throws GraphqlError {
      Value v = members.get(field);
      if (v == null || v instanceof NullValue) {
        return false;
      }
      if (v instanceof BooleanValue b) {
        return b.value();
      }
      throw fieldError(v, field, "bool");
    }

    int integer(String field, String goFieldType) throws GraphqlError {
      Value v = members.get(field);
      if (v == null || v instanceof NullValue) {
        return 0;
      }
      if (v instanceof NumberValue n && n.isInt()) {
        return n.intValueExact();
      }
      // Go quotes the number it cannot fit into an integer field.
      String json = v instanceof NumberValue ? "number " + v : jsonKind(v);
      throw new GraphqlError("json: cannot unmarshal " + json + " into "
          + target(field, goFieldType), null);
    }

    /** A struct-pointer member; null when absent or null. */
    <T> T object(String field, Target<T> target) throws GraphqlError {
      Value v = members.get(field);
      if (v == null || v instanceof NullValue) {
        return null;
      }
      return element(v, field, target);
    }

    /** A struct-pointer member that must be present. */
    <T> T required(String field, Target<T> target) throws GraphqlError {
      T t = object(field, target);
      if (t == null) {
        throw new GraphqlError("invalid GraphQL AST: " + goType + " has no " + field, null);
      }
      return t;
    }

    <T> List<T> list(String field, String goListType, Target<T> target) throws GraphqlError {
      List<T> out = new ArrayList<>();
      for (Value item : members(field, goListType)) {
        if (!(item instanceof NullValue)) {
          out.add(element(item, field, target));
        }
      }
      return out;
    }

    List<String> strings(String field) throws GraphqlError {
      List<String> out = new ArrayList<>();
      for (Value item : members(field, "[]string")) {
        if (item instanceof StringValue s) {
          out.add(s.value());
        } else if (item instanceof NullValue) {
          out.add("");
        } else {
          throw fieldError(item, field, "string");
        }
      }
      return out;
    }

    /** gqlparser's selection set decoding: a non-array fails, bad members are dropped. */
    List<Selection> selections() throws GraphqlError {
      Value v = members.get("SelectionSet");
      List<Selection> out = new ArrayList<>();
      if (v == null || v instanceof NullValue) {
        return out;
      }
      if (!isArray(v)) {
        throw typeError(v, "Go value of type []json.RawMessage");
      }
      for (Value item : elements(v)) {
        Selection s = selection(item);
        if (s != null) {
          out.add(s);
        }
      }
      return out;
    }

    private List<Value> members(String field, String goListType) throws GraphqlError {
      Value v = members.get(field);
      if (v == null || v instanceof NullValue) {
        return List.of();
      }
      if (!isArray(v)) {
        throw fieldError(v, field, goListType);
      }
      return elements(v);
    }

    private <T> T element(Value v, String field, Target<T> target) throws GraphqlError {
      if (!target.handWritten() && !(v instanceof ObjectValue)) {
        throw fieldError(v, field, target.goType());
      }
      return target.decoder().decode(v, handWritten ? "" : fieldPath(field));
    }

    private String fieldPath(String field) {
      return path.isEmpty() ? field : path + "." + field;
    }

    /** Go's type error: hand-written decoders decode each member as a value of its own. */
    private GraphqlError fieldError(Value v, String field, String goFieldType) {
      return typeError(v, target(field, goFieldType));
    }

    private String target(String field, String goFieldType) {
      return handWritten
          ? "Go value of type " + goFieldType
          : "Go struct field " + goType + "." + fieldPath(field) + " of type " + goFieldType;
    }

    static GraphqlError typeError(Value v, String target) {
      return new GraphqlError("json: cannot unmarshal " + jsonKind(v) + " into " + target, null);
    }

    private static String jsonKind(Value v) {
      return switch (v.kind()) {
        case OBJECT -> "object";
        case ARRAY, SET -> "array";
        case STRING -> "string";
        case BOOLEAN -> "bool";
        case NUMBER -> "number";
        case NULL -> "null";
      };
    }

    private static boolean isArray(Value v) {
      return v instanceof ArrayValue || v instanceof SetValue;
    }

    private static List<Value> elements(Value v) {
      return v instanceof ArrayValue a ? a.elements() : ((SetValue) v).sorted();
    }
  }
}
