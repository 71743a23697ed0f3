package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.CryptoDer.Element;
import dev.ctpat.rego.builtins.CryptoDer.Malformed;
import dev.ctpat.rego.builtins.CryptoDer.Reader;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * X.509 certificates parsed as Go's {@code x509.ParseCertificate} parses them (same checks, same
 * messages), and written as the JSON Go's {@code encoding/json} makes of an
 * {@code x509.Certificate}, which is the object OPA's certificate builtins return: byte fields
 * as base64, enumerations as Go's numbers, names as {@code pkix.Name}, nil slices as null.
 */
final class CryptoX509 {
  /** Go's {@code x509.SignatureAlgorithm} numbers. */
  static final int SHA256_WITH_RSA = 4;
  static final int SHA384_WITH_RSA = 5;
  static final int SHA512_WITH_RSA = 6;
  static final int ECDSA_WITH_SHA256 = 10;
  static final int ECDSA_WITH_SHA384 = 11;
  static final int ECDSA_WITH_SHA512 = 12;
  static final int SHA256_WITH_RSA_PSS = 13;
  static final int SHA384_WITH_RSA_PSS = 14;
  static final int SHA512_WITH_RSA_PSS = 15;
  static final int PURE_ED25519 = 16;

  /** Go's {@code x509.ExtKeyUsage} numbers for the usages OPA's options name. */
  static final int EXT_KEY_USAGE_ANY = 0;
  static final int EXT_KEY_USAGE_SERVER_AUTH = 1;
  static final int EXT_KEY_USAGE_MICROSOFT_SGC = 10;
  static final int EXT_KEY_USAGE_NETSCAPE_SGC = 11;

  /** Go's {@code KeyUsageCertSign} bit. */
  static final int KEY_USAGE_CERT_SIGN = 1 << 5;

  private static final int[] OID_SIGNATURE_RSA_PSS = {1, 2, 840, 113549, 1, 1, 10};
  private static final int[] OID_MGF1 = {1, 2, 840, 113549, 1, 1, 8};
  private static final int[] OID_AUTHORITY_INFO_ACCESS = {1, 3, 6, 1, 5, 5, 7, 1, 1};
  private static final int[] OID_ACCESS_OCSP = {1, 3, 6, 1, 5, 5, 7, 48, 1};
  private static final int[] OID_ACCESS_ISSUERS = {1, 3, 6, 1, 5, 5, 7, 48, 2};

  /** Signature algorithm OIDs and their Go numbers (RSA-PSS is decided by its parameters). */
  private static final Object[][] SIGNATURE_ALGORITHMS = {
      {new int[] {1, 2, 840, 113549, 1, 1, 2}, 1},
      {new int[] {1, 2, 840, 113549, 1, 1, 4}, 2},
      {new int[] {1, 2, 840, 113549, 1, 1, 5}, 3},
      {new int[] {1, 3, 14, 3, 2, 29}, 3},
      {new int[] {1, 2, 840, 113549, 1, 1, 11}, SHA256_WITH_RSA},
      {new int[] {1, 2, 840, 113549, 1, 1, 12}, SHA384_WITH_RSA},
      {new int[] {1, 2, 840, 113549, 1, 1, 13}, SHA512_WITH_RSA},
      {new int[] {1, 2, 840, 10040, 4, 3}, 7},
      {new int[] {2, 16, 840, 1, 101, 3, 4, 3, 2}, 8},
      {new int[] {1, 2, 840, 10045, 4, 1}, 9},
      {new int[] {1, 2, 840, 10045, 4, 3, 2}, ECDSA_WITH_SHA256},
      {new int[] {1, 2, 840, 10045, 4, 3, 3}, ECDSA_WITH_SHA384},
      {new int[] {1, 2, 840, 10045, 4, 3, 4}, ECDSA_WITH_SHA512},
      {CryptoKeys.OID_ED25519, PURE_ED25519},
  };

