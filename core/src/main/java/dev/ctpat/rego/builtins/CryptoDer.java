package dev.ctpat.rego.builtins;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A strict reader of DER (the ASN.1 encoding of certificates and keys), with the checks of Go's
 * {@code cryptobyte} package that OPA's X.509 parsing relies on: definite minimal lengths,
 * minimal integers, well-formed booleans, bit strings and object identifiers. Malformed input is
 * reported as {@link Malformed}, without a message: callers know which structure they were
 * reading and name it as Go does.
 */
final class CryptoDer {
  static final int BOOLEAN = 0x01;
  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OBJECT_IDENTIFIER = 0x06;
  static final int UTF8_STRING = 0x0c;
  static final int NUMERIC_STRING = 0x12;
  static final int PRINTABLE_STRING = 0x13;
  static final int T61_STRING = 0x14;
  static final int IA5_STRING = 0x16;
  static final int UTC_TIME = 0x17;
  static final int GENERALIZED_TIME = 0x18;
  static final int BMP_STRING = 0x1e;
  static final int SEQUENCE = 0x30;
  static final int SET = 0x31;

  private static final int CONSTRUCTED = 0x20;
  private static final int CONTEXT_SPECIFIC = 0x80;

  private CryptoDer() {}

  /** The tag of context-specific primitive element {@code [n]}. */
  static int context(int n) {
    return CONTEXT_SPECIFIC | n;
  }

  /** The tag of context-specific constructed element {@code [n]}. */
  static int contextConstructed(int n) {
    return CONTEXT_SPECIFIC | CONSTRUCTED | n;
  }

  /** Input that is not the DER expected at that point. */
  static final class Malformed extends Exception {
    Malformed() {
      super(null, null, false, false);
    }
  }

  /** One element: its tag, and where its encoding and its content lie in the source bytes. */
  record Element(int tag, byte[] source, int start, int contentStart, int end) {
    /** The content octets. */
    byte[] content() {
      return Arrays.copyOfRange(source, contentStart, end);
    }

    /** The whole encoding: tag, length and content. */
    byte[] encoded() {
      return Arrays.copyOfRange(source, start, end);
    }

    /** A reader of the elements inside this one. */
    Reader children() {
      return new Reader(source, contentStart, end);
    }

    boolean isConstructed() {
      return (tag & CONSTRUCTED) != 0;
    }

    boolean isUniversal() {
      return (tag & 0xc0) == 0;
    }
  }

  /** Reads elements one after another from a range of bytes. */
  static final class Reader {
    private final byte[] data;
    private final int end;
    private int pos;

    Reader(byte[] data) {
      this(data, 0, data.length);
    }

    private Reader(byte[] data, int start, int end) {
      this.data = data;
      this.pos = start;
      this.end = end;
    }

    boolean isEmpty() {
      return pos >= end;
    }

    /** How far into the source bytes reading has come. */
    int position() {
      return pos;
    }

    /** True when the next element has {@code tag}. */
    boolean peek(int tag) {
      return pos < end && (data[pos] & 0xff) == tag;
    }

    /** The next element, whatever its tag. */
    Element read() throws Malformed {
      if (pos >= end) {
        throw new Malformed();
      }
      int start = pos;
      int tag = data[pos++] & 0xff;
      if ((tag & 0x1f) == 0x1f) {
        throw new Malformed(); // high tag numbers appear nowhere in what we read
      }
      int length = readLength();
      if (length > end - pos) {
        throw new Malformed();
      }
      Element e = new Element(tag, data, start, pos, pos + length);
      pos += length;
      return e;
    }

    private int readLength() throws Malformed {
      if (pos >= end) {
        throw new Malformed();
      }
      int first = data[pos++] & 0xff;
      if (first < 0x80) {
        return first;
      }
      int octets = first & 0x7f;
      if (octets == 0 || octets > 4 || octets > end - pos) {
        throw new Malformed(); // indefinite or absurd lengths
      }
      long length = 0;
      for (int i = 0; i < octets; i++) {
        length = length << 8 | (data[pos++] & 0xff);
      }
      // DER wants the shortest form: no leading zero octet, no long form under 128.
      if (length < 0x80 || length >> (8 * (octets - 1)) == 0 || length > Integer.MAX_VALUE) {
        throw new Malformed();
      }
      return (int) length;
    }

