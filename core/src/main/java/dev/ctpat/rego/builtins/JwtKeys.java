package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.CryptoPem.Decoded;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.RSAPrivateKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;

/**
 * The keys OPA's JWT builtins accept. For verification: a PEM certificate, a PEM public key,
 * or a JSON Web Key or key set (as OPA's {@code getKeysFromCertOrJWK}); for signing: a JSON Web
 * Key set's first key. JWKs of types RSA, EC (P-256, P-384, P-521), oct and OKP (Ed25519,
 * X25519) are read, public or private.
 */
final class JwtKeys {
  private JwtKeys() {}

  /**
   * A key with the JWK attributes that select it. {@code key} is what verifying or signing
   * uses (a public key, private key, or secret); {@code publicKey} is the public half of a
   * private key, or the key itself (null for secrets). {@code alg} and {@code kid} are "" when
   * absent.
   */
  record JwtKey(Key key, PublicKey publicKey, String alg, String kid) {}

  /**
   * An HMAC secret. Unlike the JDK's {@code SecretKeySpec}, it may be empty, as Go's HMAC keys
   * may.
   */
  record Secret(byte[] bytes) implements SecretKey {
    @Override
    public String getAlgorithm() {
      return "HMAC";
    }

    @Override
    public String getFormat() {
      return "RAW";
    }

    @Override
    public byte[] getEncoded() {
      return bytes.clone();
    }
  }

  /** OPA's {@code getKeysFromCertOrJWK}: the keys of a certificate, public key or JWK (set). */
  static List<JwtKey> forVerification(String text) throws BuiltinException {
    Decoded pem = CryptoPem.decode(text.getBytes(StandardCharsets.UTF_8));
    if (pem.block() != null) {
      if (pem.rest().length > 0) {
        throw BuiltinException.error("extra data after a PEM certificate block");
      }
      PublicKey key = switch (pem.block().type()) {
        case "CERTIFICATE" -> certificateKey(pem.block().bytes());
        case "PUBLIC KEY" -> publicKey(pem.block().bytes());
        default -> throw BuiltinException.error("failed to extract a Key from the PEM certificate");
      };
      return List.of(new JwtKey(key, key, "", ""));
    }
    List<JwtKey> keys;
    try {
      keys = parseSet(text);
    } catch (BuiltinException e) {
      throw BuiltinException.error("failed to parse a JWK key (set): " + e.getMessage());
    }
    // Keys for algorithms OPA does not know are left out.
    keys.removeIf(k -> !k.alg().isEmpty() && JwtAlgorithm.byName(k.alg()) == null);
    return keys;
  }

  private static PublicKey certificateKey(byte[] der) throws BuiltinException {
    try {
      CryptoX509.Certificate c = CryptoX509.parse(der);
      if (c.raw.length != der.length) {
        throw CryptoX509.error("trailing data");
      }
      return c.publicKey;
    } catch (BuiltinException e) {
      throw BuiltinException.error("failed to parse a PEM certificate: " + e.getMessage());
    }
  }

  private static PublicKey publicKey(byte[] der) throws BuiltinException {
    try {
      return CryptoKeys.parsePkixPublicKey(der);
    } catch (BuiltinException e) {
      throw BuiltinException.error("failed to parse a PEM public key: " + e.getMessage());
    }
  }

  /** The keys of a JWK or of a JWK set ({@code {"keys": [...]}}). */
  static List<JwtKey> parseSet(String text) throws BuiltinException {
    Value json;
    try {
      json = EncodingGoJson.unmarshal(text);
    } catch (EncodingGoJson.SyntaxError e) {
      throw BuiltinException.error("failed to unmarshal JSON: " + e.getMessage());
    }
    if (!(json instanceof ObjectValue o)) {
      throw BuiltinException.error("expected a JSON object for a key or key set");
    }
    List<JwtKey> keys = new ArrayList<>();
    Value set = o.get("keys");
    if (set == null) {
      keys.add(parse(o));
      return keys;
    }
    if (!(set instanceof ArrayValue list)) {
      throw BuiltinException.error("\"keys\" must be an array of keys");
    }
    for (Value v : list.elements()) {
      if (!(v instanceof ObjectValue key)) {
        throw BuiltinException.error("\"keys\" must be an array of keys");
      }
      keys.add(parse(key));
    }
    return keys;
  }

