package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.CryptoDer.Element;
import dev.ctpat.rego.builtins.CryptoDer.Malformed;
import dev.ctpat.rego.builtins.CryptoDer.Reader;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The names in certificates, as Go parses and writes them: distinguished names
 * ({@code pkix.Name}), the general names of subject alternative names, and the name
 * constraints of CA certificates.
 */
final class CryptoX509Names {
  private static final int TAG_EMAIL = CryptoDer.context(1);
  private static final int TAG_DNS = CryptoDer.context(2);
  private static final int TAG_URI = CryptoDer.context(6);
  private static final int TAG_IP = CryptoDer.context(7);

  private CryptoX509Names() {}

  /** One attribute of a distinguished name: its type and (usually string) value. */
  record Attribute(int[] type, Value value) {}

  /**
   * A distinguished name: its attributes in order, and the well-known ones picked out as Go's
   * {@code Name.FillFromRDNSequence} does (last common name wins, others accumulate).
   */
  static final class Name {
    final List<Attribute> attributes = new ArrayList<>();

    /** The string values of attribute {@code 2.5.4.<type>} in order, or null when none. */
    List<String> values(int type) {
      List<String> out = null;
      for (Attribute a : attributes) {
        if (isNameAttribute(a, type)) {
          if (out == null) {
            out = new ArrayList<>();
          }
          out.add(((StringValue) a.value()).value());
        }
      }
      return out;
    }

    String last(int type) {
      List<String> all = values(type);
      return all == null ? "" : all.get(all.size() - 1);
    }

    private static boolean isNameAttribute(Attribute a, int type) {
      int[] t = a.type();
      return t.length == 4 && t[0] == 2 && t[1] == 5 && t[2] == 4 && t[3] == type
          && a.value() instanceof StringValue;
    }

    ObjectValue json() {
      return ObjectValue.builder()
          .put("Country", CryptoX509.strings(values(6)))
          .put("Organization", CryptoX509.strings(values(10)))
          .put("OrganizationalUnit", CryptoX509.strings(values(11)))
          .put("Locality", CryptoX509.strings(values(7)))
          .put("Province", CryptoX509.strings(values(8)))
          .put("StreetAddress", CryptoX509.strings(values(9)))
          .put("PostalCode", CryptoX509.strings(values(17)))
          .put("SerialNumber", StringValue.of(last(5)))
          .put("CommonName", StringValue.of(last(3)))
          .put("Names", CryptoX509.list(attributes.isEmpty() ? null : attributes,
              a -> ObjectValue.builder().put("Type", CryptoAsn1.oid(a.type()))
                  .put("Value", a.value()).build()))
          .put("ExtraNames", NullValue.INSTANCE)
          .build();
    }
  }

  /**
   * A certificate's distinguished name, read as Go's {@code x509} parser reads it: every value
   * must be one of the string types Go knows, and valid for its type.
   */
  static Name parseName(byte[] der) throws BuiltinException {
    return parseName(der, true);
  }

  /**
   * A distinguished name read as {@code encoding/asn1} reads one into an RDN sequence (as for
   * certificate requests): values of other types become what Go decodes them to.
   */
  static Name parseNameLoosely(byte[] der) throws BuiltinException {
    return parseName(der, false);
  }

  private static Name parseName(byte[] der, boolean strict) throws BuiltinException {
    Name name = new Name();
    try {
      Reader rdns = new Reader(der).enter(CryptoDer.SEQUENCE);
      while (!rdns.isEmpty()) {
        Reader set = rdns.enter(CryptoDer.SET);
        while (!set.isEmpty()) {
          name.attributes.add(attribute(set, strict));
        }
      }
    } catch (Malformed e) {
      throw CryptoX509.error("invalid RDNSequence");
    }
    return name;
  }

