package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The encoding builtins: base64, base64url, hex, URL query strings, JSON and YAML. Each follows
 * the Go library OPA delegates to ({@code encoding/base64}, {@code encoding/hex}, {@code net/url},
 * {@code encoding/json}, {@code sigs.k8s.io/yaml}), including its error messages. Strings are
 * handled as their UTF-8 bytes; decoded bytes that are not UTF-8 become U+FFFD.
 */
final class EncodingBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "encoding";
  private static final Type.Function STRING_TO_STRING = Types.fn(Types.STRING, Types.STRING);
  /**
   * OPA's is_valid builtins answer false, not an error, for a non-string, so they are declared
   * to take any value.
   */
  private static final Type.Function ANY_TO_BOOLEAN = Types.fn(Types.BOOLEAN, Types.ANY);

  @Override
  public void register(Consumer<Builtin> out) {
    registerBase64(out);
    registerHex(out);
    registerUrlQuery(out);
    registerJson(out);
    registerYaml(out);
  }

  // ---- base64 --------------------------------------------------------------------------------

  private static void registerBase64(Consumer<Builtin> out) {
    out.accept(stringFunction("base64.encode",
        s -> Base64.getEncoder().encodeToString(utf8(s))));
    out.accept(stringFunction("base64.decode", s -> text(EncodingBase64.STD.decode(utf8(s)))));
    out.accept(Builtin.function(CATEGORY, "base64.is_valid", ANY_TO_BOOLEAN,
        (ctx, args) -> BooleanValue.of(args.get(0) instanceof StringValue s && isBase64(s))));
    out.accept(stringFunction("base64url.encode",
        s -> Base64.getUrlEncoder().encodeToString(utf8(s))));
    out.accept(stringFunction("base64url.encode_no_pad",
        s -> Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(s))));
    out.accept(stringFunction("base64url.decode", EncodingBuiltins::decodeBase64Url));
  }

  private static boolean isBase64(StringValue s) {
    try {
      EncodingBase64.STD.decode(utf8(s.value()));
      return true;
    } catch (BuiltinException e) {
      return false;
    }
  }

  /** Decodes base64url with or without padding (RFC 7515 appendix C), as OPA does. */
  private static String decodeBase64Url(String s) throws BuiltinException {
    String padded = s;
    if (!s.endsWith("=")) {
      switch (utf8(s).length % 4) {
        case 2 -> padded = s + "==";
        case 3 -> padded = s + "=";
        case 1 -> throw BuiltinException.error("illegal base64url string: " + s);
        default -> { }
      }
    }
    return text(EncodingBase64.URL.decode(utf8(padded)));
  }

  // ---- hex -----------------------------------------------------------------------------------

  private static void registerHex(Consumer<Builtin> out) {
    out.accept(stringFunction("hex.encode", s -> HexFormat.of().formatHex(utf8(s))));
    out.accept(stringFunction("hex.decode", s -> text(decodeHex(utf8(s)))));
  }

  /** Go's {@code hex.DecodeString}: pairs of hex digits, reporting the first bad byte. */
  private static byte[] decodeHex(byte[] src) throws BuiltinException {
    byte[] out = new byte[src.length / 2];
    int i = 0;
    for (; i + 1 < src.length; i += 2) {
      out[i / 2] = (byte) (hexDigit(src[i]) << 4 | hexDigit(src[i + 1]));
    }
    if (src.length % 2 == 1) {
      // A bad character is reported before the odd length, being the earlier problem.
      hexDigit(src[i]);
      throw BuiltinException.error("encoding/hex: odd length hex string");
    }
    return out;
  }

  private static int hexDigit(byte b) throws BuiltinException {
    int d = Character.digit(b & 0xff, 16);
    if (d < 0 || (b & 0xff) >= 0x80) {
      throw BuiltinException.error("encoding/hex: invalid byte: " + goRuneLiteral(b & 0xff));
    }
    return d;
  }

  /** Go's {@code %#U} of a byte taken as a rune: {@code U+0067 'g'}, quoted only if printable. */
  private static String goRuneLiteral(int b) {
    String code = String.format("U+%04X", b);
    boolean printable = (b >= 0x20 && b < 0x7f) || (b >= 0xa1 && b != 0xad);
    return printable ? code + " '" + (char) b + "'" : code;
  }

  // ---- URL query -----------------------------------------------------------------------------

  private static void registerUrlQuery(Consumer<Builtin> out) {
    out.accept(stringFunction("urlquery.encode", EncodingBuiltins::queryEscape));
    out.accept(stringFunction("urlquery.decode", EncodingBuiltins::queryUnescape));
    Type stringList = Types.anyOf(Types.STRING, Types.arrayOf(Types.STRING),
        Types.setOf(Types.STRING));
    out.accept(Builtin.function(CATEGORY, "urlquery.encode_object",
        Types.fn(Types.STRING, Types.objectOf(Types.STRING, stringList)),
        (ctx, args) -> StringValue.of(encodeQuery(Operands.object(args, 0)))));
    out.accept(Builtin.function(CATEGORY, "urlquery.decode_object",
        Types.fn(Types.objectOf(Types.STRING, Types.arrayOf(Types.STRING)), Types.STRING),
        (ctx, args) -> decodeQuery(Operands.string(args, 0))));
  }

  /** Go's {@code url.QueryEscape}: all but {@code A-Za-z0-9-_.~} escaped, space as '+'. */
  static String queryEscape(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : utf8(s)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  /** Go's {@code url.QueryUnescape}: '+' is a space, {@code %XX} a byte. */
  static String queryUnescape(String s) throws BuiltinException {
    byte[] src = utf8(s);
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length);
    for (int i = 0; i < src.length; i++) {
      int c = src[i];
      if (c == '+') {
        out.write(' ');
      } else if (c == '%') {
        int hi = i + 2 < src.length ? Character.digit(src[i + 1], 16) : -1;
        int lo = hi >= 0 ? Character.digit(src[i + 2], 16) : -1;
        if (lo < 0) {
          byte[] bad = Arrays.copyOfRange(src, i, Math.min(i + 3, src.length));
          throw BuiltinException.error("invalid URL escape " + goQuote(bad));
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        out.write(c);
      }
    }
    return text(out.toByteArray());
  }

  /** Go's {@code url.Values.Encode}: keys in byte order, each value as its own pair. */
  private static String encodeQuery(ObjectValue o) throws BuiltinException {
    Map<String, Value> byKey = EncodingGoJson.stringKeyed(o);
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Value> e : byKey.entrySet()) {
      String key = queryEscape(e.getKey());
      for (String v : queryValues(e.getValue())) {
        if (sb.length() > 0) {
          sb.append('&');
        }
        sb.append(key).append('=').append(queryEscape(v));
      }
    }
    return sb.toString();
  }

  private static List<String> queryValues(Value v) throws BuiltinException {
    List<Value> items;
    if (v instanceof StringValue s) {
      return List.of(s.value());
    } else if (v instanceof ArrayValue a) {
      items = a.elements();
    } else if (v instanceof SetValue s) {
      items = s.sorted();
    } else {
      throw encodeObjectError();
    }
    List<String> out = new ArrayList<>(items.size());
    for (Value item : items) {
      if (!(item instanceof StringValue s)) {
        throw encodeObjectError();
      }
      out.add(s.value());
    }
    return out;
  }

  private static BuiltinException encodeObjectError() {
    return BuiltinException.typeError(
        "operand 1 values must be string, array[string], or set[string]");
  }

  /** Go's {@code url.ParseQuery}: pairs split on '&', values grouped by key in order. */
  private static Value decodeQuery(String query) throws BuiltinException {
    Map<String, List<Value>> params = new LinkedHashMap<>();
    BuiltinException first = null;
    for (String pair : query.split("&", -1)) {
      if (pair.contains(";")) {
        first = first != null ? first
            : BuiltinException.error("invalid semicolon separator in query");
        continue;
      }
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String key = queryUnescape(eq < 0 ? pair : pair.substring(0, eq));
        String value = queryUnescape(eq < 0 ? "" : pair.substring(eq + 1));
        params.computeIfAbsent(key, k -> new ArrayList<>()).add(StringValue.of(value));
      } catch (BuiltinException e) {
        first = first != null ? first : e;
      }
    }
    if (first != null) {
      throw first;
    }
    ObjectValue.Builder b = ObjectValue.builder();
    params.forEach((k, vs) -> b.put(k, ArrayValue.of(vs)));
    return b.build();
  }

  // ---- JSON ----------------------------------------------------------------------------------

  private static void registerJson(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "json.marshal", Types.fn(Types.STRING, Types.ANY),
        (ctx, args) -> StringValue.of(EncodingGoJson.marshal(args.get(0)))));
    Type options = new Type.Object(
        Map.of("pretty", Types.BOOLEAN, "indent", Types.STRING, "prefix", Types.STRING),
        Types.STRING, Types.ANY);
    out.accept(Builtin.function(CATEGORY, "json.marshal_with_options",
        Types.fn(Types.STRING, Types.ANY, options),
        (ctx, args) -> StringValue.of(marshalWithOptions(args.get(0), Operands.object(args, 1)))));
    out.accept(Builtin.function(CATEGORY, "json.unmarshal", Types.fn(Types.ANY, Types.STRING),
        (ctx, args) -> unmarshalJson(Operands.string(args, 0))));
    out.accept(Builtin.function(CATEGORY, "json.is_valid", ANY_TO_BOOLEAN,
        (ctx, args) -> BooleanValue.of(
            args.get(0) instanceof StringValue s && EncodingGoJson.isValid(s.value()))));
  }

  private static Value unmarshalJson(String text) throws BuiltinException {
    try {
      return EncodingGoJson.unmarshal(text);
    } catch (EncodingGoJson.SyntaxError e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  /**
   * OPA's json.marshal_with_options: "prefix" and "indent" imply pretty printing (indent
   * defaulting to a tab) unless "pretty" says otherwise; the prefix also starts the first line.
   */
  private static String marshalWithOptions(Value v, ObjectValue opts) throws BuiltinException {
    String prefix = "";
    String indent = "\t";
    boolean implicitPretty = false;
    Boolean explicitPretty = null;
    List<Value> keys = opts.sortedKeys();
    for (int idx = 0; idx < keys.size(); idx++) {
      Value k = keys.get(idx);
      Value val = opts.get(k);
      if (!(k instanceof StringValue key)) {
        throw optionError("failed to stringify key " + k + " at index " + idx + ": "
            + mustBeString(idx, k));
      }
      switch (key.value()) {
        case "prefix" -> {
          prefix = optionString(key, idx, val);
          implicitPretty = true;
        }
        case "indent" -> {
          indent = optionString(key, idx, val);
          implicitPretty = true;
        }
        case "pretty" -> {
          if (!(val instanceof BooleanValue b)) {
            throw optionError("key " + key + " failed cast to bool");
          }
          explicitPretty = b.value();
        }
        default -> throw optionError("object contained unknown key " + key);
      }
    }
    boolean pretty = explicitPretty != null ? explicitPretty : implicitPretty;
    return pretty ? prefix + EncodingGoJson.marshalIndent(v, prefix, indent)
        : EncodingGoJson.marshal(v);
  }

  private static String optionString(StringValue key, int idx, Value val)
      throws BuiltinException {
    if (val instanceof StringValue s) {
      return s.value();
    }
    throw optionError("key " + key + " failed cast to string: " + mustBeString(idx, val));
  }

  /** OPA checks option values with the key's index as the "operand" position. */
  private static String mustBeString(int idx, Value got) {
    return "operand " + idx + " must be string but got " + got.typeName();
  }

  private static BuiltinException optionError(String message) {
    return BuiltinException.typeError("operand 2 " + message);
  }

  // ---- YAML ----------------------------------------------------------------------------------

  private static void registerYaml(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "yaml.marshal", Types.fn(Types.STRING, Types.ANY),
        (ctx, args) -> StringValue.of(EncodingYaml.marshal(args.get(0)))));
    out.accept(Builtin.function(CATEGORY, "yaml.unmarshal", Types.fn(Types.ANY, Types.STRING),
        (ctx, args) -> unmarshalYaml(Operands.string(args, 0))));
    out.accept(Builtin.function(CATEGORY, "yaml.is_valid", ANY_TO_BOOLEAN,
        (ctx, args) -> BooleanValue.of(args.get(0) instanceof StringValue s && isYaml(s))));
  }

  private static Value unmarshalYaml(String text) throws BuiltinException {
    try {
      return EncodingYaml.unmarshal(text);
    } catch (EncodingYaml.YamlError e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static boolean isYaml(StringValue s) {
    try {
      EncodingYaml.unmarshal(s.value());
      return true;
    } catch (EncodingYaml.YamlError e) {
      return false;
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * Go's {@code strconv.Quote} of raw bytes: printable characters as they are, other characters
   * and bytes that are not UTF-8 escaped.
   */
  static String goQuote(byte[] bytes) {
    StringBuilder sb = new StringBuilder("\"");
    int i = 0;
    while (i < bytes.length) {
      int len = utf8Length(bytes, i);
      if (len == 0) {
        sb.append(String.format("\\x%02x", bytes[i] & 0xff));
        i++;
        continue;
      }
      int cp = text(Arrays.copyOfRange(bytes, i, i + len)).codePointAt(0);
      i += len;
      switch (cp) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (cp < 0x20 || cp == 0x7f) {
            sb.append(String.format("\\x%02x", cp));
          } else if (Character.isISOControl(cp) || !Character.isDefined(cp)) {
            sb.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
          } else {
            sb.appendCodePoint(cp);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** The length of the valid UTF-8 sequence at {@code i}, or 0 if there is none. */
  private static int utf8Length(byte[] b, int i) {
    int lead = b[i] & 0xff;
    int len = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3
        : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (len == 0 || i + len > b.length) {
      return 0;
    }
    for (int k = 1; k < len; k++) {
      if ((b[i + k] & 0xc0) != 0x80) {
        return 0;
      }
    }
    return text(Arrays.copyOfRange(b, i, i + len)).contains("\ufffd") ? 0 : len;
  }

  /** A string-to-string transformation that may fail. */
  @FunctionalInterface
  private interface StringOp {
    String apply(String s) throws BuiltinException;
  }

  private static Builtin stringFunction(String name, StringOp op) {
    return Builtin.function(CATEGORY, name, STRING_TO_STRING,
        (ctx, args) -> StringValue.of(op.apply(Operands.string(args, 0))));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Decoded bytes as a string; bytes that are not UTF-8 become U+FFFD. */
  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
