package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.CryptoDer.Element;
import dev.ctpat.rego.builtins.CryptoDer.Malformed;
import dev.ctpat.rego.builtins.CryptoDer.Reader;
import dev.ctpat.rego.builtins.CryptoX509.Certificate;
import dev.ctpat.rego.builtins.CryptoX509.Extension;
import dev.ctpat.rego.builtins.CryptoX509Names.Constraints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/**
 * The certificate extensions Go's {@code x509} parser understands, applied to a certificate's
 * fields as Go's {@code processExtensions} does, with its errors. A critical extension Go does
 * not understand is recorded in {@code UnhandledCriticalExtensions}.
 */
final class CryptoX509Extensions {
  private CryptoX509Extensions() {}

  static void process(Certificate c) throws BuiltinException {
    for (Extension e : c.extensions) {
      boolean unhandled = false;
      int[] id = e.id();
      if (id.length == 4 && id[0] == 2 && id[1] == 5 && id[2] == 29) {
        unhandled = standard(c, e, id[3]);
      } else if (CryptoX509.isAuthorityInfoAccess(id)) {
        authorityInfoAccess(c, e);
      } else {
        unhandled = true;
      }
      if (e.critical() && unhandled) {
        c.unhandledCriticalExtensions = CryptoX509Names.add(c.unhandledCriticalExtensions, id);
      }
    }
  }

  /** Applies extension {@code 2.5.29.<number>}; true when Go leaves it unhandled. */
  private static boolean standard(Certificate c, Extension e, int number)
      throws BuiltinException {
    switch (number) {
      case 15 -> c.keyUsage = keyUsage(e.value());
      case 19 -> basicConstraints(c, e.value());
      case 17 -> {
        c.names = CryptoX509Names.parseSubjectAltNames(e.value());
        return c.names.isEmpty(); // a SAN of only other name types is not understood
      }
      case 30 -> {
        return nameConstraints(c, e);
      }
      case 31 -> crlDistributionPoints(c, e.value());
      case 35 -> c.authorityKeyId = authorityKeyId(e);
      case 36 -> policyConstraints(c, e.value());
      case 37 -> extKeyUsage(c, e.value());
      case 14 -> c.subjectKeyId = subjectKeyId(e);
      case 32 -> policies(c, e.value());
      case 33 -> policyMappings(c, e.value());
      case 54 -> {
        try {
          c.inhibitAnyPolicy = new Reader(e.value()).readSmallInteger();
        } catch (Malformed ex) {
          throw CryptoX509.error("invalid inhibit any policy extension");
        }
        c.inhibitAnyPolicyZero = c.inhibitAnyPolicy == 0;
      }
      default -> {
        return true;
      }
    }
    return false;
  }

  private static int keyUsage(byte[] value) throws BuiltinException {
    CryptoDer.Bits bits;
    try {
      bits = CryptoDer.bits(new Reader(value).read(CryptoDer.BIT_STRING).content());
    } catch (Malformed e) {
      throw CryptoX509.error("invalid key usage");
    }
    int usage = 0;
    for (int i = 0; i < 9; i++) {
      usage |= bits.at(i) << i;
    }
    return usage;
  }

  private static void basicConstraints(Certificate c, byte[] value) throws BuiltinException {
    try {
      Reader r = new Reader(value).enter(CryptoDer.SEQUENCE);
      c.isCA = r.peek(CryptoDer.BOOLEAN) && r.readBoolean();
      c.maxPathLen = r.peek(CryptoDer.INTEGER) ? r.readSmallInteger() : -1;
    } catch (Malformed e) {
      throw CryptoX509.error("invalid basic constraints");
    }
    c.basicConstraintsValid = true;
    c.maxPathLenZero = c.maxPathLen == 0;
  }

  private static void crlDistributionPoints(Certificate c, byte[] value)
      throws BuiltinException {
    Reader points;
    try {
      points = new Reader(value).enter(CryptoDer.SEQUENCE);
    } catch (Malformed e) {
      throw CryptoX509.error("invalid CRL distribution points");
    }
    try {
      while (!points.isEmpty()) {
        Reader point = points.enter(CryptoDer.SEQUENCE);
        Element name = point.readOptional(CryptoDer.contextConstructed(0));
        if (name == null) {
          continue;
        }
        Reader fullName = name.children().enter(CryptoDer.contextConstructed(0));
        while (fullName.peek(CryptoDer.context(6))) {
          byte[] uri = fullName.read().content();
          c.crlDistributionPoints = CryptoX509Names.add(c.crlDistributionPoints,
              CryptoX509.ascii(uri));
        }
      }
    } catch (Malformed e) {
      throw CryptoX509.error("invalid CRL distribution point");
    }
  }