  /** Extended key usage OIDs in the order of Go's numbers. */
  private static final int[][] EXT_KEY_USAGES = {
      {2, 5, 29, 37, 0},
      {1, 3, 6, 1, 5, 5, 7, 3, 1},
      {1, 3, 6, 1, 5, 5, 7, 3, 2},
      {1, 3, 6, 1, 5, 5, 7, 3, 3},
      {1, 3, 6, 1, 5, 5, 7, 3, 4},
      {1, 3, 6, 1, 5, 5, 7, 3, 5},
      {1, 3, 6, 1, 5, 5, 7, 3, 6},
      {1, 3, 6, 1, 5, 5, 7, 3, 7},
      {1, 3, 6, 1, 5, 5, 7, 3, 8},
      {1, 3, 6, 1, 5, 5, 7, 3, 9},
      {1, 3, 6, 1, 4, 1, 311, 10, 3, 3},
      {2, 16, 840, 1, 113730, 4, 1},
      {1, 3, 6, 1, 4, 1, 311, 2, 1, 22},
      {1, 3, 6, 1, 4, 1, 311, 61, 1, 1},
  };

  private static final int[][] SHA2_OIDS = {
      {2, 16, 840, 1, 101, 3, 4, 2, 1}, {2, 16, 840, 1, 101, 3, 4, 2, 2},
      {2, 16, 840, 1, 101, 3, 4, 2, 3}};

  private CryptoX509() {}

  /** Go's {@code x509.ParseCertificates}: concatenated DER certificates. */
  static List<Certificate> parseCertificates(byte[] der) throws BuiltinException {
    List<Certificate> out = new ArrayList<>();
    Reader r = new Reader(der);
    while (!r.isEmpty()) {
      try {
        out.add(parse(r.read(CryptoDer.SEQUENCE).encoded()));
      } catch (Malformed e) {
        throw error("malformed certificate");
      }
    }
    return out;
  }

  /** One certificate at the start of {@code der}; what follows it is ignored. */
  static Certificate parse(byte[] der) throws BuiltinException {
    Certificate c = new Certificate();
    Reader input;
    Reader tbs;
    try {
      Element certificate = new Reader(der).read(CryptoDer.SEQUENCE);
      c.raw = certificate.encoded();
      input = certificate.children();
    } catch (Malformed e) {
      throw error("malformed certificate");
    }
    try {
      Element tbsElement = input.read(CryptoDer.SEQUENCE);
      c.rawTbs = tbsElement.encoded();
      tbs = tbsElement.children();
    } catch (Malformed e) {
      throw error("malformed tbs certificate");
    }
    c.version = version(tbs);
    try {
      c.serial = tbs.readInteger();
    } catch (Malformed e) {
      throw error("malformed serial number");
    }
    if (c.serial.signum() < 0) {
      throw error("negative serial number");
    }
    readSignatureAlgorithm(c, tbs, input);
    c.rawIssuer = readName(tbs, "malformed issuer");
    c.issuer = CryptoX509Names.parseName(c.rawIssuer);
    readValidity(c, tbs);
    c.rawSubject = readName(tbs, "malformed issuer"); // Go names the subject so too
    c.subject = CryptoX509Names.parseName(c.rawSubject);
    readPublicKey(c, tbs);
    if (c.version > 1) {
      readExtensions(c, tbs);
    }
    try {
      c.signature = input.readBitString();
    } catch (Malformed e) {
      throw error("malformed signature");
    }
    return c;
  }

  private static int version(Reader tbs) throws BuiltinException {
    long v = 0;
    try {
      Element explicit = tbs.readOptional(CryptoDer.contextConstructed(0));
      if (explicit != null) {
        Reader r = explicit.children();
        v = r.readSmallInteger();
        r.expectEnd();
      }
    } catch (Malformed e) {
      throw error("malformed version");
    }
    if (v < 0) {
      throw error("malformed version");
    }
    if (v > 2) {
      throw error("invalid version");
    }
    return (int) v + 1; // Go counts versions from 1
  }