    /** The next element, which must have {@code tag}. */
    Element read(int tag) throws Malformed {
      Element e = read();
      if (e.tag() != tag) {
        throw new Malformed();
      }
      return e;
    }

    /** The next element if it has {@code tag}, else null (and nothing is consumed). */
    Element readOptional(int tag) throws Malformed {
      return peek(tag) ? read() : null;
    }

    /** The content reader of the next element, which must have {@code tag}. */
    Reader enter(int tag) throws Malformed {
      return read(tag).children();
    }

    BigInteger readInteger() throws Malformed {
      return integer(read(INTEGER).content());
    }

    /** An INTEGER that must fit Go's {@code int}. */
    long readSmallInteger() throws Malformed {
      BigInteger v = readInteger();
      if (v.bitLength() > 63) {
        throw new Malformed();
      }
      return v.longValue();
    }

    boolean readBoolean() throws Malformed {
      byte[] c = read(BOOLEAN).content();
      if (c.length != 1 || (c[0] != 0 && c[0] != (byte) 0xff)) {
        throw new Malformed();
      }
      return c[0] != 0;
    }

    int[] readObjectIdentifier() throws Malformed {
      return objectIdentifier(read(OBJECT_IDENTIFIER).content());
    }

    byte[] readBitString() throws Malformed {
      return bitString(read(BIT_STRING).content());
    }

    /** The element must be the last one of its parent. */
    void expectEnd() throws Malformed {
      if (!isEmpty()) {
        throw new Malformed();
      }
    }
  }

  /** An INTEGER's content, rejecting the non-minimal encodings DER forbids. */
  static BigInteger integer(byte[] c) throws Malformed {
    if (c.length == 0
        || c.length > 1 && (c[0] == 0 && (c[1] & 0x80) == 0
            || c[0] == (byte) 0xff && (c[1] & 0x80) != 0)) {
      throw new Malformed();
    }
    return new BigInteger(c);
  }

  /**
   * An OBJECT IDENTIFIER's arcs. Like Go's {@code asn1.ObjectIdentifier}, arcs must fit 31 bits;
   * {@link #objectIdentifierText} reads any arc size.
   */
  static int[] objectIdentifier(byte[] c) throws Malformed {
    BigInteger[] arcs = arcs(c);
    int[] out = new int[arcs.length];
    for (int i = 0; i < arcs.length; i++) {
      if (arcs[i].bitLength() > 31) {
        throw new Malformed();
      }
      out[i] = arcs[i].intValue();
    }
    return out;
  }

  /** An OBJECT IDENTIFIER in dotted form, e.g. {@code 2.5.29.32.0}. */
  static String objectIdentifierText(byte[] c) throws Malformed {
    StringBuilder sb = new StringBuilder();
    for (BigInteger arc : arcs(c)) {
      sb.append(sb.length() == 0 ? "" : ".").append(arc);
    }
    return sb.toString();
  }

  private static BigInteger[] arcs(byte[] c) throws Malformed {
    if (c.length == 0 || (c[c.length - 1] & 0x80) != 0) {
      throw new Malformed();
    }
    java.util.List<BigInteger> values = new java.util.ArrayList<>();
    BigInteger v = BigInteger.ZERO;
    boolean first = true;
    for (byte b : c) {
      if (first && (b & 0xff) == 0x80) {
        throw new Malformed(); // a leading 0x80 is a non-minimal encoding
      }
      v = v.shiftLeft(7).or(BigInteger.valueOf(b & 0x7f));
      first = (b & 0x80) == 0;
      if (first) {
        values.add(v);
        v = BigInteger.ZERO;
      }
    }
    BigInteger head = values.get(0);
    BigInteger[] out = new BigInteger[values.size() + 1];
    BigInteger forty = BigInteger.valueOf(40);
    if (head.compareTo(BigInteger.valueOf(80)) < 0) {
      out[0] = head.divide(forty);
      out[1] = head.mod(forty);
    } else {
      out[0] = BigInteger.TWO;
      out[1] = head.subtract(BigInteger.valueOf(80));
    }
    for (int i = 1; i < values.size(); i++) {
      out[i + 1] = values.get(i);
    }
    return out;
  }

