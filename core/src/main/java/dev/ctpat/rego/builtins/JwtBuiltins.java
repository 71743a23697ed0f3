package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.JwtKeys.JwtKey;
import dev.ctpat.rego.builtins.JwtToken.Header;
import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * OPA's JSON Web Token builtins: {@code io.jwt.decode}, the signature checks
 * {@code io.jwt.verify_<alg>}, {@code io.jwt.decode_verify} (see {@link JwtDecodeVerify}), and
 * {@code io.jwt.encode_sign} / {@code io.jwt.encode_sign_raw}, which sign with a JSON Web Key.
 *
 * <p>Signing follows OPA 1.x: {@code encode_sign} serializes its objects as compact JSON with
 * sorted keys, as Go's {@code json.Marshal} does (OPA before 1.0 wrote {@code {"alg": "HS256"}}
 * with spaces). An unusable header is reported as OPA before 1.0 reported it: Go's
 * {@code encoding/json} message for bad JSON, "unknown signature algorithm" for a missing or
 * unknown {@code alg} (OPA 1.x words these after its JWS library).
 */
final class JwtBuiltins implements BuiltinFamily {
  private static final String TOKENS = "tokens";
  private static final String TOKEN_SIGNING = "tokensign";
  private static final Type ANY_OBJECT = Types.objectOf(Types.ANY, Types.ANY);
  private static final Type STRING_OBJECT = Types.objectOf(Types.STRING, Types.ANY);
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(TOKENS, "io.jwt.decode",
        Types.fn(Types.tuple(ANY_OBJECT, ANY_OBJECT, Types.STRING), Types.STRING),
        (ctx, args) -> decode(Operands.string(args, 0))));
    for (JwtAlgorithm alg : JwtAlgorithm.values()) {
      String name = "io.jwt.verify_" + alg.jwsName().toLowerCase(Locale.ROOT);
      out.accept(Builtin.function(TOKENS, name,
          Types.fn(Types.BOOLEAN, Types.STRING, Types.STRING),
          (ctx, args) -> BooleanValue.of(verify(alg, Operands.string(args, 0),
              Operands.string(args, 1)))));
    }
    out.accept(Builtin.function(TOKENS, "io.jwt.decode_verify",
        Types.fn(Types.tuple(Types.BOOLEAN, ANY_OBJECT, ANY_OBJECT), Types.STRING,
            STRING_OBJECT),
        (ctx, args) -> JwtDecodeVerify.decodeVerify(Operands.string(args, 0),
            Operands.object(args, 1), ctx.now()))
        .asNondeterministic());
    out.accept(Builtin.function(TOKEN_SIGNING, "io.jwt.encode_sign_raw",
        Types.fn(Types.STRING, Types.STRING, Types.STRING, Types.STRING),
        (ctx, args) -> StringValue.of(encodeSign(Operands.string(args, 0),
            Operands.string(args, 1), Operands.string(args, 2))))
        .asNondeterministic());
    out.accept(Builtin.function(TOKEN_SIGNING, "io.jwt.encode_sign",
        Types.fn(Types.STRING, STRING_OBJECT, STRING_OBJECT, STRING_OBJECT),
        (ctx, args) -> StringValue.of(encodeSign(EncodingGoJson.marshal(args.get(0)),
            EncodingGoJson.marshal(args.get(1)), EncodingGoJson.marshal(args.get(2)))))
        .asNondeterministic());
  }

  /**
   * {@code [header, payload, signature as hex]}. A token whose header says {@code cty: JWT}
   * carries another token as its payload (possibly quoted), which is decoded instead.
   */
  static Value decode(String jwt) throws BuiltinException {
    JwtToken token = JwtToken.split(jwt);
    ObjectValue header = token.decodeHeader();
    String payload = token.decodePayload();
    if (header.get("cty") instanceof StringValue cty && cty.value().equals("JWT")) {
      return decode(trimQuotes(payload));
    }
    ObjectValue claims = JwtToken.jsonObject(payload);
    byte[] signature;
    try {
      signature = token.decodeSignature();
    } catch (BuiltinException e) {
      throw BuiltinException.error("JWT signature had invalid encoding: " + e.getMessage());
    }
    return ArrayValue.of(header, claims, StringValue.of(HexFormat.of().formatHex(signature)));
  }

  /** Go's {@code strings.Trim(s, "\"'")}. */
  private static String trimQuotes(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == '"' || s.charAt(from) == '\'')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == '"' || s.charAt(to - 1) == '\'')) {
      to--;
    }
    return s.substring(from, to);
  }

  /**
   * {@code io.jwt.verify_<alg>}: the builtin's algorithm, whatever the header says. The key is
   * a secret for HMAC, else a certificate, public key or JWK (set); with a set, a key whose
   * {@code kid} matches the header's is the only one tried, otherwise every key whose algorithm
   * (if any) matches the header's.
   */
  static boolean verify(JwtAlgorithm alg, String jwt, String key) throws BuiltinException {
    JwtToken token = JwtToken.split(jwt);
    if (alg.isHmac()) {
      JwtKeys.Secret secret = new JwtKeys.Secret(key.getBytes(StandardCharsets.UTF_8));
      return alg.verify(secret, null, token.signingInput(), token.decodeSignature(),
          JwtAlgorithm.Style.GO_CRYPTO);
    }
    List<JwtKey> keys = JwtKeys.forVerification(key);
    byte[] signature = token.decodeSignature();
    Header header = Header.parse(token.decodeHeader());
    byte[] input = token.signingInput();
    if (!header.kid().isEmpty()) {
      for (JwtKey k : keys) {
        if (k.kid().equals(header.kid())) {
          return verifyWith(alg, k, input, signature);
        }
      }
    }
    for (JwtKey k : keys) {
      if ((k.alg().isEmpty() || k.alg().equals(header.alg()))
          && verifyWith(alg, k, input, signature)) {
        return true;
      }
    }
    return false;
  }

  private static boolean verifyWith(JwtAlgorithm alg, JwtKey k, byte[] input, byte[] signature) {
    return alg.verify(k.key(), k.publicKey(), input, signature, JwtAlgorithm.Style.GO_CRYPTO);
  }

  /**
   * A compact JWS of the header and payload text, signed with the first key of the JWK (set)
   * by the header's algorithm. Unless the header's {@code typ} names another type, the payload
   * must be JSON.
   */
  static String encodeSign(String headerText, String payloadText, String jwk)
      throws BuiltinException {
    List<JwtKey> keys = JwtKeys.parseSet(jwk);
    if (keys.isEmpty()) {
      throw BuiltinException.error("no keys found in JWK set");
    }
    ObjectValue header = headerObject(headerText);
    JwtAlgorithm alg = header.get("alg") instanceof StringValue s
        ? JwtAlgorithm.byName(s.value()) : null;
    if (alg == null) {
      throw BuiltinException.error("unknown signature algorithm");
    }
    boolean typedJwt = !(header.get("typ") instanceof StringValue typ)
        || typ.value().equals("JWT");
    if (typedJwt && !EncodingGoJson.isValid(payloadText)) {
      throw BuiltinException.error("type is JWT but payload is not JSON");
    }
    String input = base64Url(headerText) + "." + base64Url(payloadText);
    byte[] signature = alg.sign(keys.get(0).key(), input.getBytes(StandardCharsets.UTF_8));
    return input + "." + BASE64URL.encodeToString(signature);
  }

  private static String base64Url(String text) {
    return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The header as Go's {@code json.Unmarshal} into a header struct reads it. */
  private static ObjectValue headerObject(String text) throws BuiltinException {
    if (!EncodingGoJson.isValid(text)) {
      throw BuiltinException.error(jsonError(text));
    }
    Value v;
    try {
      v = EncodingGoJson.unmarshal(text);
    } catch (EncodingGoJson.SyntaxError e) {
      throw BuiltinException.error(e.getMessage());
    }
    if (v instanceof ObjectValue o) {
      return o;
    }
    if (v instanceof NullValue) {
      return ObjectValue.EMPTY;
    }
    throw BuiltinException.error("json: cannot unmarshal " + v.typeName().replace("boolean", "bool")
        + " into Go value of type jws.StandardHeaders");
  }

  /** Go's {@code json.Unmarshal} message for text that is not one JSON value. */
  private static String jsonError(String text) {
    try {
      EncodingGoJson.unmarshal(text);
    } catch (EncodingGoJson.SyntaxError e) {
      String message = e.getMessage();
      if (message.equals("EOF") || message.equals("unexpected EOF")) {
        return "unexpected end of JSON input";
      }
      return message.startsWith("error: ") ? message.substring("error: ".length()) : message;
    }
    // A value followed by null: the streaming reader stops early, Unmarshal does not.
    return "invalid character 'n' after top-level value";
  }
}