  private static void readSignatureAlgorithm(Certificate c, Reader tbs, Reader input)
      throws BuiltinException {
    Element inner;
    Element outer;
    try {
      inner = tbs.read(CryptoDer.SEQUENCE);
    } catch (Malformed e) {
      throw error("malformed signature algorithm identifier");
    }
    try {
      outer = input.read(CryptoDer.SEQUENCE);
    } catch (Malformed e) {
      throw error("malformed algorithm identifier");
    }
    if (!Arrays.equals(inner.content(), outer.content())) {
      throw error("inner and outer signature algorithm identifiers don't match");
    }
    c.signatureAlgorithm = signatureAlgorithm(inner);
  }

  /** Go's {@code getSignatureAlgorithmFromAI}: the number of an algorithm identifier. */
  static int signatureAlgorithm(Element algorithmIdentifier) throws BuiltinException {
    int[] oid;
    Element params;
    try {
      Reader r = algorithmIdentifier.children();
      oid = r.readObjectIdentifier();
      params = r.isEmpty() ? null : r.read();
    } catch (Malformed e) {
      throw error("malformed OID");
    }
    if (Arrays.equals(oid, CryptoKeys.OID_ED25519) && params != null) {
      return 0;
    }
    if (Arrays.equals(oid, OID_SIGNATURE_RSA_PSS)) {
      return pssAlgorithm(params);
    }
    for (Object[] entry : SIGNATURE_ALGORITHMS) {
      if (Arrays.equals((int[]) entry[0], oid)) {
        return (Integer) entry[1];
      }
    }
    return 0;
  }

  /**
   * RSA-PSS parameters map to a Go algorithm only when the MGF1 hash is the message hash, the
   * salt is as long as the hash, and the trailer is the default.
   */
  private static int pssAlgorithm(Element params) {
    try {
      if (params == null) {
        return 0;
      }
      Reader r = params.children();
      int[] hash = hashAlgorithm(r.enter(CryptoDer.contextConstructed(0)));
      Reader mgf = r.enter(CryptoDer.contextConstructed(1)).enter(CryptoDer.SEQUENCE);
      if (!Arrays.equals(mgf.readObjectIdentifier(), OID_MGF1)) {
        return 0;
      }
      int[] mgfHash = hashAlgorithm(mgf);
      long salt = 20;
      Element saltElement = r.readOptional(CryptoDer.contextConstructed(2));
      if (saltElement != null) {
        salt = saltElement.children().readSmallInteger();
      }
      Element trailer = r.readOptional(CryptoDer.contextConstructed(3));
      if (trailer != null && trailer.children().readSmallInteger() != 1
          || !Arrays.equals(hash, mgfHash)) {
        return 0;
      }
      for (int i = 0; i < SHA2_OIDS.length; i++) {
        if (Arrays.equals(hash, SHA2_OIDS[i]) && salt == 32 + 16L * i) {
          return SHA256_WITH_RSA_PSS + i;
        }
      }
    } catch (Malformed e) {
      return 0;
    }
    return 0;
  }

  /** The OID of the next AlgorithmIdentifier, whose parameters must be absent or NULL. */
  private static int[] hashAlgorithm(Reader r) throws Malformed {
    Reader ai = r.enter(CryptoDer.SEQUENCE);
    int[] oid = ai.readObjectIdentifier();
    if (!ai.isEmpty()) {
      Element p = ai.read(CryptoDer.NULL);
      if (p.end() != p.contentStart()) {
        throw new Malformed();
      }
    }
    return oid;
  }

  private static byte[] readName(Reader tbs, String error) throws BuiltinException {
    try {
      return tbs.read(CryptoDer.SEQUENCE).encoded();
    } catch (Malformed e) {
      throw error(error);
    }
  }