  private static Attribute attribute(Reader set, boolean strict)
      throws Malformed, BuiltinException {
    Reader atv;
    try {
      atv = set.enter(CryptoDer.SEQUENCE);
    } catch (Malformed e) {
      throw CryptoX509.error("invalid RDNSequence: invalid attribute");
    }
    int[] type;
    try {
      type = atv.readObjectIdentifier();
    } catch (Malformed e) {
      throw CryptoX509.error("invalid RDNSequence: invalid attribute type");
    }
    Element value;
    try {
      value = atv.read();
    } catch (Malformed e) {
      throw CryptoX509.error("invalid RDNSequence: invalid attribute value");
    }
    if (!strict) {
      return new Attribute(type, CryptoAsn1.anyValue(value));
    }
    try {
      return new Attribute(type, StringValue.of(asn1String(value)));
    } catch (IllegalArgumentException e) {
      throw CryptoX509.error("invalid RDNSequence: invalid attribute value: " + e.getMessage());
    }
  }

  /** Go's {@code parseASN1String}: the string types a certificate name may use, checked. */
  private static String asn1String(Element e) {
    byte[] c = e.content();
    switch (e.tag()) {
      case CryptoDer.T61_STRING:
        return new String(c, StandardCharsets.ISO_8859_1);
      case CryptoDer.PRINTABLE_STRING:
        for (byte b : c) {
          if (!isPrintable(b)) {
            throw new IllegalArgumentException("invalid PrintableString");
          }
        }
        return CryptoX509.ascii(c);
      case CryptoDer.UTF8_STRING:
        try {
          return StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(c)).toString();
        } catch (CharacterCodingException ex) {
          throw new IllegalArgumentException("invalid UTF-8 string");
        }
      case CryptoDer.BMP_STRING:
        if (c.length % 2 != 0) {
          throw new IllegalArgumentException("invalid BMPString");
        }
        return CryptoAsn1.bmpString(c);
      case CryptoDer.IA5_STRING:
        if (!isIa5(c)) {
          throw new IllegalArgumentException("invalid IA5String");
        }
        return CryptoX509.ascii(c);
      case CryptoDer.NUMERIC_STRING:
        for (byte b : c) {
          if (!(b >= '0' && b <= '9' || b == ' ')) {
            throw new IllegalArgumentException("invalid NumericString");
          }
        }
        return CryptoX509.ascii(c);
      default:
        throw new IllegalArgumentException("unsupported string type: " + e.tag());
    }
  }

  /** The ASN.1 PrintableString set, plus {@code *} and {@code &}, which Go tolerates. */
  private static boolean isPrintable(byte b) {
    return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
        || b >= '\'' && b <= ')' || b >= '+' && b <= '/'
        || b == ' ' || b == ':' || b == '=' || b == '?' || b == '*' || b == '&';
  }

  static boolean isIa5(byte[] c) {
    for (byte b : c) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** The names of a subject alternative name extension. */
  static final class GeneralNames {
    List<String> dnsNames;
    List<String> emailAddresses;
    List<byte[]> ipAddresses;
    List<String> uris;

    boolean isEmpty() {
      return dnsNames == null && emailAddresses == null && ipAddresses == null && uris == null;
    }

    void addJson(ObjectValue.Builder b) {
      b.put("DNSNames", CryptoX509.strings(dnsNames))
          .put("EmailAddresses", CryptoX509.strings(emailAddresses))
          .put("IPAddresses",
              CryptoX509.list(ipAddresses, ip -> StringValue.of(CryptoGoNet.ip(ip))))
          .put("URIs", CryptoX509.list(uris, CryptoX509Names::urlJson));
    }
  }

  /** A URI as Go's JSON writes the {@code url.URL} it parsed (checked when the URI was read). */
  private static Value urlJson(String uri) {
    try {
      return CryptoGoNet.url(uri);
    } catch (CryptoGoNet.BadUrl e) {
      throw new IllegalStateException("URI was validated when parsed", e);
    }
  }

  /** Go's {@code parseSANExtension}. */
  static GeneralNames parseSubjectAltNames(byte[] value) throws BuiltinException {
    GeneralNames out = new GeneralNames();
    Reader names;
    try {
      names = new Reader(value).enter(CryptoDer.SEQUENCE);
    } catch (Malformed e) {
      throw CryptoX509.error("invalid subject alternative names");
    }
    while (!names.isEmpty()) {
      Element name;
      try {
        name = names.read();
      } catch (Malformed e) {
        throw CryptoX509.error("invalid subject alternative name");
      }
      byte[] data = name.content();
      int tag = name.tag();
      if (tag == TAG_EMAIL) {
        out.emailAddresses = add(out.emailAddresses, ia5(data, "SAN rfc822Name is malformed"));
      } else if (tag == TAG_DNS) {
        out.dnsNames = add(out.dnsNames, ia5(data, "SAN dNSName is malformed"));
      } else if (tag == TAG_URI) {
        out.uris = add(out.uris, uri(ia5(data, "SAN uniformResourceIdentifier is malformed")));
      } else if (tag == TAG_IP) {
        if (data.length != 4 && data.length != 16) {
          throw CryptoX509.error("cannot parse IP address of length " + data.length);
        }
        out.ipAddresses = add(out.ipAddresses, data);
      }
    }
    return out;
  }

  private static String uri(String s) throws BuiltinException {
    try {
      String host = CryptoGoNet.url(s).get("Host") instanceof StringValue h ? h.value() : "";
      if (!host.isEmpty() && reverseLabels(host) == null) {
        throw CryptoX509.error("cannot parse URI \"" + s + "\": invalid domain");
      }
      return s;
    } catch (CryptoGoNet.BadUrl e) {
      throw CryptoX509.error("cannot parse URI \"" + s + "\": " + e.getMessage());
    }
  }

  private static String ia5(byte[] data, String error) throws BuiltinException {
    if (!isIa5(data)) {
      throw CryptoX509.error(error);
    }
    return CryptoX509.ascii(data);
  }

  static <T> List<T> add(List<T> list, T item) {
    List<T> out = list == null ? new ArrayList<>() : list;
    out.add(item);
    return out;
  }

  /**
   * Go's {@code domainToReverseLabels}: the labels of a domain from last to first, or null when
   * it is not a valid domain (an empty label, or a character outside {@code !} to {@code ~}).
   */
  static List<String> reverseLabels(String domain) {
    List<String> labels = new ArrayList<>();
    String rest = domain;
    while (!rest.isEmpty()) {
      int dot = rest.lastIndexOf('.');
      labels.add(rest.substring(dot + 1));
      rest = dot < 0 ? "" : rest.substring(0, dot);
      if (dot == 0) {
        labels.add("");
      }
    }
    for (String label : labels) {
      if (label.isEmpty()) {
        return null;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (c < 33 || c > 126) {
          return null;
        }
      }
    }
    return labels;
  }

  /** One side (permitted or excluded) of a name constraints extension. */
  static final class Constraints {
    List<String> dnsDomains;
    List<byte[][]> ipRanges;
    List<String> emailAddresses;
    List<String> uriDomains;

    boolean isEmpty() {
      return dnsDomains == null && ipRanges == null && emailAddresses == null
          && uriDomains == null;
    }

    void addJson(ObjectValue.Builder b, String side) {
      b.put(side + "DNSDomains", CryptoX509.strings(dnsDomains))
          .put(side + "IPRanges", CryptoX509.list(ipRanges, r -> ObjectValue.builder()
              .put("IP", StringValue.of(CryptoGoNet.ip(r[0])))
              .put("Mask", CryptoKeys.base64(r[1])).build()))
          .put(side + "EmailAddresses", CryptoX509.strings(emailAddresses))
          .put(side + "URIDomains", CryptoX509.strings(uriDomains));
    }
  }
}
