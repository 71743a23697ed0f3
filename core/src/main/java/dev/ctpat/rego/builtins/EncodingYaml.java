package dev.ctpat.rego.builtins;

import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * YAML as OPA reads and writes it through {@code sigs.k8s.io/yaml}: YAML 1.1 typing as go-yaml v2
 * resolves it ({@code yes}, {@code on} and {@code y} are booleans; timestamps stay strings),
 * mappings turned into JSON objects with string keys, and output in go-yaml's block style with
 * keys in its "natural" order. SnakeYAML does the parsing and emitting; this class supplies the
 * typing, the conversion and go-yaml's error wording.
 */
final class EncodingYaml {
  private static final Resolver RESOLVER = new GoYamlResolver();
  /** go-yaml quotes strings that YAML 1.1 would read as sexagesimal floats. */
  private static final Pattern BASE60_FLOAT =
      Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
  private static final Set<String> TRUE_WORDS = Set.of("y", "yes", "true", "on");
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private EncodingYaml() {}

  /** A YAML document that could not be read, with go-yaml's message. */
  static final class YamlError extends Exception {
    YamlError(String message) {
      super(message, null, false, false);
    }
  }

  /** The value of the first YAML document in {@code text} ({@code null} when there is none). */
  static Value unmarshal(String text) throws YamlError {
    Node root;
    try {
      Iterator<Node> docs = newYaml().composeAll(new StringReader(text)).iterator();
      root = docs.hasNext() ? docs.next() : null;
    } catch (MarkedYAMLException e) {
      throw new YamlError(goMessage(e));
    } catch (YAMLException e) {
      throw new YamlError("yaml: " + e.getMessage());
    }
    return root == null ? NullValue.INSTANCE : new NodeConverter().convert(root);
  }

  /** YAML text for a value, as {@code yaml.marshal} writes it. */
  static String marshal(Value v) {
    StringWriter out = new StringWriter();
    newYaml().serialize(toNode(v), out);
    return out.toString();
  }