  private static void readValidity(Certificate c, Reader tbs) throws BuiltinException {
    Reader validity;
    try {
      validity = tbs.enter(CryptoDer.SEQUENCE);
    } catch (Malformed e) {
      throw error("malformed validity");
    }
    c.notBefore = readTime(validity);
    c.notAfter = readTime(validity);
  }

  private static OffsetDateTime readTime(Reader r) throws BuiltinException {
    boolean utc = r.peek(CryptoDer.UTC_TIME);
    if (!utc && !r.peek(CryptoDer.GENERALIZED_TIME)) {
      throw error("unsupported time format");
    }
    try {
      return CryptoDer.time(r.read());
    } catch (Malformed e) {
      throw error(utc ? "malformed UTCTime" : "malformed GeneralizedTime");
    }
  }

  private static void readPublicKey(Certificate c, Reader tbs) throws BuiltinException {
    Reader spki;
    try {
      Element e = tbs.read(CryptoDer.SEQUENCE);
      c.rawSpki = e.encoded();
      spki = e.children();
    } catch (Malformed e) {
      throw error("malformed spki");
    }
    SubjectPublicKey key = readSubjectPublicKey(spki);
    c.publicKeyAlgorithm = key.algorithm();
    c.publicKey = key.key();
  }

  /** A SubjectPublicKeyInfo's algorithm number and key (null for unknown algorithms). */
  record SubjectPublicKey(int algorithm, PublicKey key) {}

  static SubjectPublicKey readSubjectPublicKey(Reader spki) throws BuiltinException {
    int[] oid;
    Element params;
    try {
      Reader algorithm = spki.enter(CryptoDer.SEQUENCE);
      try {
        oid = algorithm.readObjectIdentifier();
      } catch (Malformed e) {
        throw error("malformed OID");
      }
      params = algorithm.isEmpty() ? null : algorithm.read();
    } catch (Malformed e) {
      throw error("malformed public key algorithm identifier");
    }
    byte[] bits;
    try {
      bits = spki.readBitString();
    } catch (Malformed e) {
      throw error("malformed subjectPublicKey");
    }
    int algorithm = CryptoKeys.publicKeyAlgorithm(oid);
    PublicKey key = algorithm == CryptoKeys.UNKNOWN_ALGORITHM
        ? null : CryptoKeys.parsePublicKey(oid, params, bits);
    return new SubjectPublicKey(algorithm, key);
  }

  private static void readExtensions(Certificate c, Reader tbs) throws BuiltinException {
    Element extensions;
    try {
      tbs.readOptional(CryptoDer.context(1));
    } catch (Malformed e) {
      throw error("malformed issuerUniqueID");
    }
    try {
      tbs.readOptional(CryptoDer.context(2));
    } catch (Malformed e) {
      throw error("malformed subjectUniqueID");
    }
    if (c.version != 3) {
      return;
    }
    try {
      extensions = tbs.readOptional(CryptoDer.contextConstructed(3));
    } catch (Malformed e) {
      throw error("malformed extensions");
    }
    if (extensions == null) {
      return;
    }
    Reader list;
    try {
      list = extensions.children().enter(CryptoDer.SEQUENCE);
    } catch (Malformed e) {
      throw error("malformed extensions");
    }
    c.extensions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (!list.isEmpty()) {
      Extension ext = readExtension(list);
      String id = CryptoAsn1.oidText(ext.id());
      if (!seen.add(id)) {
        throw error("certificate contains duplicate extension with OID \"" + id + "\"");
      }
      c.extensions.add(ext);
    }
    CryptoX509Extensions.process(c);
  }

  /** A certificate or request extension. */
  record Extension(int[] id, boolean critical, byte[] value) {
    Value json() {
      return ObjectValue.builder().put("Id", CryptoAsn1.oid(id))
          .put("Critical", BooleanValue.of(critical)).put("Value", CryptoKeys.base64(value))
          .build();
    }
  }

