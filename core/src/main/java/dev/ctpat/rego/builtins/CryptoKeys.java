package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.CryptoDer.Element;
import dev.ctpat.rego.builtins.CryptoDer.Malformed;
import dev.ctpat.rego.builtins.CryptoDer.Reader;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.DSAPublicKeySpec;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Public keys as Go's {@code crypto/x509} parses them for OPA (subject public key infos, with
 * Go's checks and error messages), the JSON Go writes for each key type, and the JCA key objects
 * that verify. Supported: RSA, ECDSA on P-256, P-384 and P-521, Ed25519, and X25519 and DSA
 * (parsed only, as in Go). Private keys are in {@link CryptoPrivateKeys}.
 */
final class CryptoKeys {
  static final int[] OID_RSA = {1, 2, 840, 113549, 1, 1, 1};
  static final int[] OID_EC = {1, 2, 840, 10045, 2, 1};
  static final int[] OID_ED25519 = {1, 3, 101, 112};
  static final int[] OID_X25519 = {1, 3, 101, 110};
  static final int[] OID_DSA = {1, 2, 840, 10040, 4, 1};

  /** Go's {@code x509.PublicKeyAlgorithm} numbers. */
  static final int UNKNOWN_ALGORITHM = 0;
  static final int RSA = 1;
  static final int DSA = 2;
  static final int ECDSA = 3;
  static final int ED25519 = 4;

  private static final byte[] ED25519_SPKI_PREFIX = hex("302a300506032b6570032100");
  private static final byte[] X25519_SPKI_PREFIX = hex("302a300506032b656e032100");
  static final int EDWARDS_KEY_SIZE = 32;

  private CryptoKeys() {}

  /** The NIST curves Go and the JDK both support. */
  enum Curve {
    P256("P-256", "secp256r1", new int[] {1, 2, 840, 10045, 3, 1, 7}),
    P384("P-384", "secp384r1", new int[] {1, 3, 132, 0, 34}),
    P521("P-521", "secp521r1", new int[] {1, 3, 132, 0, 35});

    final String jwkName;
    final int[] oid;
    private final ECParameterSpec spec;

    Curve(String jwkName, String jcaName, int[] oid) {
      this.jwkName = jwkName;
      this.oid = oid;
      this.spec = parameters(jcaName);
    }

    private static ECParameterSpec parameters(String jcaName) {
      try {
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec(jcaName));
        return p.getParameterSpec(ECParameterSpec.class);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK lacks curve " + jcaName, e);
      }
    }

    ECParameterSpec spec() {
      return spec;
    }

    /** The size in bytes of a coordinate or scalar. */
    int size() {
      return (spec.getCurve().getField().getFieldSize() + 7) / 8;
    }

    static Curve byOid(int[] oid) {
      for (Curve c : values()) {
        if (Arrays.equals(c.oid, oid)) {
          return c;
        }
      }
      return null;
    }

    static Curve byJwkName(String name) {
      for (Curve c : values()) {
        if (c.jwkName.equals(name)) {
          return c;
        }
      }
      return null;
    }

    static Curve of(ECParameterSpec spec) {
      for (Curve c : values()) {
        if (c.spec.getCurve().equals(spec.getCurve())) {
          return c;
        }
      }
      throw new IllegalArgumentException("not a supported curve");
    }

    /** True when {@code p} lies on this curve (y² = x³ + ax + b over the prime field). */
    boolean contains(ECPoint p) {
      BigInteger prime = ((ECFieldFp) spec.getCurve().getField()).getP();
      BigInteger x = p.getAffineX();
      BigInteger y = p.getAffineY();
      if (x.signum() < 0 || y.signum() < 0 || x.compareTo(prime) >= 0 || y.compareTo(prime) >= 0) {
        return false;
      }
      BigInteger rhs = x.pow(3).add(spec.getCurve().getA().multiply(x))
          .add(spec.getCurve().getB()).mod(prime);
      return y.modPow(BigInteger.TWO, prime).equals(rhs);
    }