  private static Yaml newYaml() {
    LoaderOptions loading = new LoaderOptions();
    loading.setMergeOnCompose(true);
    loading.setAllowRecursiveKeys(false);
    loading.setNestingDepthLimit(1_000);
    loading.setCodePointLimit(16 * 1024 * 1024);
    DumperOptions dumping = new DumperOptions();
    dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    dumping.setIndent(2);
    return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading,
        RESOLVER);
  }

  // ---- reading -------------------------------------------------------------------------------

  /**
   * Converts a composed node graph to a value as go-yaml and {@code YAMLToJSON} do. A node shared
   * through an alias is converted once; an alias to an enclosing node is an error, as in go-yaml.
   */
  private static final class NodeConverter {
    private final Map<Node, Value> done = new IdentityHashMap<>();
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();

    Value convert(Node node) throws YamlError {
      Value v = done.get(node);
      if (v != null) {
        return v;
      }
      if (inProgress.put(node, Boolean.TRUE) != null) {
        throw new YamlError("yaml: anchor value contains itself");
      }
      v = switch (node.getNodeId()) {
        case scalar -> scalar((ScalarNode) node);
        case sequence -> sequence((SequenceNode) node);
        case mapping -> mapping((MappingNode) node);
        default -> throw new YamlError("yaml: unsupported node " + node.getNodeId());
      };
      inProgress.remove(node);
      done.put(node, v);
      return v;
    }

    private Value sequence(SequenceNode node) throws YamlError {
      List<Value> items = new ArrayList<>(node.getValue().size());
      for (Node child : node.getValue()) {
        items.add(convert(child));
      }
      return ArrayValue.of(items);
    }

    private Value mapping(MappingNode node) throws YamlError {
      // A !!set is a mapping whose values are null; go-yaml reads it as just that.
      ObjectValue.Builder b = ObjectValue.builder();
      for (NodeTuple t : node.getValue()) {
        b.put(jsonKey(convertKey(t.getKeyNode())), convert(t.getValueNode()));
      }
      return b.build();
    }

    private Object convertKey(Node key) throws YamlError {
      if (!(key instanceof ScalarNode s)) {
        throw new YamlError("unsupported map key of type " + key.getNodeId());
      }
      return scalarObject(s);
    }

    private static Value scalar(ScalarNode node) throws YamlError {
      Object o = scalarObject(node);
      if (o instanceof Double d) {
        if (d.isNaN() || d.isInfinite()) {
          throw new YamlError("json: unsupported value: " + goFormatFloat(d, false));
        }
        return NumberValue.of(d);
      }
      if (o instanceof BigInteger i) {
        return NumberValue.of(i);
      }
      if (o instanceof Boolean b) {
        return BooleanValue.of(b);
      }
      return o == null ? NullValue.INSTANCE : StringValue.of((String) o);
    }
  }

  /**
   * A scalar as go-yaml decodes it into {@code interface{}}: null, Boolean, BigInteger (int64 or
   * uint64 range), Double or String.
   */
  private static Object scalarObject(ScalarNode node) {
    String text = node.getValue();
    Tag tag = node.getTag();
    if (tag.equals(Tag.NULL)) {
      return null;
    } else if (tag.equals(Tag.BOOL)) {
      return TRUE_WORDS.contains(text.toLowerCase(Locale.ROOT));
    } else if (tag.equals(Tag.INT)) {
      return goInt(text);
    } else if (tag.equals(Tag.FLOAT)) {
      return goFloat(text);
    } else if (tag.equals(Tag.BINARY)) {
      return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
    }
    return text;
  }

  /**
   * Parses an integer as go-yaml does ({@code strconv.ParseInt} with base 0 after removing
   * underscores). Out of int64 and uint64 range, or an invalid octal literal, it becomes a float
   * when it looks like one, and otherwise stays a string.
   */
  private static Object goInt(String text) {
    String plain = text.replace("_", "");
    boolean negative = plain.startsWith("-");
    String digits = plain.startsWith("-") || plain.startsWith("+") ? plain.substring(1) : plain;
    int radix = 10;
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      char p = Character.toLowerCase(digits.charAt(1));
      radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 8;
      digits = digits.substring(p == 'x' || p == 'o' || p == 'b' ? 2 : 1);
    }
    try {
      BigInteger v = new BigInteger(digits, radix);
      v = negative ? v.negate() : v;
      if (v.bitLength() < 64 || (v.signum() > 0 && v.compareTo(UINT64_MAX) <= 0)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // An invalid octal literal such as 09 falls through to the float reading, as in go-yaml.
    }
    return radix == 10 || radix == 8 ? goFloat(text) : text;
  }

  private static Object goFloat(String text) {
    String plain = text.replace("_", "");
    return switch (plain) {
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> Double.POSITIVE_INFINITY;
      case "-.inf", "-.Inf", "-.INF" -> Double.NEGATIVE_INFINITY;
      case ".nan", ".NaN", ".NAN" -> Double.NaN;
      default -> Double.parseDouble(plain);
    };
  }

  /** {@code YAMLToJSON}'s string form of a mapping key. */
  private static String jsonKey(Object key) throws YamlError {
    if (key instanceof String s) {
      return s;
    } else if (key instanceof BigInteger i) {
      return i.toString();
    } else if (key instanceof Double d) {
      // go-yaml formats float keys at 32-bit precision.
      return goFormatFloat(d, true);
    } else if (key instanceof Boolean b) {
      return b.toString();
    }
    return "null";
  }

  // ---- writing -------------------------------------------------------------------------------

  private static Node toNode(Value v) {
    return switch (v.kind()) {
      case NULL -> plainScalar("null");
      case BOOLEAN -> plainScalar(v.toString());
      case NUMBER -> plainScalar(numberText((NumberValue) v));
      case STRING -> stringScalar(((StringValue) v).value());
      case ARRAY -> sequence(((ArrayValue) v).elements());
      case SET -> sequence(((SetValue) v).sorted());
      case OBJECT -> mapping((ObjectValue) v);
    };
  }

  /** A scalar whose text resolves to its own type, so it is written plain and untagged. */
  private static Node plainScalar(String text) {
    return new ScalarNode(RESOLVER.resolve(NodeId.scalar, text, true), text, null, null,
        DumperOptions.ScalarStyle.PLAIN);
  }

  /**
   * A string in go-yaml's style: literal block for multi-line text, double quotes when plain text
   * would read back as another type, and otherwise plain (the emitter falls back to single quotes
   * when plain text is not allowed, as libyaml's does).
   */
  private static Node stringScalar(String s) {
    DumperOptions.ScalarStyle style;
    if (s.contains("\n")) {
      style = DumperOptions.ScalarStyle.LITERAL;
    } else if (!RESOLVER.resolve(NodeId.scalar, s, true).equals(Tag.STR)
        || BASE60_FLOAT.matcher(s).matches()) {
      style = DumperOptions.ScalarStyle.DOUBLE_QUOTED;
    } else {
      style = DumperOptions.ScalarStyle.PLAIN;
    }
    return new ScalarNode(Tag.STR, s, null, null, style);
  }

  private static Node sequence(Collection<Value> items) {
    List<Node> nodes = new ArrayList<>(items.size());
    items.forEach(item -> nodes.add(toNode(item)));
    return new SequenceNode(Tag.SEQ, nodes, DumperOptions.FlowStyle.BLOCK);
  }

  private static Node mapping(ObjectValue o) {
    Map<String, Value> sorted = new TreeMap<>(EncodingYaml::compareKeys);
    sorted.putAll(EncodingGoJson.stringKeyed(o));
    List<NodeTuple> tuples = new ArrayList<>(sorted.size());
    sorted.forEach((k, val) -> tuples.add(new NodeTuple(stringScalar(k), toNode(val))));
    return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK);
  }

  /**
   * A number as it comes back from go-yaml after a JSON round trip: integers within int64 or
   * uint64 range as digits, anything else as a float64 in Go's shortest {@code %g} form.
   */
  private static String numberText(NumberValue n) {
    if (n.isInteger()) {
      BigInteger i = n.bigIntegerExact();
      if (i.bitLength() < 64 || (i.signum() > 0 && i.compareTo(UINT64_MAX) <= 0)) {
        return i.toString();
      }
    }
    return goFormatFloat(n.doubleValue(), false);
  }

  /**
   * go-yaml's ordering of string keys: runs of digits compare by numeric value, letters sort
   * after other characters, and otherwise code points compare.
   */
  static int compareKeys(String a, String b) {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return Integer.compare(ar[i], br[i]);
      }
      if (al || bl) {
        return al ? 1 : -1;
      }
      return compareDigitRuns(ar, br, i);
    }
    return Integer.compare(ar.length, br.length);
  }

  /** Compares the digit runs starting at {@code i}, where the two keys first differ. */
  private static int compareDigitRuns(int[] ar, int[] br, int i) {
    long an = 0;
    long bn = 0;
    if (ar[i] == '0' || br[i] == '0') {
      // A zero after a non-zero digit is part of a larger number: compare as if both were.
      for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
        if (ar[j] != '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    int ai = i;
    while (ai < ar.length && Character.isDigit(ar[ai])) {
      an = an * 10 + (ar[ai++] - '0');
    }
    int bi = i;
    while (bi < br.length && Character.isDigit(br[bi])) {
      bn = bn * 10 + (br[bi++] - '0');
    }
    if (an != bn) {
      return Long.compare(an, bn);
    }
    if (ai != bi) {
      return Integer.compare(ai, bi);
    }
    return Integer.compare(ar[i], br[i]);
  }

  /**
   * Go's {@code strconv.FormatFloat(f, 'g', -1, bits)}: the shortest digits that read back, in
   * exponent form when the exponent is below -4 or at least 6.
   */
  static String goFormatFloat(double d, boolean float32) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    return goFormatG(new BigDecimal(float32 ? Float.toString((float) d) : Double.toString(d)), -1);
  }

  /**
   * Go's {@code %g} of a decimal rounded to {@code precision} significant digits, or with its
   * own digits when {@code precision} is -1 (Go's "shortest", which switches to exponent form
   * from 1e6). Trailing zeros are dropped, as {@code %g} does.
   */
  static String goFormatG(BigDecimal value, int precision) {
    BigDecimal v = precision > 0
        ? value.round(new MathContext(precision, RoundingMode.HALF_EVEN)) : value;
    if (v.signum() == 0) {
      return "0";
    }
    v = v.stripTrailingZeros();
    String digits = v.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - v.scale();
    int eprec = 6;
    if (precision > 0) {
      eprec = precision > digits.length() && digits.length() >= exp + 1 ? digits.length()
          : precision;
    }
    if (exp >= -4 && exp < eprec) {
      return v.toPlainString();
    }
    StringBuilder sb = new StringBuilder();
    if (v.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('e').append(exp < 0 ? '-' : '+');
    int abs = Math.abs(exp);
    if (abs < 10) {
      sb.append('0');
    }
    return sb.append(abs).toString();
  }

  // ---- errors --------------------------------------------------------------------------------

  /**
   * go-yaml's message for a SnakeYAML error: {@code yaml: line N: problem}, with libyaml's wording
   * and line numbering (scanner errors count from 1; parser errors report the 0-based line, which
   * libyaml advances past a final line without a line break).
   */
  static String goMessage(MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    int line = 0;
    if (mark != null) {
      line = mark.getLine();
      if (e instanceof ScannerException) {
        line++;
      } else if (mark.getColumn() > 0 && atEnd(mark)) {
        line++;
      }
    }
    if (line == 0 && e.getContextMark() != null) {
      line = e.getContextMark().getLine();
    }
    String where = line > 0 ? "line " + line + ": " : "";
    return "yaml: " + where + libyamlWording(e.getProblem());
  }

  private static boolean atEnd(Mark mark) {
    int[] buffer = mark.getBuffer();
    return buffer != null && mark.getPointer() >= buffer.length;
  }

  private static String libyamlWording(String problem) {
    if (problem == null) {
      return "unknown problem parsing YAML content";
    }
    if (problem.startsWith("expected ")) {
      int but = problem.indexOf(", but ");
      String expected = but > 0 ? problem.substring(0, but) : problem;
      return "did not find " + expected.replace("expected the ", "expected ");
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return "mapping values are not allowed in this context";
    }
    if (problem.startsWith("found character") && problem.contains("cannot start any token")) {
      return "found character that cannot start any token";
    }
    return problem;
  }

  /**
   * go-yaml v2's implicit typing (YAML 1.1): booleans include y/n, yes/no and on/off; integers
   * take Go's base prefixes and underscores; timestamps are recognised (so that such strings are
   * quoted on output) but read back as strings.
   */
  private static final class GoYamlResolver extends Resolver {
    private static final Pattern GO_BOOL = Pattern.compile(
        "^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
    private static final Pattern GO_INT = Pattern.compile("^[-+]?(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F]"
        + "[0-9a-fA-F_]*|0[oO][0-7_]*[0-7][0-7_]*|0[bB][01_]*[01][01_]*|_*[0-9][0-9_]*)$");
    private static final Pattern GO_FLOAT = Pattern.compile("^(?:[-+]?(?:\\.[0-9_]*[0-9][0-9_]*"
        + "|_*[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9_]*[0-9][0-9_]*)?"
        + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    private static final Pattern GO_NULL = Pattern.compile("^(?:~|null|Null|NULL)$");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, GO_BOOL, "yYnNtTfFoO");
      addImplicitResolver(Tag.INT, GO_INT, "-+0123456789_");
      addImplicitResolver(Tag.FLOAT, GO_FLOAT, "-+0123456789._");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, GO_NULL, "~nN");
      addImplicitResolver(Tag.NULL, EMPTY, null);
      addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789");
    }
  }
}
