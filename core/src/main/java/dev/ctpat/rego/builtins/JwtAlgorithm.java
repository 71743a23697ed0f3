package dev.ctpat.rego.builtins;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JWS algorithms OPA knows ({@code HS*}, {@code RS*}, {@code PS*}, {@code ES*},
 * {@code EdDSA}), signing and verifying with JDK keys. ECDSA signatures are JWS's fixed-size
 * {@code r || s}; RSA-PSS signs with a salt as long as the hash.
 *
 * <p>OPA verifies in two ways, which {@link Style} selects. Its {@code io.jwt.verify_*}
 * builtins use Go's crypto directly: only public keys, any PSS salt length, and an ECDSA
 * signature split in halves whatever its length. {@code io.jwt.decode_verify} goes through the
 * jwx library: a private key verifies with its public half, the PSS salt must be as long as the
 * hash, and an ECDSA signature must have the curve's size.
 */
enum JwtAlgorithm {
  HS256(Family.HMAC, "SHA-256"),
  HS384(Family.HMAC, "SHA-384"),
  HS512(Family.HMAC, "SHA-512"),
  RS256(Family.RSA, "SHA-256"),
  RS384(Family.RSA, "SHA-384"),
  RS512(Family.RSA, "SHA-512"),
  PS256(Family.RSA_PSS, "SHA-256"),
  PS384(Family.RSA_PSS, "SHA-384"),
  PS512(Family.RSA_PSS, "SHA-512"),
  ES256(Family.ECDSA, "SHA-256"),
  ES384(Family.ECDSA, "SHA-384"),
  ES512(Family.ECDSA, "SHA-512"),
  EDDSA(Family.EDDSA, null);

  /** How signatures are checked: as OPA's verify builtins do, or as jwx does. */
  enum Style {
    GO_CRYPTO,
    JWX
  }

  private enum Family {
    HMAC,
    RSA,
    RSA_PSS,
    ECDSA,
    EDDSA
  }

  private final Family family;
  private final String digest;

  JwtAlgorithm(Family family, String digest) {
    this.family = family;
    this.digest = digest;
  }

  /** The name in JWS headers: the constant's name, except {@code EdDSA}. */
  String jwsName() {
    return this == EDDSA ? "EdDSA" : name();
  }

  boolean isHmac() {
    return family == Family.HMAC;
  }

  /** The algorithm named {@code name} (case-sensitive, as in JWS), or null. */
  static JwtAlgorithm byName(String name) {
    for (JwtAlgorithm a : values()) {
      if (a.jwsName().equals(name)) {
        return a;
      }
    }
    return null;
  }

