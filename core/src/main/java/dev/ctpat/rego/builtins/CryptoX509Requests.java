package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.CryptoDer.Element;
import dev.ctpat.rego.builtins.CryptoDer.Malformed;
import dev.ctpat.rego.builtins.CryptoDer.Reader;
import dev.ctpat.rego.builtins.CryptoX509.Extension;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PKCS #10 certificate signing requests parsed as Go's {@code x509.ParseCertificateRequest}
 * parses them (with {@code encoding/asn1}, so names may hold non-string values and malformed
 * input yields {@code asn1:} errors), written as the JSON of Go's
 * {@code x509.CertificateRequest}.
 */
final class CryptoX509Requests {
  private static final int[] OID_EXTENSION_REQUEST = {1, 2, 840, 113549, 1, 9, 14};
  private static final int[] OID_SUBJECT_ALT_NAME = {2, 5, 29, 17};
  private static final String STRUCT = "certificateRequest";

  private CryptoX509Requests() {}

  /** The request's JSON, as OPA's {@code crypto.x509.parse_certificate_request} returns it. */
  static ObjectValue parse(byte[] der) throws BuiltinException {
    Element request;
    Element tbs;
    Reader tbsFields;
    Element algorithm;
    byte[] signature;
    try {
      Reader outer = new Reader(der);
      request = outer.read(CryptoDer.SEQUENCE);
      if (!outer.isEmpty()) {
        throw BuiltinException.error("asn1: syntax error: trailing data");
      }
      Reader fields = request.children();
      tbs = fields.read(CryptoDer.SEQUENCE);
      tbsFields = tbs.children();
      algorithm = fields.read(CryptoDer.SEQUENCE);
      signature = fields.readBitString();
    } catch (Malformed e) {
      throw BuiltinException.error(CryptoAsn1.structureError(der, STRUCT));
    }
    ObjectValue.Builder out = ObjectValue.builder()
        .put("Raw", CryptoKeys.base64(request.encoded()))
        .put("RawTBSCertificateRequest", CryptoKeys.base64(tbs.encoded()))
        .put("Signature", CryptoKeys.base64(signature))
        .put("SignatureAlgorithm", NumberValue.of(CryptoX509.signatureAlgorithm(algorithm)))
        .put("ExtraExtensions", NullValue.INSTANCE);
    readTbs(tbsFields, out);
    return out.build();
  }

  private static void readTbs(Reader tbs, ObjectValue.Builder out) throws BuiltinException {
    long version;
    Element subject;
    Element spki;
    Element attributes;
    try {
      version = tbs.readSmallInteger();
      subject = tbs.read();
      spki = tbs.read(CryptoDer.SEQUENCE);
      attributes = tbs.read(CryptoDer.contextConstructed(0));
    } catch (Malformed e) {
      throw BuiltinException.error("asn1: structure error: malformed tbsCertificateRequest");
    }
    CryptoX509.SubjectPublicKey key;
    try {
      key = CryptoX509.readSubjectPublicKey(spki.children());
    } catch (BuiltinException e) {
      throw BuiltinException.error("asn1: structure error: malformed publicKeyInfo");
    }
    List<Element> rawAttributes = elements(attributes);
    List<Extension> extensions = extensions(rawAttributes);
    CryptoX509Names.GeneralNames names = new CryptoX509Names.GeneralNames();
    for (Extension e : extensions == null ? List.<Extension>of() : extensions) {
      if (Arrays.equals(e.id(), OID_SUBJECT_ALT_NAME)) {
        names = CryptoX509Names.parseSubjectAltNames(e.value());
      }
    }
    out.put("RawSubjectPublicKeyInfo", CryptoKeys.base64(spki.encoded()))
        .put("RawSubject", CryptoKeys.base64(subject.encoded()))
        .put("Version", NumberValue.of(version))
        .put("PublicKeyAlgorithm", NumberValue.of(key.algorithm()))
        .put("PublicKey", CryptoKeys.publicKeyJson(key.key()))
        .put("Subject", CryptoX509Names.parseNameLoosely(subject.encoded()).json())
        .put("Attributes", CryptoX509.list(attributeSets(rawAttributes), v -> v))
        .put("Extensions", CryptoX509.list(extensions, Extension::json));
    names.addJson(out);
  }

  private static List<Element> elements(Element parent) throws BuiltinException {
    List<Element> out = new ArrayList<>();
    Reader r = parent.children();
    try {
      while (!r.isEmpty()) {
        out.add(r.read());
      }
    } catch (Malformed e) {
      throw BuiltinException.error("asn1: syntax error: data truncated");
    }
    return out;
  }

  /**
   * The deprecated {@code Attributes} field: each attribute that reads as a type and a set of
   * sequences of (type, value) pairs; others (such as a challenge password) are left out.
   */
  private static List<Value> attributeSets(List<Element> rawAttributes) {
    List<Value> out = null;
    for (Element raw : rawAttributes) {
      if (raw.tag() != CryptoDer.SEQUENCE) {
        continue;
      }
      try {
        Reader attribute = raw.children();
        int[] type = attribute.readObjectIdentifier();
        Reader set = attribute.enter(CryptoDer.SET);
        List<Value> values = new ArrayList<>();
        while (!set.isEmpty()) {
          values.add(typeAndValues(set.enter(CryptoDer.SEQUENCE)));
        }
        out = CryptoX509Names.add(out, ObjectValue.builder().put("Type", CryptoAsn1.oid(type))
            .put("Value", ArrayValue.of(values)).build());
      } catch (Malformed e) {
        // Go skips attributes of other shapes.
      }
    }
    return out;
  }

  /** A sequence of {@code {Type, Value}} pairs; extra elements in a pair are ignored, as in Go. */
  private static Value typeAndValues(Reader sequence) throws Malformed {
    List<Value> pairs = new ArrayList<>();
    while (!sequence.isEmpty()) {
      Reader pair = sequence.enter(CryptoDer.SEQUENCE);
      int[] type = pair.readObjectIdentifier();
      pairs.add(ObjectValue.builder().put("Type", CryptoAsn1.oid(type))
          .put("Value", CryptoAsn1.anyValue(pair.read())).build());
    }
    return ArrayValue.of(pairs);
  }

  /** The extensions of {@code extensionRequest} attributes; null when there are none. */
  private static List<Extension> extensions(List<Element> rawAttributes)
      throws BuiltinException {
    List<Extension> out = null;
    Set<String> seen = new HashSet<>();
    for (Element raw : rawAttributes) {
      Element first;
      try {
        if (raw.tag() != CryptoDer.SEQUENCE) {
          continue;
        }
        Reader attribute = raw.children();
        if (!Arrays.equals(attribute.readObjectIdentifier(), OID_EXTENSION_REQUEST)) {
          continue;
        }
        first = attribute.enter(CryptoDer.SET).read();
      } catch (Malformed e) {
        continue; // Go ignores attributes that do not parse
      }
      Reader list;
      try {
        if (first.tag() != CryptoDer.SEQUENCE) {
          throw new Malformed();
        }
        list = first.children();
      } catch (Malformed e) {
        throw BuiltinException.error(
            CryptoAsn1.structureError(first.encoded(), "[]pkix.Extension"));
      }
      while (!list.isEmpty()) {
        Extension ext = CryptoX509.readExtension(list);
        if (!seen.add(CryptoAsn1.oidText(ext.id()))) {
          throw CryptoX509.error("certificate request contains duplicate requested extensions");
        }
        out = CryptoX509Names.add(out, ext);
      }
    }
    return out;
  }
}
