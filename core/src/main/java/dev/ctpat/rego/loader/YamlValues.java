package dev.ctpat.rego.loader;

import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into JSON-shaped values the way OPA does (YAML converted to JSON): mapping keys
 * become strings, decimals stay exact, and timestamps stay the strings they were written as.
 * Anything JSON cannot hold (binary, sets, infinities) is an error.
 */
public final class YamlValues {
  private YamlValues() {}

  /**
   * Parses one YAML document into a value; an empty document is {@code null}.
   *
   * @throws YamlSyntaxException if the text is not YAML or holds something JSON cannot
   */
  public static Value parse(String text) {
    Object tree;
    try {
      tree = new Yaml(new JsonShapedConstructor(loaderOptions())).load(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw mark == null
          ? new YamlSyntaxException(problem, 0, 0)
          : new YamlSyntaxException(problem, mark.getLine() + 1, mark.getColumn() + 1);
    } catch (YAMLException e) {
      throw new YamlSyntaxException(e.getMessage(), 0, 0);
    }
    return toValue(tree);
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    // The defaults (3 MB, depth 50) are meant for configuration files; data documents and
    // conformance suites are larger. Alias expansion stays bounded (billion laughs).
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setNestingDepthLimit(10_000);
    return options;
  }

  private static Value toValue(Object node) {
    if (node instanceof Map<?, ?> map) {
      ObjectValue.Builder b = ObjectValue.builder();
      map.forEach((k, v) -> b.put(keyText(k), toValue(v)));
      return b.build();
    }
    if (node instanceof List<?> list) {
      List<Value> items = new ArrayList<>(list.size());
      list.forEach(item -> items.add(toValue(item)));
      return ArrayValue.of(items);
    }
    if (node == null || node instanceof String || node instanceof Boolean
        || node instanceof Number) {
      return Json.fromJava(node);
    }
    throw new YamlSyntaxException(
        "unsupported YAML value of type " + node.getClass().getSimpleName(), 0, 0);
  }

  /** JSON objects only have string keys; YAML's {@code 1:}, {@code true:} become "1", "true". */
  private static StringValue keyText(Object key) {
    if (key instanceof BigDecimal d) {
      return StringValue.of(d.stripTrailingZeros().toPlainString());
    }
    return StringValue.of(String.valueOf(key));
  }

  /** SnakeYAML's safe constructor, with exact decimals and timestamps kept as text. */
  private static final class JsonShapedConstructor extends SafeConstructor {
    JsonShapedConstructor(LoaderOptions options) {
      super(options);
      yamlConstructors.put(Tag.FLOAT, new ConstructExactDecimal());
      yamlConstructors.put(Tag.TIMESTAMP, new ConstructPlainText());
    }

    private final class ConstructExactDecimal extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        String text = constructScalar((ScalarNode) node).replace("_", "");
        try {
          return new BigDecimal(text);
        } catch (NumberFormatException e) {
          throw new YAMLException("number " + text + " cannot be represented in JSON");
        }
      }
    }

    private final class ConstructPlainText extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        return constructScalar((ScalarNode) node);
      }
    }
  }

  /** YAML text that could not be read, with the 1-based line and column (0 when unknown). */
  public static final class YamlSyntaxException extends IllegalArgumentException {
    private final int line;
    private final int column;

    public YamlSyntaxException(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }
}
