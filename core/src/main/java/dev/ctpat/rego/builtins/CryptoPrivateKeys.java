package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.CryptoDer.Element;
import dev.ctpat.rego.builtins.CryptoDer.Malformed;
import dev.ctpat.rego.builtins.CryptoDer.Reader;
import dev.ctpat.rego.builtins.CryptoKeys.Curve;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Private keys as Go's {@code crypto/x509} parses them for OPA: PKCS #1 (RSA), SEC 1 (ECDSA) and
 * PKCS #8 (RSA, ECDSA, Ed25519, X25519), with Go's checks and messages (including its hints
 * when a key is in another of these formats); the JSON Go writes for each key, and the JSON Web
 * Key OPA makes of RSA and ECDSA keys.
 */
final class CryptoPrivateKeys {
  private static final byte[] ED25519_PKCS8_PREFIX =
      java.util.HexFormat.of().parseHex("302e020100300506032b657004220420");

  private CryptoPrivateKeys() {}

  /** A parsed private key, its public half (to match certificates) and Go's JSON of it. */
  record Private(PrivateKey key, PublicKey publicKey, Value json) {}

  /** Go's {@code x509.ParsePKCS1PrivateKey}. */
  static Private parsePkcs1(byte[] der) throws BuiltinException {
    BigInteger[] f;
    try {
      f = pkcs1Fields(der);
    } catch (Malformed e) {
      if (isSec1(der)) {
        throw useInstead("ParseECPrivateKey");
      }
      if (isPkcs8(der)) {
        throw useInstead("ParsePKCS8PrivateKey");
      }
      throw BuiltinException.error(CryptoAsn1.structureError(der, "pkcs1PrivateKey"));
    }
    if (f[0].compareTo(BigInteger.ONE) > 0) {
      throw BuiltinException.error("x509: unsupported private key version");
    }
    if (f.length > 9) {
      throw BuiltinException.error("x509: multi-prime RSA keys are not supported");
    }
    for (int i = 1; i < 6; i++) {
      if (f[i].signum() <= 0) {
        throw BuiltinException.error("x509: private key contains zero or negative value");
      }
    }
    return rsaPrivate(f[1], f[2], f[3], f[4], f[5]);
  }

  /**
   * The integers of a PKCS #1 key: version, n, e, d, p, q, dp, dq, qinv; one more element when
   * other primes follow.
   */
  private static BigInteger[] pkcs1Fields(byte[] der) throws Malformed {
    Reader outer = new Reader(der);
    Reader seq = outer.enter(CryptoDer.SEQUENCE);
    outer.expectEnd();
    BigInteger[] f = new BigInteger[9];
    for (int i = 0; i < f.length; i++) {
      f[i] = seq.readInteger();
    }
    return seq.isEmpty() ? f : Arrays.copyOf(f, 10);
  }

  private static BuiltinException useInstead(String function) {
    return BuiltinException.error(
        "x509: failed to parse private key (use " + function + " instead for this key format)");
  }