  static Extension readExtension(Reader list) throws BuiltinException {
    Reader ext;
    try {
      ext = list.enter(CryptoDer.SEQUENCE);
    } catch (Malformed e) {
      throw error("malformed extension");
    }
    int[] id;
    try {
      id = ext.readObjectIdentifier();
    } catch (Malformed e) {
      throw error("malformed extension OID field");
    }
    boolean critical = false;
    if (ext.peek(CryptoDer.BOOLEAN)) {
      try {
        critical = ext.readBoolean();
      } catch (Malformed e) {
        throw error("malformed extension critical field");
      }
    }
    try {
      return new Extension(id, critical, ext.read(CryptoDer.OCTET_STRING).content());
    } catch (Malformed e) {
      throw error("malformed extension value field");
    }
  }

  static BuiltinException error(String message) {
    return BuiltinException.error("x509: " + message);
  }

  /** Go's number of an extended key usage OID, or -1 for others. */
  static int extKeyUsage(int[] oid) {
    for (int i = 0; i < EXT_KEY_USAGES.length; i++) {
      if (Arrays.equals(EXT_KEY_USAGES[i], oid)) {
        return i;
      }
    }
    return -1;
  }

  static boolean isAuthorityInfoAccess(int[] oid) {
    return Arrays.equals(oid, OID_AUTHORITY_INFO_ACCESS);
  }

  static boolean isOcspAccess(int[] oid) {
    return Arrays.equals(oid, OID_ACCESS_OCSP);
  }

  static boolean isIssuersAccess(int[] oid) {
    return Arrays.equals(oid, OID_ACCESS_ISSUERS);
  }

  /**
   * A parsed certificate: the fields of Go's {@code x509.Certificate}. Lists stay null unless
   * something was added, as Go's nil slices, so that they are written as JSON null.
   */
  static final class Certificate {
    byte[] raw;
    byte[] rawTbs;
    byte[] rawSpki;
    byte[] rawSubject;
    byte[] rawIssuer;
    byte[] signature;
    int signatureAlgorithm;
    int publicKeyAlgorithm;
    PublicKey publicKey;
    int version;
    BigInteger serial;
    CryptoX509Names.Name issuer;
    CryptoX509Names.Name subject;
    OffsetDateTime notBefore;
    OffsetDateTime notAfter;
    int keyUsage;
    List<Extension> extensions;
    List<int[]> unhandledCriticalExtensions;
    List<Integer> extKeyUsage;
    List<int[]> unknownExtKeyUsage;
    boolean basicConstraintsValid;
    boolean isCA;
    long maxPathLen;
    boolean maxPathLenZero;
    byte[] subjectKeyId;
    byte[] authorityKeyId;
    List<String> ocspServer;
    List<String> issuingCertificateUrl;
    CryptoX509Names.GeneralNames names = new CryptoX509Names.GeneralNames();
    boolean permittedDnsDomainsCritical;
    CryptoX509Names.Constraints permitted = new CryptoX509Names.Constraints();
    CryptoX509Names.Constraints excluded = new CryptoX509Names.Constraints();
    List<String> crlDistributionPoints;
    List<int[]> policyIdentifiers;
    List<String> policies;
    long inhibitAnyPolicy;
    boolean inhibitAnyPolicyZero;
    long inhibitPolicyMapping;
    boolean inhibitPolicyMappingZero;
    long requireExplicitPolicy;
    boolean requireExplicitPolicyZero;
    List<String[]> policyMappings;

