package dev.ctpat.rego.builtins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.InvalidSchemaException;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * JSON Schema checks for {@code json.verify_schema} and {@code json.match_schema}, on the
 * networknt validator. OPA uses gojsonschema; to give the same result shapes, a schema is first
 * checked against its meta-schema (draft 7 unless it names another), {@code pattern} uses RE2 as
 * in Go, remote references are refused, and each validation message is described with
 * gojsonschema's error type and wording where the keyword has one.
 */
final class JsonSchemaCheck {
  private static final String DEFAULT_META_SCHEMA = "http://json-schema.org/draft-07/schema#";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .regularExpressionFactory(JsonSchemaCheck::re2)
      .build();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
      SpecVersion.VersionFlag.V7,
      b -> b.schemaLoaders(loaders -> loaders.values(list -> list.add(0, iri -> {
        // Meta-schemas are mapped to the classpath; anything else would be fetched.
        if (!iri.toString().startsWith("classpath:")) {
          throw new InvalidSchemaException(ValidationMessage.builder()
              .message("remote schema references are not allowed: " + iri).build());
        }
        return null;
      }))));
  /** Compiled schemas by schema value; compiling is far costlier than validating. */
  private static final Cache<Value, JsonSchema> COMPILED =
      CacheBuilder.newBuilder().maximumSize(256).build();

  private JsonSchemaCheck() {}

  /** A schema or document that could not be used, with the reason. */
  static final class SchemaError extends Exception {
    SchemaError(String message) {
      super(message, null, false, false);
    }
  }

  /** Checks that {@code schema} is a usable schema. */
  static void verify(Value schema) throws SchemaError {
    compile(schema);
  }

  /**
   * Validates {@code document} against {@code schema}: [valid, errors], each error an object with
   * "error", "type", "field" and "desc" as OPA reports them.
   */
  static Value match(Value document, Value schema) throws SchemaError {
    JsonNode doc = toNode(document);
    JsonSchema compiled = compile(schema);
    List<Value> errors = new ArrayList<>();
    for (ValidationMessage m : compiled.validate(doc)) {
      errors.add(describe(m));
    }
    return ArrayValue.of(BooleanValue.of(errors.isEmpty()), ArrayValue.of(errors));
  }

  private static JsonSchema compile(Value schema) throws SchemaError {
    try {
      return COMPILED.get(schema, () -> compileUncached(toNode(schema)));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SchemaError se) {
        throw se;
      }
      throw new SchemaError(String.valueOf(e.getCause().getMessage()));
    } catch (com.google.common.util.concurrent.UncheckedExecutionException e) {
      throw new SchemaError(String.valueOf(e.getCause().getMessage()));
    }
  }

  private static JsonSchema compileUncached(JsonNode schema) throws SchemaError {
    try {
      String metaIri = schema.path("$schema").asText(DEFAULT_META_SCHEMA);
      Set<ValidationMessage> problems =
          FACTORY.getSchema(SchemaLocation.of(metaIri), CONFIG).validate(schema);
      if (!problems.isEmpty()) {
        throw new SchemaError(problems.iterator().next().getMessage());
      }
      JsonSchema compiled = FACTORY.getSchema(schema, CONFIG);
      compiled.initializeValidators();
      return compiled;
    } catch (JsonSchemaException | IllegalArgumentException e) {
      throw new SchemaError(e.getMessage());
    }
  }

  /**
   * The JSON form of a schema or document: a string is parsed (it must be valid JSON, as Go
   * checks it), an object converted.
   */
  private static JsonNode toNode(Value v) throws SchemaError {
    if (v instanceof StringValue s) {
      if (!EncodingGoJson.isValid(s.value())) {
        throw new SchemaError("invalid JSON string");
      }
      try {
        return MAPPER.readTree(s.value());
      } catch (JsonProcessingException e) {
        throw new SchemaError("invalid JSON string");
      }
    }
    if (v instanceof ObjectValue || v instanceof ArrayValue) {
      return jsonNode(v);
    }
    throw new SchemaError("wrong type, expected string or object");
  }

  private static JsonNode jsonNode(Value v) {
    switch (v.kind()) {
      case NULL:
        return NODES.nullNode();
      case BOOLEAN:
        return NODES.booleanNode(((BooleanValue) v).value());
      case NUMBER: {
        NumberValue n = (NumberValue) v;
        return n.isInteger() ? NODES.numberNode(n.bigIntegerExact())
            : NODES.numberNode(n.bigDecimal());
      }
      case STRING:
        return NODES.textNode(((StringValue) v).value());
      case ARRAY:
        return arrayNode(((ArrayValue) v).elements());
      case SET:
        return arrayNode(((SetValue) v).sorted());
      default: {
        ObjectNode o = NODES.objectNode();
        EncodingGoJson.stringKeyed((ObjectValue) v).forEach((k, val) -> o.set(k, jsonNode(val)));
        return o;
      }
    }
  }

  private static ArrayNode arrayNode(Collection<Value> items) {
    ArrayNode a = NODES.arrayNode();
    items.forEach(item -> a.add(jsonNode(item)));
    return a;
  }

  /** RE2 matching (unanchored, as Go's {@code MatchString}) for the "pattern" keywords. */
  private static com.networknt.schema.regex.RegularExpression re2(String regex) {
    try {
      Pattern p = Pattern.compile(regex);
      return value -> p.matcher(value).find();
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("Invalid regex pattern '" + regex + "'", e);
    }
  }

  // ---- gojsonschema's descriptions -----------------------------------------------------------

  private static Value describe(ValidationMessage m) {
    String field = field(m.getInstanceLocation());
    String[] typeAndDesc = typeAndDescription(m, field);
    return ObjectValue.builder()
        .put("error", StringValue.of(field + ": " + typeAndDesc[1]))
        .put("type", StringValue.of(typeAndDesc[0]))
        .put("field", StringValue.of(field))
        .put("desc", StringValue.of(typeAndDesc[1]))
        .build();
  }

  /** gojsonschema's field: the instance path joined with dots, or "(root)". */
  private static String field(JsonNodePath location) {
    if (location.getNameCount() == 0) {
      return "(root)";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(location.getElement(i));
    }
    return sb.toString();
  }

  private static String[] typeAndDescription(ValidationMessage m, String field) {
    Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
    String arg0 = args.length > 0 ? String.valueOf(args[0]) : "";
    String property = m.getProperty() != null ? m.getProperty() : arg0;
    return switch (m.getType()) {
      case "type" -> new String[] {"invalid_type", "Invalid type. Expected: "
          + (args.length > 1 ? String.valueOf(args[1]).replace(", ", ",") : "") + ", given: "
          + arg0};
      case "required" -> new String[] {"required", property + " is required"};
      case "additionalProperties" -> new String[] {"additional_property_not_allowed",
          "Additional property " + property + " is not allowed"};
      case "enum" -> new String[] {"enum", field + " must be one of the following: "
          + stripBrackets(arg0)};
      case "const" -> new String[] {"const", field + " does not match: " + json(m.getSchemaNode())};
      case "minimum" -> new String[] {"number_gte", "Must be greater than or equal to "
          + number(arg0)};
      case "exclusiveMinimum" -> new String[] {"number_gt", "Must be greater than " + number(arg0)};
      case "maximum" -> new String[] {"number_lte", "Must be less than or equal to "
          + number(arg0)};
      case "exclusiveMaximum" -> new String[] {"number_lt", "Must be less than " + number(arg0)};
      case "multipleOf" -> new String[] {"multiple_of", "Must be a multiple of " + number(arg0)};
      case "minLength" -> new String[] {"string_gte",
          "String length must be greater than or equal to " + arg0};
      case "maxLength" -> new String[] {"string_lte",
          "String length must be less than or equal to " + arg0};
      case "pattern" -> new String[] {"pattern", "Does not match pattern '" + arg0 + "'"};
      case "format" -> new String[] {"format", "Does not match format '" + arg0 + "'"};
      case "minItems" -> new String[] {"array_min_items", "Array must have at least " + arg0
          + " items"};
      case "maxItems" -> new String[] {"array_max_items", "Array must have at most " + arg0
          + " items"};
      case "uniqueItems" -> new String[] {"unique", duplicateItems(m.getInstanceNode())};
      case "minProperties" -> new String[] {"array_min_properties",
          "Must have at least " + arg0 + " properties"};
      case "maxProperties" -> new String[] {"array_max_properties",
          "Must have at most " + arg0 + " properties"};
      case "additionalItems", "items" -> new String[] {"array_no_additional_items",
          "No additional items allowed on array"};
      case "contains" -> new String[] {"contains", "At least one of the items must match"};
      case "propertyNames" -> new String[] {"invalid_property_name",
          "Property name of \"" + property + "\" does not match"};
      case "dependencies", "dependentRequired" -> new String[] {"missing_dependency",
          "Has a dependency on " + missingDependency(m)};
      case "anyOf" -> new String[] {"number_any_of", "Must validate at least one schema (anyOf)"};
      case "oneOf" -> new String[] {"number_one_of",
          "Must validate one and only one schema (oneOf)"};
      case "allOf" -> new String[] {"number_all_of", "Must validate all the schemas (allOf)"};
      case "not" -> new String[] {"number_not", "Must not validate the schema (not)"};
      case "false" -> new String[] {"false", "False always fails validation"};
      default -> new String[] {m.getType(), withoutLocation(m.getMessage())};
    };
  }

  private static String stripBrackets(String s) {
    return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
  }

  private static String withoutLocation(String message) {
    int colon = message.indexOf(": ");
    return colon >= 0 ? message.substring(colon + 2) : message;
  }

  private static String json(JsonNode node) {
    return node == null ? "null" : node.toString();
  }

  /** A bound as gojsonschema prints it: a big.Float with 10 significant digits. */
  private static String number(String text) {
    try {
      return EncodingYaml.goFormatG(new BigDecimal(text), 10);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  /** gojsonschema names the first repeated item and the earlier item it repeats. */
  private static String duplicateItems(JsonNode items) {
    Map<JsonNode, Integer> seen = new HashMap<>();
    if (items != null) {
      for (int j = 0; j < items.size(); j++) {
        Integer i = seen.put(items.get(j), j);
        if (i != null) {
          return "array items[" + i + "," + j + "] must be unique";
        }
      }
    }
    return "array items must be unique";
  }

  /** The first property that the failing property depends on but the object lacks. */
  private static String missingDependency(ValidationMessage m) {
    JsonNode instance = m.getInstanceNode();
    JsonNode deps = m.getSchemaNode() == null ? null : m.getSchemaNode().get(m.getProperty());
    if (instance != null && deps != null && deps.isArray()) {
      for (JsonNode d : deps) {
        if (!instance.has(d.asText())) {
          return d.asText();
        }
      }
    }
    return String.valueOf(m.getProperty());
  }
}