  /** An RSA key from its modulus, exponents and primes; CRT values are recomputed, as in Go. */
  static Private rsaPrivate(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q)
      throws BuiltinException {
    if (!p.multiply(q).equals(n)) {
      throw BuiltinException.error("crypto/rsa: invalid modulus");
    }
    BigInteger dp = d.mod(p.subtract(BigInteger.ONE));
    BigInteger dq = d.mod(q.subtract(BigInteger.ONE));
    BigInteger qinv = q.modInverse(p);
    try {
      KeyFactory kf = KeyFactory.getInstance("RSA");
      PrivateKey key = kf.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qinv));
      Value json = ObjectValue.builder()
          .put("N", CryptoKeys.num(n)).put("E", CryptoKeys.num(e)).put("D", CryptoKeys.num(d))
          .put("Primes", ArrayValue.of(CryptoKeys.num(p), CryptoKeys.num(q)))
          .put("Precomputed", ObjectValue.builder()
              .put("Dp", CryptoKeys.num(dp)).put("Dq", CryptoKeys.num(dq))
              .put("Qinv", CryptoKeys.num(qinv)).put("CRTValues", ArrayValue.EMPTY).build())
          .build();
      return new Private(key, CryptoKeys.rsaPublicKey(n, e), json);
    } catch (GeneralSecurityException | ArithmeticException ex) {
      throw BuiltinException.error("crypto/rsa: invalid private key");
    }
  }

  /** The parts of a SEC 1 {@code ECPrivateKey}; the curve and public key are optional. */
  private record Sec1(BigInteger version, byte[] scalar, int[] curve, byte[] publicBits) {}

  private static Sec1 sec1(byte[] der) throws Malformed {
    Reader outer = new Reader(der);
    Reader seq = outer.enter(CryptoDer.SEQUENCE);
    outer.expectEnd();
    BigInteger version = seq.readInteger();
    byte[] scalar = seq.read(CryptoDer.OCTET_STRING).content();
    Element params = seq.readOptional(CryptoDer.contextConstructed(0));
    int[] curve = params == null ? null : params.children().readObjectIdentifier();
    Element pub = seq.readOptional(CryptoDer.contextConstructed(1));
    byte[] publicBits = pub == null ? null : pub.children().readBitString();
    return new Sec1(version, scalar, curve, publicBits);
  }

  private static boolean isSec1(byte[] der) {
    try {
      sec1(der);
      return true;
    } catch (Malformed e) {
      return false;
    }
  }

  /** Go's {@code x509.ParseECPrivateKey}: a SEC 1 {@code ECPrivateKey}. */
  static Private parseSec1(byte[] der) throws BuiltinException {
    return parseSec1(der, null);
  }

  /** A SEC 1 key whose curve may come from outside (PKCS #8 parameters). */
  private static Private parseSec1(byte[] der, Curve outerCurve) throws BuiltinException {
    Sec1 parts;
    try {
      parts = sec1(der);
    } catch (Malformed e) {
      if (isPkcs8(der)) {
        throw useInstead("ParsePKCS8PrivateKey");
      }
      if (isPkcs1(der)) {
        throw useInstead("ParsePKCS1PrivateKey");
      }
      throw BuiltinException.error("x509: failed to parse EC private key: "
          + CryptoAsn1.structureError(der, "ecPrivateKey"));
    }
    if (!parts.version().equals(BigInteger.ONE)) {
      throw BuiltinException.error("x509: unknown EC private key version " + parts.version());
    }
    Curve curve = parts.curve() != null ? Curve.byOid(parts.curve()) : outerCurve;
    if (curve == null) {
      throw BuiltinException.error("x509: unknown elliptic curve");
    }
    BigInteger d = new BigInteger(1, parts.scalar());
    byte[] bits = parts.publicBits();
    return ecPrivate(curve, d, bits == null ? null : CryptoKeys.uncompressedPoint(curve, bits));
  }

  /** An EC key from its scalar; its public point is computed when {@code w} is null. */
  static Private ecPrivate(Curve curve, BigInteger d, ECPoint w) throws BuiltinException {
    if (d.signum() <= 0 || d.compareTo(curve.spec().getOrder()) >= 0) {
      throw BuiltinException.error("x509: invalid elliptic curve private key value");
    }
    ECPoint point = w != null ? w : curve.multiplyBase(d);
    try {
      PrivateKey key = KeyFactory.getInstance("EC")
          .generatePrivate(new ECPrivateKeySpec(d, curve.spec()));
      Value json = ObjectValue.builder().put("Curve", ObjectValue.EMPTY)
          .put("X", CryptoKeys.num(point.getAffineX()))
          .put("Y", CryptoKeys.num(point.getAffineY()))
          .put("D", CryptoKeys.num(d)).build();
      return new Private(key, CryptoKeys.ecPublicKey(curve, point), json);
    } catch (GeneralSecurityException e) {
      throw BuiltinException.error("x509: invalid elliptic curve private key value");
    }
  }

  /** The parts of a PKCS #8 {@code PrivateKeyInfo}: algorithm, its parameters, the inner key. */
  private record Pkcs8(int[] oid, Element params, byte[] inner) {}

  private static Pkcs8 pkcs8(byte[] der) throws Malformed {
    Reader outer = new Reader(der);
    Reader seq = outer.enter(CryptoDer.SEQUENCE);
    outer.expectEnd();
    seq.readInteger();
    Reader algorithm = seq.enter(CryptoDer.SEQUENCE);
    int[] oid = algorithm.readObjectIdentifier();
    Element params = algorithm.isEmpty() ? null : algorithm.read();
    return new Pkcs8(oid, params, seq.read(CryptoDer.OCTET_STRING).content());
  }

  private static boolean isPkcs8(byte[] der) {
    try {
      pkcs8(der);
      return true;
    } catch (Malformed e) {
      return false;
    }
  }

  private static boolean isPkcs1(byte[] der) {
    try {
      pkcs1Fields(der);
      return true;
    } catch (Malformed e) {
      return false;
    }
  }

  /** Go's {@code x509.ParsePKCS8PrivateKey}: RSA, ECDSA, Ed25519 and X25519 keys. */
  static Private parsePkcs8(byte[] der) throws BuiltinException {
    Pkcs8 parts;
    try {
      parts = pkcs8(der);
    } catch (Malformed e) {
      if (isSec1(der)) {
        throw useInstead("ParseECPrivateKey");
      }
      if (isPkcs1(der)) {
        throw useInstead("ParsePKCS1PrivateKey");
      }
      throw BuiltinException.error(CryptoAsn1.structureError(der, "pkcs8"));
    }
    int[] oid = parts.oid();
    if (Arrays.equals(oid, CryptoKeys.OID_RSA)) {
      return parsePkcs1(parts.inner());
    } else if (Arrays.equals(oid, CryptoKeys.OID_EC)) {
      Element params = parts.params();
      Curve curve = null;
      if (params != null && params.tag() == CryptoDer.OBJECT_IDENTIFIER) {
        try {
          curve = Curve.byOid(CryptoDer.objectIdentifier(params.content()));
        } catch (Malformed e) {
          throw BuiltinException.error("x509: invalid ECDSA parameters");
        }
      }
      return parseSec1(parts.inner(), curve);
    } else if (Arrays.equals(oid, CryptoKeys.OID_ED25519)) {
      return ed25519Private(octetString(parts.inner(), "x509: invalid Ed25519 private key"));
    } else if (Arrays.equals(oid, CryptoKeys.OID_X25519)) {
      return x25519Private(der);
    }
    throw BuiltinException.error(
        "x509: PKCS#8 wrapping contained private key with unknown algorithm: "
            + CryptoAsn1.oidText(oid));
  }

  private static byte[] octetString(byte[] der, String error) throws BuiltinException {
    try {
      Reader r = new Reader(der);
      byte[] c = r.read(CryptoDer.OCTET_STRING).content();
      r.expectEnd();
      return c;
    } catch (Malformed e) {
      throw BuiltinException.error(error + ": " + CryptoAsn1.structureError(der, "[]uint8"));
    }
  }

  /** An Ed25519 key from its 32-byte seed. Go's JSON of it is the seed and public key bytes. */
  static Private ed25519Private(byte[] seed) throws BuiltinException {
    if (seed.length != CryptoKeys.EDWARDS_KEY_SIZE) {
      throw BuiltinException.error("x509: invalid Ed25519 private key length: " + seed.length);
    }
    try {
      PrivateKey key = KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(CryptoKeys.concat(ED25519_PKCS8_PREFIX, seed)));
      PublicKey pub = ed25519PublicFromSeed(seed);
      byte[] goBytes = CryptoKeys.concat(seed, CryptoKeys.ed25519Bytes((EdECPublicKey) pub));
      return new Private(key, pub, CryptoKeys.base64(goBytes));
    } catch (GeneralSecurityException e) {
      throw BuiltinException.error("x509: invalid Ed25519 private key");
    }
  }

  /**
   * The public key of an Ed25519 seed. The JCA cannot derive it from a private key, but its key
   * pair generator takes the seed from the random source: a source that yields the seed makes
   * it generate exactly this key pair.
   */
  private static PublicKey ed25519PublicFromSeed(byte[] seed) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
      }
    });
    return generator.generateKeyPair().getPublic();
  }

  private static Private x25519Private(byte[] pkcs8) throws BuiltinException {
    try {
      PrivateKey key = KeyFactory.getInstance("X25519")
          .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      return new Private(key, null, ObjectValue.EMPTY); // Go's ecdh keys export no fields
    } catch (GeneralSecurityException e) {
      throw BuiltinException.error("x509: invalid X25519 private key: " + e.getMessage());
    }
  }

  /**
   * A private key as the JSON Web Key OPA's {@code crypto.x509.parse_rsa_private_key} returns:
   * base64url members without padding. Only RSA and ECDSA keys have one.
   */
  static ObjectValue jwk(Private key) throws BuiltinException {
    if (key.key() instanceof RSAPrivateCrtKey k) {
      return ObjectValue.builder()
          .put("kty", StringValue.of("RSA"))
          .put("n", b64url(k.getModulus())).put("e", b64url(k.getPublicExponent()))
          .put("d", b64url(k.getPrivateExponent()))
          .put("p", b64url(k.getPrimeP())).put("q", b64url(k.getPrimeQ()))
          .put("dp", b64url(k.getPrimeExponentP())).put("dq", b64url(k.getPrimeExponentQ()))
          .put("qi", b64url(k.getCrtCoefficient()))
          .build();
    }
    if (key.publicKey() instanceof ECPublicKey pub
        && key.key() instanceof java.security.interfaces.ECPrivateKey k) {
      Curve curve = Curve.of(pub.getParams());
      return ObjectValue.builder()
          .put("kty", StringValue.of("EC"))
          .put("crv", StringValue.of(curve.jwkName))
          .put("x", b64url(CryptoKeys.fixed(pub.getW().getAffineX(), curve.size())))
          .put("y", b64url(CryptoKeys.fixed(pub.getW().getAffineY(), curve.size())))
          .put("d", b64url(CryptoKeys.fixed(k.getS(), curve.size())))
          .build();
    }
    throw BuiltinException.error("invalid key type " + goKeyType(key.key()));
  }

  private static String goKeyType(PrivateKey key) {
    return key instanceof EdECPrivateKey ? "ed25519.PrivateKey" : "*ecdh.PrivateKey";
  }

  private static StringValue b64url(BigInteger v) {
    return b64url(CryptoKeys.unsigned(v));
  }

  private static StringValue b64url(byte[] b) {
    return StringValue.of(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
  }
}