    /**
     * Go's JSON of the certificate; with {@code uriStrings}, OPA's extra {@code URIStrings}
     * field (the URIs as text) that {@code parse_certificates} adds.
     */
    ObjectValue json(boolean uriStrings) {
      ObjectValue.Builder b = ObjectValue.builder()
          .put("Raw", CryptoKeys.base64(raw))
          .put("RawTBSCertificate", CryptoKeys.base64(rawTbs))
          .put("RawSubjectPublicKeyInfo", CryptoKeys.base64(rawSpki))
          .put("RawSubject", CryptoKeys.base64(rawSubject))
          .put("RawIssuer", CryptoKeys.base64(rawIssuer))
          .put("Signature", CryptoKeys.base64(signature))
          .put("SignatureAlgorithm", NumberValue.of(signatureAlgorithm))
          .put("PublicKeyAlgorithm", NumberValue.of(publicKeyAlgorithm))
          .put("PublicKey", CryptoKeys.publicKeyJson(publicKey))
          .put("Version", NumberValue.of(version))
          .put("SerialNumber", NumberValue.of(serial))
          .put("Issuer", issuer.json())
          .put("Subject", subject.json())
          .put("NotBefore", CryptoAsn1.time(notBefore))
          .put("NotAfter", CryptoAsn1.time(notAfter))
          .put("KeyUsage", NumberValue.of(keyUsage))
          .put("Extensions", list(extensions, Extension::json))
          .put("ExtraExtensions", NullValue.INSTANCE)
          .put("UnhandledCriticalExtensions", list(unhandledCriticalExtensions, CryptoAsn1::oid))
          .put("ExtKeyUsage", list(extKeyUsage, NumberValue::of))
          .put("UnknownExtKeyUsage", list(unknownExtKeyUsage, CryptoAsn1::oid))
          .put("BasicConstraintsValid", BooleanValue.of(basicConstraintsValid))
          .put("IsCA", BooleanValue.of(isCA))
          .put("MaxPathLen", NumberValue.of(maxPathLen))
          .put("MaxPathLenZero", BooleanValue.of(maxPathLenZero))
          .put("SubjectKeyId", bytes(subjectKeyId))
          .put("AuthorityKeyId", bytes(authorityKeyId))
          .put("OCSPServer", strings(ocspServer))
          .put("IssuingCertificateURL", strings(issuingCertificateUrl))
          .put("PermittedDNSDomainsCritical", BooleanValue.of(permittedDnsDomainsCritical))
          .put("CRLDistributionPoints", strings(crlDistributionPoints))
          .put("PolicyIdentifiers", list(policyIdentifiers, CryptoAsn1::oid))
          .put("Policies", strings(policies))
          .put("InhibitAnyPolicy", NumberValue.of(inhibitAnyPolicy))
          .put("InhibitAnyPolicyZero", BooleanValue.of(inhibitAnyPolicyZero))
          .put("InhibitPolicyMapping", NumberValue.of(inhibitPolicyMapping))
          .put("InhibitPolicyMappingZero", BooleanValue.of(inhibitPolicyMappingZero))
          .put("RequireExplicitPolicy", NumberValue.of(requireExplicitPolicy))
          .put("RequireExplicitPolicyZero", BooleanValue.of(requireExplicitPolicyZero))
          .put("PolicyMappings", list(policyMappings, m -> ObjectValue.builder()
              .put("IssuerDomainPolicy", StringValue.of(m[0]))
              .put("SubjectDomainPolicy", StringValue.of(m[1])).build()));
      names.addJson(b);
      permitted.addJson(b, "Permitted");
      excluded.addJson(b, "Excluded");
      if (uriStrings) {
        b.put("URIStrings", strings(names.uris));
      }
      return b.build();
    }
  }

  static Value bytes(byte[] b) {
    return b == null ? NullValue.INSTANCE : CryptoKeys.base64(b);
  }

  static Value strings(List<String> list) {
    return list(list, StringValue::of);
  }

  static <T> Value list(List<T> list, java.util.function.Function<T, Value> element) {
    if (list == null) {
      return NullValue.INSTANCE;
    }
    List<Value> out = new ArrayList<>(list.size());
    list.forEach(e -> out.add(element.apply(e)));
    return ArrayValue.of(out);
  }

  static String ascii(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }
}