  /** A BIT STRING's bits, right-aligned into bytes as Go's {@code BitString.RightAlign} does. */
  static byte[] bitString(byte[] c) throws Malformed {
    if (c.length == 0) {
      throw new Malformed();
    }
    int padding = c[0] & 0xff;
    if (padding > 7 || c.length == 1 && padding > 0
        || (c[c.length - 1] & ((1 << padding) - 1)) != 0) {
      throw new Malformed();
    }
    byte[] bits = Arrays.copyOfRange(c, 1, c.length);
    if (padding == 0) {
      return bits;
    }
    byte[] out = new byte[bits.length];
    for (int i = 0; i < bits.length; i++) {
      int hi = i == 0 ? 0 : (bits[i - 1] & 0xff) << (8 - padding);
      out[i] = (byte) (hi | (bits[i] & 0xff) >>> padding);
    }
    return out;
  }

  /** A BIT STRING as Go's {@code asn1.BitString}: its bytes as encoded, and its bit count. */
  record Bits(byte[] bytes, int length) {
    /** Bit {@code i}, counting from the most significant bit of the first byte. */
    int at(int i) {
      if (i < 0 || i >= length) {
        return 0;
      }
      return (bytes[i / 8] >> (7 - i % 8)) & 1;
    }
  }

  /** The bits of a BIT STRING's content, checked as {@link #bitString} checks them. */
  static Bits bits(byte[] c) throws Malformed {
    bitString(c);
    return new Bits(Arrays.copyOfRange(c, 1, c.length), (c.length - 1) * 8 - (c[0] & 0xff));
  }

  /**
   * A UTCTime or GeneralizedTime as Go's {@code cryptobyte} accepts it: {@code YYMMDDhhmm[ss]}
   * (two-digit years before 50 are 20xx) or {@code YYYYMMDDhhmmss}, then {@code Z} or an offset.
   */
  static OffsetDateTime time(Element e) throws Malformed {
    String s = new String(e.content(), java.nio.charset.StandardCharsets.ISO_8859_1);
    try {
      if (e.tag() == UTC_TIME) {
        return utcTime(s);
      }
      if (e.tag() == GENERALIZED_TIME && s.length() >= 15) {
        return dateTime(Integer.parseInt(digits(s, 0, 4)), s.substring(4, 14), s.substring(14));
      }
    } catch (NumberFormatException | DateTimeException ex) {
      throw new Malformed();
    }
    throw new Malformed();
  }

  private static OffsetDateTime utcTime(String s) throws Malformed {
    boolean seconds = s.length() >= 13 && Character.isDigit(s.charAt(10));
    int fieldsEnd = seconds ? 12 : 10;
    if (s.length() <= fieldsEnd) {
      throw new Malformed();
    }
    int yy = Integer.parseInt(digits(s, 0, 2));
    String rest = s.substring(2, fieldsEnd) + (seconds ? "" : "00");
    return dateTime(yy < 50 ? 2000 + yy : 1900 + yy, rest, s.substring(fieldsEnd));
  }

  /** {@code mmddhhmmss} in {@code year} with zone {@code Z}, {@code +hhmm} or {@code -hhmm}. */
  private static OffsetDateTime dateTime(int year, String fields, String zone) throws Malformed {
    LocalDateTime local = LocalDateTime.of(year,
        Integer.parseInt(digits(fields, 0, 2)), Integer.parseInt(digits(fields, 2, 4)),
        Integer.parseInt(digits(fields, 4, 6)), Integer.parseInt(digits(fields, 6, 8)),
        Integer.parseInt(digits(fields, 8, 10)));
    ZoneOffset offset;
    if (zone.equals("Z")) {
      offset = ZoneOffset.UTC;
    } else if (zone.length() == 5 && (zone.charAt(0) == '+' || zone.charAt(0) == '-')) {
      int minutes =
          Integer.parseInt(digits(zone, 1, 3)) * 60 + Integer.parseInt(digits(zone, 3, 5));
      offset = ZoneOffset.ofTotalSeconds((zone.charAt(0) == '-' ? -60 : 60) * minutes);
    } else {
      throw new Malformed();
    }
    return OffsetDateTime.of(local, offset);
  }

  private static String digits(String s, int from, int to) throws Malformed {
    for (int i = from; i < to; i++) {
      if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '9') {
        throw new Malformed();
      }
    }
    return s.substring(from, to);
  }
}