  /** One JWK. */
  static JwtKey parse(ObjectValue jwk) throws BuiltinException {
    String kty = member(jwk, "kty");
    String alg = optional(jwk, "alg");
    String kid = optional(jwk, "kid");
    try {
      return switch (kty) {
        case "RSA" -> rsa(jwk, alg, kid);
        case "EC" -> ec(jwk, alg, kid);
        case "oct" -> new JwtKey(new Secret(bytes(jwk, "k")), null, alg, kid);
        case "OKP" -> okp(jwk, alg, kid);
        default -> throw BuiltinException.error("invalid key type from JSON (" + kty + ")");
      };
    } catch (GeneralSecurityException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw BuiltinException.error("failed to create " + kty + " key: " + cause.getMessage());
    }
  }

  private static JwtKey rsa(ObjectValue jwk, String alg, String kid)
      throws BuiltinException, GeneralSecurityException {
    BigInteger n = number(jwk, "n");
    BigInteger e = number(jwk, "e");
    PublicKey pub = CryptoKeys.rsaPublicKey(n, e);
    if (jwk.get("d") == null) {
      return new JwtKey(pub, pub, alg, kid);
    }
    BigInteger d = number(jwk, "d");
    Key priv = jwk.get("p") != null && jwk.get("q") != null
        ? CryptoPrivateKeys.rsaPrivate(n, e, d, number(jwk, "p"), number(jwk, "q")).key()
        : KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(n, d));
    return new JwtKey(priv, pub, alg, kid);
  }

  private static JwtKey ec(ObjectValue jwk, String alg, String kid)
      throws BuiltinException, GeneralSecurityException {
    String crv = member(jwk, "crv");
    CryptoKeys.Curve curve = CryptoKeys.Curve.byJwkName(crv);
    if (curve == null) {
      throw BuiltinException.error("unsupported curve " + crv);
    }
    ECPoint point = new ECPoint(number(jwk, "x"), number(jwk, "y"));
    PublicKey pub = CryptoKeys.ecPublicKey(curve, point);
    if (jwk.get("d") == null) {
      return new JwtKey(pub, pub, alg, kid);
    }
    CryptoPrivateKeys.Private priv = CryptoPrivateKeys.ecPrivate(curve, number(jwk, "d"), point);
    return new JwtKey(priv.key(), pub, alg, kid);
  }

  private static JwtKey okp(ObjectValue jwk, String alg, String kid)
      throws BuiltinException, GeneralSecurityException {
    String crv = member(jwk, "crv");
    if (!crv.equals("Ed25519")) {
      throw BuiltinException.error("unsupported curve " + crv);
    }
    PublicKey pub = CryptoKeys.ed25519PublicKey(bytes(jwk, "x"));
    if (jwk.get("d") == null) {
      return new JwtKey(pub, pub, alg, kid);
    }
    return new JwtKey(CryptoPrivateKeys.ed25519Private(bytes(jwk, "d")).key(), pub, alg, kid);
  }

  private static String member(ObjectValue jwk, String name) throws BuiltinException {
    if (jwk.get(name) instanceof StringValue s && !s.value().isEmpty()) {
      return s.value();
    }
    throw BuiltinException.error("required field " + name + " is missing");
  }

  private static String optional(ObjectValue jwk, String name) throws BuiltinException {
    Value v = jwk.get(name);
    if (v == null) {
      return "";
    }
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw BuiltinException.error("field " + name + " must be a string");
  }

  private static BigInteger number(ObjectValue jwk, String name) throws BuiltinException {
    return new BigInteger(1, bytes(jwk, name));
  }

  /**
   * A base64 member. Like jwx, this accepts the URL and standard alphabets, padded or not.
   */
  private static byte[] bytes(ObjectValue jwk, String name) throws BuiltinException {
    String s = member(jwk, name);
    String unpadded = s.replaceAll("=+$", "").replace('+', '-').replace('/', '_');
    try {
      return Base64.getUrlDecoder().decode(unpadded);
    } catch (IllegalArgumentException e) {
      throw BuiltinException.error("failed to decode field " + name + ": " + e.getMessage());
    }
  }
}