  /** Whether {@code signature} signs {@code input} under {@code key}. Wrong key types fail. */
  boolean verify(Key key, PublicKey publicHalf, byte[] input, byte[] signature, Style style) {
    Key k = style == Style.JWX && key instanceof PrivateKey ? publicHalf : key;
    try {
      return switch (family) {
        case HMAC -> k instanceof SecretKey secret
            && MessageDigest.isEqual(hmac(secret.getEncoded(), input), signature);
        case RSA -> k instanceof RSAPublicKey pub && verifyWith(jca(), pub, input, signature);
        case RSA_PSS -> k instanceof RSAPublicKey pub
            && verifyPss(pub, input, signature, style == Style.JWX);
        case ECDSA -> k instanceof ECPublicKey pub && verifyEcdsa(pub, input, signature, style);
        case EDDSA -> k instanceof EdECPublicKey pub
            && pub.getParams().getName().equals("Ed25519")
            && verifyWith("Ed25519", pub, input, signature);
      };
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The signature of {@code input} under {@code key}: a secret, or a private key. */
  byte[] sign(Key key, byte[] input) throws BuiltinException {
    try {
      if (family == Family.HMAC) {
        if (key instanceof SecretKey secret) {
          return hmac(secret.getEncoded(), input);
        }
      } else if (key instanceof PrivateKey priv && key.getAlgorithm().equals(keyAlgorithm())) {
        Signature s = signature();
        s.initSign(priv);
        s.update(input);
        return s.sign();
      }
    } catch (GeneralSecurityException e) {
      throw BuiltinException.error("failed to sign payload: " + e.getMessage());
    }
    throw BuiltinException.error("failed to sign payload: invalid key type "
        + key.getAlgorithm() + " for algorithm " + jwsName());
  }

  private String keyAlgorithm() {
    return switch (family) {
      case HMAC -> "HMAC";
      case RSA, RSA_PSS -> "RSA";
      case ECDSA -> "EC";
      case EDDSA -> "EdDSA";
    };
  }

  private Signature signature() throws GeneralSecurityException {
    switch (family) {
      case RSA_PSS -> {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest),
            MessageDigest.getInstance(digest).getDigestLength(), 1));
        return s;
      }
      case ECDSA -> {
        return Signature.getInstance(shortDigest() + "withECDSAinP1363Format");
      }
      case EDDSA -> {
        return Signature.getInstance("Ed25519");
      }
      default -> {
        return Signature.getInstance(jca());
      }
    }
  }

  private String jca() {
    return shortDigest() + "withRSA";
  }

  private String shortDigest() {
    return digest.replace("-", "");
  }

  private byte[] hmac(byte[] secret, byte[] input) throws GeneralSecurityException {
    String name = "Hmac" + shortDigest();
    Mac mac = Mac.getInstance(name);
    // The JDK refuses an empty key, which Go accepts. HMAC pads short keys with zero bytes, so
    // a single zero byte is the same key.
    mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, name));
    return mac.doFinal(input);
  }

  private static boolean verifyWith(String algorithm, PublicKey key, byte[] input,
      byte[] signature) throws GeneralSecurityException {
    Signature s = Signature.getInstance(algorithm);
    s.initVerify(key);
    s.update(input);
    return s.verify(signature);
  }

  /**
   * ECDSA over {@code r || s}. Go's verify builtins take the halves of any signature; jwx
   * requires each half to be exactly the curve's size.
   */
  private boolean verifyEcdsa(ECPublicKey key, byte[] input, byte[] signature, Style style)
      throws GeneralSecurityException {
    int size = CryptoKeys.Curve.of(key.getParams()).size();
    if (style == Style.JWX && signature.length != 2 * size) {
      return false;
    }
    int half = signature.length / 2;
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, half));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, half, signature.length));
    if (r.bitLength() > 8 * size || s.bitLength() > 8 * size) {
      return false; // larger than the curve order, so never valid
    }
    byte[] fixed = CryptoKeys.concat(CryptoKeys.fixed(r, size), CryptoKeys.fixed(s, size));
    return verifyWith(shortDigest() + "withECDSAinP1363Format", key, input, fixed);
  }

  /**
   * RSASSA-PSS verification (RFC 8017, 9.1.2) with MGF1 over the same hash. The JDK wants the
   * salt length up front; Go's verify builtins accept any, so the salt length is read from the
   * encoded message unless {@code saltIsHashLength}.
   */
  private boolean verifyPss(RSAPublicKey key, byte[] input, byte[] signature,
      boolean saltIsHashLength) throws GeneralSecurityException {
    BigInteger n = key.getModulus();
    int k = (n.bitLength() + 7) / 8;
    BigInteger s = new BigInteger(1, signature);
    if (signature.length != k || s.compareTo(n) >= 0) {
      return false;
    }
    int emBits = n.bitLength() - 1;
    int emLen = (emBits + 7) / 8;
    byte[] em = CryptoKeys.fixed(s.modPow(key.getPublicExponent(), n), k);
    if (emLen < k) {
      if (em[0] != 0) {
        return false;
      }
      em = Arrays.copyOfRange(em, 1, em.length);
    }
    MessageDigest md = MessageDigest.getInstance(digest);
    byte[] mHash = md.digest(input);
    int hLen = mHash.length;
    int minSalt = saltIsHashLength ? hLen : 0;
    if (emLen < hLen + minSalt + 2 || em[emLen - 1] != (byte) 0xbc) {
      return false;
    }
    int bitMask = 0xff >> (8 * emLen - emBits);
    if ((em[0] & ~bitMask & 0xff) != 0) {
      return false;
    }
    byte[] h = Arrays.copyOfRange(em, emLen - hLen - 1, emLen - 1);
    byte[] db = Arrays.copyOfRange(em, 0, emLen - hLen - 1);
    byte[] mask = mgf1(h, db.length, md);
    for (int i = 0; i < db.length; i++) {
      db[i] ^= mask[i];
    }
    db[0] &= (byte) bitMask;
    int separator = 0;
    while (separator < db.length && db[separator] == 0) {
      separator++;
    }
    if (separator == db.length || db[separator] != 1) {
      return false;
    }
    int saltLength = db.length - separator - 1;
    if (saltIsHashLength && saltLength != hLen) {
      return false;
    }
    md.update(new byte[8]);
    md.update(mHash);
    md.update(db, separator + 1, saltLength);
    return MessageDigest.isEqual(h, md.digest());
  }

  private static byte[] mgf1(byte[] seed, int length, MessageDigest md) {
    byte[] out = new byte[length];
    int filled = 0;
    for (int counter = 0; filled < length; counter++) {
      md.update(seed);
      md.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16),
          (byte) (counter >>> 8), (byte) counter});
      byte[] block = md.digest();
      int take = Math.min(block.length, length - filled);
      System.arraycopy(block, 0, out, filled, take);
      filled += take;
    }
    return out;
  }
}
