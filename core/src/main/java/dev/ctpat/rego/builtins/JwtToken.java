package dev.ctpat.rego.builtins;

import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A JWS in compact serialization ({@code header.payload.signature}, each part base64url), split
 * and decoded as OPA does, with OPA's messages for each way a token can be malformed.
 *
 * @param header the encoded header
 * @param payload the encoded payload
 * @param signature the encoded signature
 */
record JwtToken(String header, String payload, String signature) {

  /** OPA's {@code decodeJWT}: three parts separated by periods. */
  static JwtToken split(String jwt) throws BuiltinException {
    if (jwt.indexOf('.') < 0) {
      throw BuiltinException.error("encoded JWT had no period separators");
    }
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      throw BuiltinException.error("encoded JWT must have 3 sections, found " + parts.length);
    }
    return new JwtToken(parts[0], parts[1], parts[2]);
  }

  /** The bytes the signature signs: the encoded header and payload, joined by a period. */
  byte[] signingInput() {
    return (header + "." + payload).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The header as a JSON object. A header with {@code enc} belongs to an encrypted token (a
   * JWE), which OPA does not support.
   */
  ObjectValue decodeHeader() throws BuiltinException {
    String text;
    try {
      text = text(base64Url(header));
    } catch (BuiltinException e) {
      throw BuiltinException.error("JWT header had invalid encoding: " + e.getMessage());
    }
    ObjectValue decoded;
    try {
      decoded = jsonObject(text);
    } catch (BuiltinException e) {
      throw BuiltinException.error("bad JWT header: " + e.getMessage());
    }
    if (decoded.get("enc") != null) {
      throw BuiltinException.error("JWT is a JWE object, which is not supported");
    }
    return decoded;
  }

  /** The decoded payload text. */
  String decodePayload() throws BuiltinException {
    try {
      return text(base64Url(payload));
    } catch (BuiltinException e) {
      throw BuiltinException.error("JWT payload had invalid encoding: " + e.getMessage());
    }
  }

  /** The decoded signature; a bad encoding is reported with the decoder's bare message. */
  byte[] decodeSignature() throws BuiltinException {
    return base64Url(signature);
  }

  /**
   * OPA's {@code base64url.decode}: padding is optional (RFC 7515 appendix C), and errors carry
   * Go's messages.
   */
  static byte[] base64Url(String s) throws BuiltinException {
    String padded = s;
    if (!s.endsWith("=")) {
      switch (s.getBytes(StandardCharsets.UTF_8).length % 4) {
        case 2 -> padded = s + "==";
        case 3 -> padded = s + "=";
        case 1 -> throw BuiltinException.error("illegal base64url string: " + s);
        default -> { }
      }
    }
    return EncodingBase64.URL.decode(padded.getBytes(StandardCharsets.UTF_8));
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * OPA's {@code extractJSONObject}: JSON read as {@code json.unmarshal} reads it (so the last
   * of duplicate keys wins), which must be an object.
   */
  static ObjectValue jsonObject(String text) throws BuiltinException {
    Value v;
    try {
      v = EncodingGoJson.unmarshal(text);
    } catch (EncodingGoJson.SyntaxError e) {
      throw BuiltinException.error("invalid JSON: " + e.getMessage());
    }
    if (v instanceof ObjectValue o) {
      return o;
    }
    throw BuiltinException.error("decoded JSON type was not an Object");
  }

  /** The registered header parameters OPA checks, parsed as its {@code parseTokenHeader}. */
  record Header(String alg, String kid, String cty, Set<String> crit, List<String> unknown) {

    static Header parse(ObjectValue header) throws BuiltinException {
      String alg = "";
      String kid = "";
      String cty = "";
      Set<String> crit = null;
      List<String> unknown = new ArrayList<>();
      for (Value key : header.sortedKeys()) {
        String name = key instanceof StringValue s ? s.value() : key.toString();
        Value v = header.get(key);
        switch (name) {
          case "alg" -> alg = string(name, v);
          case "kid" -> kid = string(name, v);
          case "typ" -> string(name, v);
          case "cty" -> cty = string(name, v);
          case "crit" -> crit = crit(v);
          default -> unknown.add(name);
        }
      }
      return new Header(alg, kid, cty, crit, unknown);
    }

    private static String string(String name, Value v) throws BuiltinException {
      if (v instanceof StringValue s) {
        return s.value();
      }
      throw BuiltinException.error(name + ": must be a string");
    }

    /** The critical parameters; OPA ignores members that are not strings. */
    private static Set<String> crit(Value v) throws BuiltinException {
      if (!(v instanceof ArrayValue list)) {
        throw BuiltinException.error("crit: must be a list");
      }
      Set<String> names = new HashSet<>();
      for (Value e : list.elements()) {
        if (e instanceof StringValue s) {
          names.add(s.value());
        }
      }
      if (names.isEmpty()) {
        throw BuiltinException.error("crit: must be a nonempty list");
      }
      return names;
    }

    /**
     * RFC 7515: a JWS needs an algorithm, and is invalid when a parameter it marks critical is
     * one the verifier does not understand.
     */
    boolean isValid() {
      return !alg.isEmpty() && (crit == null || unknown.stream().noneMatch(crit::contains));
    }
  }
}