    /** {@code k} times the base point, by double-and-add in affine coordinates. */
    ECPoint multiplyBase(BigInteger k) {
      BigInteger prime = ((ECFieldFp) spec.getCurve().getField()).getP();
      BigInteger a = spec.getCurve().getA();
      ECPoint result = ECPoint.POINT_INFINITY;
      ECPoint addend = spec.getGenerator();
      for (int i = 0; i < k.bitLength(); i++) {
        if (k.testBit(i)) {
          result = add(result, addend, prime, a);
        }
        addend = add(addend, addend, prime, a);
      }
      return result;
    }

    private static ECPoint add(ECPoint p, ECPoint q, BigInteger prime, BigInteger a) {
      if (p.equals(ECPoint.POINT_INFINITY)) {
        return q;
      }
      if (q.equals(ECPoint.POINT_INFINITY)) {
        return p;
      }
      BigInteger slope;
      if (p.getAffineX().equals(q.getAffineX())) {
        if (p.getAffineY().add(q.getAffineY()).mod(prime).signum() == 0) {
          return ECPoint.POINT_INFINITY;
        }
        BigInteger x = p.getAffineX();
        slope = x.pow(2).multiply(BigInteger.valueOf(3)).add(a)
            .multiply(p.getAffineY().shiftLeft(1).modInverse(prime)).mod(prime);
      } else {
        slope = q.getAffineY().subtract(p.getAffineY())
            .multiply(q.getAffineX().subtract(p.getAffineX()).modInverse(prime)).mod(prime);
      }
      BigInteger x = slope.pow(2).subtract(p.getAffineX()).subtract(q.getAffineX()).mod(prime);
      BigInteger y = slope.multiply(p.getAffineX().subtract(x)).subtract(p.getAffineY())
          .mod(prime);
      return new ECPoint(x, y);
    }
  }

  // ---- public keys -------------------------------------------------------------------------

  /** Go's public key algorithm number for an SPKI algorithm identifier. */
  static int publicKeyAlgorithm(int[] oid) {
    if (Arrays.equals(oid, OID_RSA)) {
      return RSA;
    } else if (Arrays.equals(oid, OID_DSA)) {
      return DSA;
    } else if (Arrays.equals(oid, OID_EC)) {
      return ECDSA;
    } else if (Arrays.equals(oid, OID_ED25519)) {
      return ED25519;
    }
    return UNKNOWN_ALGORITHM;
  }

  /** Go's {@code x509.ParsePKIXPublicKey}: a DER SubjectPublicKeyInfo. */
  static PublicKey parsePkixPublicKey(byte[] der) throws BuiltinException {
    try {
      Reader outer = new Reader(der);
      Element spki = outer.read(CryptoDer.SEQUENCE);
      if (!outer.isEmpty()) {
        throw BuiltinException.error("x509: trailing data after ASN.1 of public-key");
      }
      Reader in = spki.children();
      Reader algorithm = in.enter(CryptoDer.SEQUENCE);
      int[] oid = algorithm.readObjectIdentifier();
      Element params = algorithm.isEmpty() ? null : algorithm.read();
      byte[] bits = in.readBitString();
      if (publicKeyAlgorithm(oid) == UNKNOWN_ALGORITHM && !Arrays.equals(oid, OID_X25519)) {
        throw BuiltinException.error("x509: unknown public key algorithm");
      }
      return parsePublicKey(oid, params, bits);
    } catch (Malformed e) {
      throw BuiltinException.error("x509: malformed public key");
    }
  }

  /**
   * The key of a SubjectPublicKeyInfo from its parts: the algorithm OID, the parameters element
   * (null when absent) and the key bits. Go's checks and messages.
   */
  static PublicKey parsePublicKey(int[] oid, Element params, byte[] bits)
      throws BuiltinException {
    try {
      if (Arrays.equals(oid, OID_RSA)) {
        return rsaPublicKey(params, bits);
      } else if (Arrays.equals(oid, OID_EC)) {
        return ecPublicKey(params, bits);
      } else if (Arrays.equals(oid, OID_ED25519)) {
        if (params != null) {
          throw BuiltinException.error("x509: Ed25519 key encoded with illegal parameters");
        }
        if (bits.length != EDWARDS_KEY_SIZE) {
          throw BuiltinException.error("x509: wrong Ed25519 public key size");
        }
        return ed25519PublicKey(bits);
      } else if (Arrays.equals(oid, OID_X25519)) {
        if (params != null) {
          throw BuiltinException.error("x509: X25519 key encoded with illegal parameters");
        }
        if (bits.length != EDWARDS_KEY_SIZE) {
          throw BuiltinException.error("crypto/ecdh: invalid public key");
        }
        return generate("X25519", new X509EncodedKeySpec(concat(X25519_SPKI_PREFIX, bits)));
      } else if (Arrays.equals(oid, OID_DSA)) {
        return dsaPublicKey(params, bits);
      }
      throw BuiltinException.error("x509: unknown public key algorithm");
    } catch (GeneralSecurityException e) {
      throw BuiltinException.error("x509: invalid public key: " + e.getMessage());
    }
  }

  private static PublicKey rsaPublicKey(Element params, byte[] bits)
      throws BuiltinException, GeneralSecurityException {
    if (params == null || params.tag() != CryptoDer.NULL || params.end() != params.contentStart()) {
      throw BuiltinException.error("x509: RSA key missing NULL parameters");
    }
    BigInteger n;
    BigInteger e;
    try {
      Reader key = new Reader(bits).enter(CryptoDer.SEQUENCE);
      try {
        n = key.readInteger();
      } catch (Malformed ex) {
        throw BuiltinException.error("x509: invalid RSA modulus");
      }
      try {
        e = key.readInteger();
      } catch (Malformed ex) {
        throw BuiltinException.error("x509: invalid RSA public exponent");
      }
    } catch (Malformed ex) {
      throw BuiltinException.error("x509: invalid RSA public key");
    }
    if (n.signum() <= 0) {
      throw BuiltinException.error("x509: RSA modulus is not a positive number");
    }
    if (e.signum() <= 0 || e.bitLength() > 31) {
      throw BuiltinException.error("x509: RSA public exponent is not a positive number");
    }
    return rsaPublicKey(n, e);
  }

  private static PublicKey ecPublicKey(Element params, byte[] bits)
      throws BuiltinException, GeneralSecurityException {
    Curve curve;
    try {
      if (params == null) {
        throw new Malformed();
      }
      curve = Curve.byOid(CryptoDer.objectIdentifier(
          params.tag() == CryptoDer.OBJECT_IDENTIFIER ? params.content() : new byte[0]));
    } catch (Malformed e) {
      throw BuiltinException.error("x509: invalid ECDSA parameters");
    }
    if (curve == null) {
      throw BuiltinException.error("x509: unsupported elliptic curve");
    }
    ECPoint point = uncompressedPoint(curve, bits);
    if (point == null) {
      throw BuiltinException.error("x509: failed to unmarshal elliptic curve point");
    }
    return ecPublicKey(curve, point);
  }

  /** The point of {@code 04 || X || Y} on {@code curve}, or null when it is not one. */
  static ECPoint uncompressedPoint(Curve curve, byte[] bits) {
    int size = curve.size();
    if (bits.length != 1 + 2 * size || bits[0] != 4) {
      return null;
    }
    ECPoint p = new ECPoint(new BigInteger(1, Arrays.copyOfRange(bits, 1, 1 + size)),
        new BigInteger(1, Arrays.copyOfRange(bits, 1 + size, bits.length)));
    return curve.contains(p) ? p : null;
  }

  private static PublicKey dsaPublicKey(Element params, byte[] bits)
      throws BuiltinException, GeneralSecurityException {
    BigInteger y;
    try {
      y = new Reader(bits).readInteger();
    } catch (Malformed e) {
      throw BuiltinException.error("x509: invalid DSA public key");
    }
    BigInteger p;
    BigInteger q;
    BigInteger g;
    try {
      if (params == null || params.tag() != CryptoDer.SEQUENCE) {
        throw new Malformed();
      }
      Reader r = params.children();
      p = r.readInteger();
      q = r.readInteger();
      g = r.readInteger();
    } catch (Malformed e) {
      throw BuiltinException.error("x509: invalid DSA parameters");
    }
    if (y.signum() <= 0 || p.signum() <= 0 || q.signum() <= 0 || g.signum() <= 0) {
      throw BuiltinException.error("x509: zero or negative DSA parameter");
    }
    return generate("DSA", new DSAPublicKeySpec(y, p, q, g));
  }

  static PublicKey rsaPublicKey(BigInteger n, BigInteger e) throws GeneralSecurityException {
    return generate("RSA", new RSAPublicKeySpec(n, e));
  }

  static PublicKey ecPublicKey(Curve curve, ECPoint point) throws GeneralSecurityException {
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve.spec()));
  }

  static PublicKey ed25519PublicKey(byte[] raw) throws GeneralSecurityException {
    return generate("Ed25519", new X509EncodedKeySpec(concat(ED25519_SPKI_PREFIX, raw)));
  }

  private static PublicKey generate(String algorithm, java.security.spec.KeySpec spec)
      throws GeneralSecurityException {
    return KeyFactory.getInstance(algorithm).generatePublic(spec);
  }

  /** The raw 32 bytes of an Ed25519 public key. */
  static byte[] ed25519Bytes(EdECPublicKey key) {
    byte[] spki = key.getEncoded();
    return Arrays.copyOfRange(spki, spki.length - EDWARDS_KEY_SIZE, spki.length);
  }

  /**
   * A public key as Go's {@code json.Marshal} writes it: RSA as {@code {N, E}}, ECDSA as
   * {@code {Curve, X, Y}} (Go's curve objects have no exported fields), Ed25519 as its base64
   * bytes, DSA as {@code {P, Q, G, Y}}, X25519 as {@code {}}; null when there is no key.
   */
  static Value publicKeyJson(PublicKey key) {
    if (key instanceof RSAPublicKey k) {
      return ObjectValue.builder().put("N", num(k.getModulus()))
          .put("E", num(k.getPublicExponent())).build();
    } else if (key instanceof ECPublicKey k) {
      return ObjectValue.builder().put("Curve", ObjectValue.EMPTY)
          .put("X", num(k.getW().getAffineX())).put("Y", num(k.getW().getAffineY())).build();
    } else if (key instanceof EdECPublicKey k && k.getParams().getName().equals("Ed25519")) {
      return base64(ed25519Bytes(k));
    } else if (key instanceof DSAPublicKey k) {
      return ObjectValue.builder().put("P", num(k.getParams().getP()))
          .put("Q", num(k.getParams().getQ())).put("G", num(k.getParams().getG()))
          .put("Y", num(k.getY())).build();
    } else if (key == null) {
      return NullValue.INSTANCE;
    }
    return ObjectValue.EMPTY;
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** {@code v} as exactly {@code size} big-endian bytes. */
  static byte[] fixed(BigInteger v, int size) {
    byte[] b = v.toByteArray();
    if (b.length == size) {
      return b;
    }
    byte[] out = new byte[size];
    int copy = Math.min(b.length, size);
    System.arraycopy(b, b.length - copy, out, size - copy, copy);
    return out;
  }

  /** The minimal unsigned big-endian bytes of {@code v}, as Go's {@code big.Int.Bytes}. */
  static byte[] unsigned(BigInteger v) {
    byte[] b = v.toByteArray();
    return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
  }

  static NumberValue num(BigInteger v) {
    return NumberValue.of(v);
  }

  /** Bytes as Go's {@code encoding/json} writes a {@code []byte}: standard padded base64. */
  static StringValue base64(byte[] b) {
    return StringValue.of(Base64.getEncoder().encodeToString(b));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] hex(String s) {
    return java.util.HexFormat.of().parseHex(s);
  }
}