  private static byte[] authorityKeyId(Extension e) throws BuiltinException {
    if (e.critical()) {
      throw CryptoX509.error("authority key identifier incorrectly marked critical");
    }
    try {
      Reader akid = new Reader(e.value()).enter(CryptoDer.SEQUENCE);
      Element keyId = akid.readOptional(CryptoDer.context(0));
      return keyId == null ? null : keyId.content();
    } catch (Malformed ex) {
      throw CryptoX509.error("invalid authority key identifier");
    }
  }

  private static byte[] subjectKeyId(Extension e) throws BuiltinException {
    if (e.critical()) {
      throw CryptoX509.error("subject key identifier incorrectly marked critical");
    }
    try {
      return new Reader(e.value()).read(CryptoDer.OCTET_STRING).content();
    } catch (Malformed ex) {
      throw CryptoX509.error("invalid subject key identifier");
    }
  }

  private static void policyConstraints(Certificate c, byte[] value) throws BuiltinException {
    try {
      Reader r = new Reader(value).enter(CryptoDer.SEQUENCE);
      if (r.peek(CryptoDer.context(0))) {
        c.requireExplicitPolicy = smallInteger(r.read().content());
        c.requireExplicitPolicyZero = c.requireExplicitPolicy == 0;
      }
      if (r.peek(CryptoDer.context(1))) {
        c.inhibitPolicyMapping = smallInteger(r.read().content());
        c.inhibitPolicyMappingZero = c.inhibitPolicyMapping == 0;
      }
    } catch (Malformed e) {
      throw CryptoX509.error("invalid policy constraints extension");
    }
  }

  private static long smallInteger(byte[] content) throws Malformed {
    java.math.BigInteger v = CryptoDer.integer(content);
    if (v.bitLength() > 63) {
      throw new Malformed();
    }
    return v.longValue();
  }

  private static void extKeyUsage(Certificate c, byte[] value) throws BuiltinException {
    try {
      Reader r = new Reader(value).enter(CryptoDer.SEQUENCE);
      while (!r.isEmpty()) {
        int[] oid = r.readObjectIdentifier();
        int usage = CryptoX509.extKeyUsage(oid);
        if (usage >= 0) {
          c.extKeyUsage = CryptoX509Names.add(c.extKeyUsage, usage);
        } else {
          c.unknownExtKeyUsage = CryptoX509Names.add(c.unknownExtKeyUsage, oid);
        }
      }
    } catch (Malformed e) {
      throw CryptoX509.error("invalid extended key usages");
    }
  }

  /** Certificate policies: every OID as text, and those small enough also as arcs. */
  private static void policies(Certificate c, byte[] value) throws BuiltinException {
    c.policies = new ArrayList<>();
    c.policyIdentifiers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try {
      Reader r = new Reader(value).enter(CryptoDer.SEQUENCE);
      while (!r.isEmpty()) {
        byte[] oid = r.enter(CryptoDer.SEQUENCE).read(CryptoDer.OBJECT_IDENTIFIER).content();
        String text = CryptoDer.objectIdentifierText(oid);
        if (!seen.add(text)) {
          throw new Malformed();
        }
        c.policies.add(text);
        try {
          c.policyIdentifiers.add(CryptoDer.objectIdentifier(oid));
        } catch (Malformed tooLarge) {
          // Go keeps such a policy in Policies only.
        }
      }
    } catch (Malformed e) {
      throw CryptoX509.error("invalid certificate policies");
    }
  }

  private static void policyMappings(Certificate c, byte[] value) throws BuiltinException {
    try {
      Reader r = new Reader(value).enter(CryptoDer.SEQUENCE);
      while (!r.isEmpty()) {
        Reader mapping = r.enter(CryptoDer.SEQUENCE);
        String issuer = CryptoDer.objectIdentifierText(
            mapping.read(CryptoDer.OBJECT_IDENTIFIER).content());
        String subject = CryptoDer.objectIdentifierText(
            mapping.read(CryptoDer.OBJECT_IDENTIFIER).content());
        c.policyMappings = CryptoX509Names.add(c.policyMappings, new String[] {issuer, subject});
      }
    } catch (Malformed e) {
      throw CryptoX509.error("invalid policy mappings extension");
    }
  }

  private static void authorityInfoAccess(Certificate c, Extension e) throws BuiltinException {
    if (e.critical()) {
      throw CryptoX509.error("authority info access incorrectly marked critical");
    }
    try {
      Reader r = new Reader(e.value()).enter(CryptoDer.SEQUENCE);
      while (!r.isEmpty()) {
        Reader access = r.enter(CryptoDer.SEQUENCE);
        int[] method = access.readObjectIdentifier();
        if (!access.peek(CryptoDer.context(6))) {
          continue;
        }
        String location = CryptoX509.ascii(access.read().content());
        if (CryptoX509.isOcspAccess(method)) {
          c.ocspServer = CryptoX509Names.add(c.ocspServer, location);
        } else if (CryptoX509.isIssuersAccess(method)) {
          c.issuingCertificateUrl = CryptoX509Names.add(c.issuingCertificateUrl, location);
        }
      }
    } catch (Malformed ex) {
      throw CryptoX509.error("invalid authority info access");
    }
  }

