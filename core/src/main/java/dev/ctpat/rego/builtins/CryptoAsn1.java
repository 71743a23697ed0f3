package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.CryptoDer.Element;
import dev.ctpat.rego.builtins.CryptoDer.Malformed;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where OPA's output goes through Go's {@code encoding/asn1} and {@code encoding/json}: the
 * values an {@code any} field decodes to, how Go writes object identifiers and times, and the
 * {@code asn1:} error messages of a structure that does not start as expected.
 */
final class CryptoAsn1 {
  private static final String FIELD_PARAMETERS = "{optional:false explicit:false "
      + "application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 "
      + "set:false omitEmpty:false}";

  private CryptoAsn1() {}

  /** An object identifier as Go's JSON writes an {@code asn1.ObjectIdentifier}. */
  static ArrayValue oid(int[] arcs) {
    List<Value> out = new ArrayList<>(arcs.length);
    for (int arc : arcs) {
      out.add(NumberValue.of(arc));
    }
    return ArrayValue.of(out);
  }

  /** Dotted notation, e.g. {@code 1.2.840.113549.1.1.1}. */
  static String oidText(int[] arcs) {
    StringBuilder sb = new StringBuilder();
    for (int arc : arcs) {
      sb.append(sb.length() == 0 ? "" : ".").append(arc);
    }
    return sb.toString();
  }

  /** A time as Go's JSON writes a {@code time.Time}: RFC 3339 with only significant nanos. */
  static StringValue time(OffsetDateTime t) {
    return StringValue.of(t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  /**
   * The value {@code encoding/asn1} decodes an element into an {@code any} field: strings,
   * integers, bit strings, object identifiers, times and octet strings; null for other types.
   */
  static Value anyValue(Element e) {
    if (!e.isUniversal() || e.isConstructed()) {
      return NullValue.INSTANCE;
    }
    byte[] c = e.content();
    try {
      return switch (e.tag()) {
        case CryptoDer.PRINTABLE_STRING, CryptoDer.NUMERIC_STRING, CryptoDer.IA5_STRING,
            CryptoDer.T61_STRING -> StringValue.of(new String(c, StandardCharsets.ISO_8859_1));
        case CryptoDer.UTF8_STRING -> StringValue.of(new String(c, StandardCharsets.UTF_8));
        case CryptoDer.BMP_STRING -> StringValue.of(bmpString(c));
        case CryptoDer.INTEGER -> NumberValue.of(CryptoDer.integer(c));
        case CryptoDer.BIT_STRING -> {
          CryptoDer.Bits bits = CryptoDer.bits(c);
          yield ObjectValue.builder().put("Bytes", CryptoKeys.base64(bits.bytes()))
              .put("BitLength", NumberValue.of(bits.length())).build();
        }
        case CryptoDer.OBJECT_IDENTIFIER -> oid(CryptoDer.objectIdentifier(c));
        case CryptoDer.UTC_TIME, CryptoDer.GENERALIZED_TIME -> time(CryptoDer.time(e));
        case CryptoDer.OCTET_STRING -> CryptoKeys.base64(c);
        default -> NullValue.INSTANCE;
      };
    } catch (Malformed ex) {
      return NullValue.INSTANCE;
    }
  }

  /** A BMPString (UTF-16 big-endian), without its optional terminating NUL, as Go reads it. */
  static String bmpString(byte[] c) {
    int len = c.length;
    if (len >= 2 && c[len - 1] == 0 && c[len - 2] == 0) {
      len -= 2;
    }
    return StandardCharsets.UTF_16BE.decode(ByteBuffer.wrap(c, 0, len & ~1)).toString();
  }

  /**
   * Go's {@code asn1.Unmarshal} message for DER that is not the SEQUENCE a structure named
   * {@code struct} starts with (or is malformed inside it).
   */
  static String structureError(byte[] der, String struct) {
    if (der.length == 0) {
      return "asn1: syntax error: sequence truncated";
    }
    int b = der[0] & 0xff;
    int offset = 1;
    if (offset >= der.length) {
      return "asn1: syntax error: truncated tag or length";
    }
    long length;
    int first = der[offset++] & 0xff;
    if (first < 0x80) {
      length = first;
    } else {
      int octets = first & 0x7f;
      if (octets == 0) {
        return "asn1: syntax error: indefinite length found (not DER)";
      }
      length = 0;
      for (int i = 0; i < octets; i++) {
        if (offset >= der.length) {
          return "asn1: syntax error: truncated tag or length";
        }
        if (length >= 1 << 23) {
          return "asn1: structure error: length too large";
        }
        length = length << 8 | (der[offset++] & 0xff);
        if (length == 0) {
          return "asn1: structure error: superfluous leading zeros in length";
        }
      }
      if (length < 0x80) {
        return "asn1: structure error: non-minimal length";
      }
    }
    if (b != CryptoDer.SEQUENCE) {
      return String.format("asn1: structure error: tags don't match (16 vs {class:%d tag:%d "
              + "length:%d isCompound:%b}) %s %s @%d",
          b >> 6, b & 0x1f, length, (b & 0x20) != 0, FIELD_PARAMETERS, struct, offset);
    }
    if (length > der.length - offset) {
      return "asn1: syntax error: data truncated";
    }
    return "asn1: structure error: malformed " + struct;
  }
}