  /** Go's {@code parseNameConstraintsExtension}; true when a constraint type is not understood. */
  private static boolean nameConstraints(Certificate c, Extension e) throws BuiltinException {
    Element permitted;
    Element excluded;
    try {
      Reader outer = new Reader(e.value());
      Reader top = outer.enter(CryptoDer.SEQUENCE);
      outer.expectEnd();
      permitted = top.readOptional(CryptoDer.contextConstructed(0));
      excluded = top.readOptional(CryptoDer.contextConstructed(1));
      top.expectEnd();
    } catch (Malformed ex) {
      throw CryptoX509.error("invalid NameConstraints extension");
    }
    boolean noPermitted = permitted == null || permitted.end() == permitted.contentStart();
    boolean noExcluded = excluded == null || excluded.end() == excluded.contentStart();
    if (noPermitted && noExcluded) {
      throw CryptoX509.error("empty name constraints extension");
    }
    boolean unhandled = false;
    if (permitted != null) {
      unhandled |= subtrees(permitted.children(), c.permitted);
    }
    if (excluded != null) {
      unhandled |= subtrees(excluded.children(), c.excluded);
    }
    c.permittedDnsDomainsCritical = e.critical();
    return unhandled;
  }

  private static boolean subtrees(Reader subtrees, Constraints into) throws BuiltinException {
    boolean unhandled = false;
    while (!subtrees.isEmpty()) {
      Element base;
      try {
        base = subtrees.enter(CryptoDer.SEQUENCE).read();
      } catch (Malformed e) {
        throw CryptoX509.error("invalid NameConstraints extension");
      }
      byte[] value = base.content();
      int tag = base.tag();
      if (tag == CryptoDer.context(2)) {
        String domain = constraintText(value);
        if (CryptoX509Names.reverseLabels(withoutLeadingDot(domain)) == null) {
          throw CryptoX509.error("failed to parse dnsName constraint \"" + domain + "\"");
        }
        into.dnsDomains = CryptoX509Names.add(into.dnsDomains, domain);
      } else if (tag == CryptoDer.context(7)) {
        into.ipRanges = CryptoX509Names.add(into.ipRanges, ipRange(value));
      } else if (tag == CryptoDer.context(1)) {
        String constraint = constraintText(value);
        if (!CryptoX509Verifier.isValidEmailConstraint(constraint)) {
          throw CryptoX509.error("failed to parse rfc822Name constraint \"" + constraint + "\"");
        }
        into.emailAddresses = CryptoX509Names.add(into.emailAddresses, constraint);
      } else if (tag == CryptoDer.context(6)) {
        String domain = constraintText(value);
        if (CryptoGoNet.parseIp(domain) != null) {
          throw CryptoX509.error("failed to parse URI constraint \"" + domain
              + "\": cannot be IP address");
        }
        if (CryptoX509Names.reverseLabels(withoutLeadingDot(domain)) == null) {
          throw CryptoX509.error("failed to parse URI constraint \"" + domain + "\"");
        }
        into.uriDomains = CryptoX509Names.add(into.uriDomains, domain);
      } else {
        unhandled = true;
      }
    }
    return unhandled;
  }

  private static String constraintText(byte[] value) throws BuiltinException {
    String s = CryptoX509.ascii(value);
    if (!CryptoX509Names.isIa5(value)) {
      throw CryptoX509.error("invalid constraint value: x509: \"" + s
          + "\" cannot be encoded as an IA5String");
    }
    return s;
  }

  static String withoutLeadingDot(String s) {
    return s.startsWith(".") ? s.substring(1) : s;
  }

  private static byte[][] ipRange(byte[] value) throws BuiltinException {
    int half;
    if (value.length == 8 || value.length == 32) {
      half = value.length / 2;
    } else {
      throw CryptoX509.error("IP constraint contained value of length " + value.length);
    }
    byte[] ip = java.util.Arrays.copyOfRange(value, 0, half);
    byte[] mask = java.util.Arrays.copyOfRange(value, half, value.length);
    if (!isValidMask(mask)) {
      throw CryptoX509.error("IP constraint contained invalid mask "
          + java.util.HexFormat.of().formatHex(mask));
    }
    return new byte[][] {ip, mask};
  }

  /** True when {@code mask} is some one bits followed by zero bits. */
  private static boolean isValidMask(byte[] mask) {
    boolean seenZero = false;
    for (byte b : mask) {
      int v = b & 0xff;
      if (seenZero) {
        if (v != 0) {
          return false;
        }
        continue;
      }
      if (v != 0xff) {
        if (Integer.bitCount(v) != Integer.numberOfLeadingZeros(~v << 24)) {
          return false;
        }
        seenZero = true;
      }
    }
    return true;
  }
}
