package dev.ctpat.rego.builtins;

import java.util.Arrays;

/**
 * IP addresses and networks as Go's {@code net} package models them, which OPA's
 * {@code net.cidr_*} builtins expose: an address is 4 or 16 bytes, an IPv4 address may also
 * appear in IPv4-mapped IPv6 form ({@code ::ffff:a.b.c.d}) and then counts as IPv4, and parsing
 * is strict (no leading zeros in IPv4 octets, no zones).
 */
final class NetIp {
  static final int IPV4_LENGTH = 4;
  static final int IPV6_LENGTH = 16;
  private static final byte[] V4_IN_V6_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1};

  private NetIp() {}

  /**
   * Parses an address as Go's {@code netip.ParseAddr}, refusing zones.
   *
   * @return the 16-byte form (IPv4 addresses mapped into IPv6), or {@code null}
   */
  static byte[] parseIp(String s) {
    Parsed p = parseAddr(s);
    return p == null ? null : p.bytes();
  }

  /** An address in 16-byte form, and whether it was written as IPv4. */
  private record Parsed(byte[] bytes, boolean isIpv4) {}

  private static Parsed parseAddr(String s) {
    if (s.indexOf('%') >= 0) {
      return null; // A zone, or garbage; Go's callers here refuse both.
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '.') {
        byte[] v4 = new byte[IPV4_LENGTH];
        return parseIpv4Fields(s, v4, 0) ? new Parsed(toIpv6(v4), true) : null;
      }
      if (s.charAt(i) == ':') {
        byte[] v6 = parseIpv6(s);
        return v6 == null ? null : new Parsed(v6, false);
      }
    }
    return null;
  }

  /** Dotted decimal: four fields of 0 to 255 without leading zeros, written into {@code out}. */
  private static boolean parseIpv4Fields(String s, byte[] out, int offset) {
    int value = 0;
    int digits = 0;
    int field = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 1 && value == 0) {
          return false;
        }
        value = value * 10 + (c - '0');
        digits++;
        if (value > 255) {
          return false;
        }
      } else if (c == '.') {
        if (i == 0 || i == s.length() - 1 || s.charAt(i - 1) == '.' || field == 3) {
          return false;
        }
        out[offset + field++] = (byte) value;
        value = 0;
        digits = 0;
      } else {
        return false;
      }
    }
    if (field < 3) {
      return false;
    }
    out[offset + 3] = (byte) value;
    return true;
  }

  /** RFC 4291 text: up to eight hex fields, one "::", and an optional trailing IPv4 part. */
  private static byte[] parseIpv6(String in) {
    byte[] ip = new byte[IPV6_LENGTH];
    String s = in;
    int ellipsis = -1;
    if (s.startsWith("::")) {
      ellipsis = 0;
      s = s.substring(2);
      if (s.isEmpty()) {
        return ip;
      }
    }
    int i = 0;
    while (i < IPV6_LENGTH) {
      int off = 0;
      int acc = 0;
      while (off < s.length() && Character.digit(s.charAt(off), 16) >= 0
          && s.charAt(off) < 0x80) {
        if (off > 3) {
          return null;
        }
        acc = (acc << 4) + Character.digit(s.charAt(off), 16);
        off++;
      }
      if (off == 0) {
        return null;
      }
      if (off < s.length() && s.charAt(off) == '.') {
        if ((ellipsis < 0 && i != IPV6_LENGTH - IPV4_LENGTH) || i + IPV4_LENGTH > IPV6_LENGTH) {
          return null;
        }
        if (!parseIpv4Fields(s, ip, i)) {
          return null;
        }
        s = "";
        i += IPV4_LENGTH;
        break;
      }
      ip[i] = (byte) (acc >> 8);
      ip[i + 1] = (byte) acc;
      i += 2;
      s = s.substring(off);
      if (s.isEmpty()) {
        break;
      }
      if (s.charAt(0) != ':' || s.length() == 1) {
        return null;
      }
      s = s.substring(1);
      if (s.charAt(0) == ':') {
        if (ellipsis >= 0) {
          return null;
        }
        ellipsis = i;
        s = s.substring(1);
        if (s.isEmpty()) {
          break;
        }
      }
    }
    if (!s.isEmpty()) {
      return null;
    }
    if (i < IPV6_LENGTH) {
      if (ellipsis < 0) {
        return null;
      }
      int n = IPV6_LENGTH - i;
      System.arraycopy(ip, ellipsis, ip, ellipsis + n, i - ellipsis);
      Arrays.fill(ip, ellipsis, ellipsis + n, (byte) 0);
    } else if (ellipsis >= 0) {
      return null; // "::" must stand for at least one field of zeros.
    }
    return ip;
  }

  /** Go's {@code IP.To4}: the 4-byte form of an IPv4 address, or {@code null}. */
  static byte[] to4(byte[] ip) {
    if (ip.length == IPV4_LENGTH) {
      return ip;
    }
    if (ip.length == IPV6_LENGTH
        && Arrays.equals(ip, 0, V4_IN_V6_PREFIX.length, V4_IN_V6_PREFIX, 0, 12)) {
      return Arrays.copyOfRange(ip, 12, IPV6_LENGTH);
    }
    return null;
  }

  static byte[] toIpv6(byte[] v4) {
    byte[] ip = Arrays.copyOf(V4_IN_V6_PREFIX, IPV6_LENGTH);
    System.arraycopy(v4, 0, ip, 12, IPV4_LENGTH);
    return ip;
  }

  /** Go's {@code CIDRMask}: {@code ones} leading one bits of {@code bits}. */
  static byte[] cidrMask(int ones, int bits) {
    byte[] m = new byte[bits / 8];
    for (int i = 0; i < m.length; i++) {
      int n = Math.min(8, Math.max(0, ones - 8 * i));
      m[i] = (byte) (0xff00 >> n);
    }
    return m;
  }

  /** Go's {@code IP.Mask}, which lines up IPv4 addresses and masks of either length. */
  static byte[] mask(byte[] ip, byte[] mask) {
    if (mask.length == IPV6_LENGTH && ip.length == IPV4_LENGTH && allOnes(mask, 12)) {
      mask = Arrays.copyOfRange(mask, 12, IPV6_LENGTH);
    }
    if (mask.length == IPV4_LENGTH && ip.length == IPV6_LENGTH && to4(ip) != null) {
      ip = Arrays.copyOfRange(ip, 12, IPV6_LENGTH);
    }
    if (ip.length != mask.length) {
      return null;
    }
    byte[] out = new byte[ip.length];
    for (int i = 0; i < ip.length; i++) {
      out[i] = (byte) (ip[i] & mask[i]);
    }
    return out;
  }

  private static boolean allOnes(byte[] b, int length) {
    for (int i = 0; i < length; i++) {
      if (b[i] != -1) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code IP.String}: dotted decimal for IPv4, RFC 5952 text otherwise. */
  static String format(byte[] ip) {
    byte[] v4 = to4(ip);
    if (v4 != null) {
      return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
    }
    int[] fields = new int[8];
    for (int i = 0; i < 8; i++) {
      fields[i] = ((ip[2 * i] & 0xff) << 8) | (ip[2 * i + 1] & 0xff);
    }
    // The first longest run of at least two zero fields becomes "::".
    int zeroStart = -1;
    int zeroLength = 1;
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && fields[j] == 0) {
        j++;
      }
      if (j - i > zeroLength) {
        zeroStart = i;
        zeroLength = j - i;
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == zeroStart) {
        b.append("::");
        i += zeroLength - 1;
        continue;
      }
      if (i > 0 && b.charAt(b.length() - 1) != ':') {
        b.append(':');
      }
      b.append(Integer.toHexString(fields[i]));
    }
    return b.toString();
  }

  /**
   * A network as Go's {@code IPNet}: an address of 4 or 16 bytes and a mask of 4 or 16 bytes.
   * Networks from CIDR text have their address masked; others need not.
   */
  record Network(byte[] ip, byte[] mask) {

    /**
     * Parses CIDR text such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}.
     *
     * @throws BuiltinException with Go's message if the text is not CIDR notation
     */
    static Network parseCidr(String s) throws BuiltinException {
      Network n = tryParseCidr(s);
      if (n == null) {
        throw BuiltinException.error("invalid CIDR address: " + s);
      }
      return n;
    }

    /** Like {@link #parseCidr}, but {@code null} if the text is not CIDR notation. */
    static Network tryParseCidr(String s) {
      int slash = s.indexOf('/');
      Parsed addr = slash < 0 ? null : parseAddr(s.substring(0, slash));
      if (addr == null) {
        return null;
      }
      int bits = addr.isIpv4() ? 32 : 128;
      int ones = prefixLength(s.substring(slash + 1), bits);
      if (ones < 0) {
        return null;
      }
      byte[] m = cidrMask(ones, bits);
      return new Network(NetIp.mask(addr.bytes(), m), m);
    }

    /** Go's {@code dtoi}: ASCII digits only, leading zeros allowed; at most {@code bits}. */
    private static int prefixLength(String text, int bits) {
      if (text.isEmpty()) {
        return -1;
      }
      int n = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        n = n * 10 + (c - '0');
        if (n > bits) {
          return -1;
        }
      }
      return n;
    }

    /** Go's {@code IPNet.Contains}; an IPv4 address never matches an IPv6 network. */
    boolean contains(byte[] address) {
      byte[][] nm = networkNumberAndMask();
      if (nm == null) {
        return false;
      }
      byte[] x = to4(address);
      byte[] candidate = x != null ? x : address;
      if (candidate.length != nm[0].length) {
        return false;
      }
      for (int i = 0; i < candidate.length; i++) {
        if ((nm[0][i] & nm[1][i]) != (candidate[i] & nm[1][i])) {
          return false;
        }
      }
      return true;
    }

    /** The address and mask brought to one length, or {@code null} when they do not fit. */
    private byte[][] networkNumberAndMask() {
      byte[] n = to4(ip);
      if (n == null) {
        n = ip;
        if (n.length != IPV6_LENGTH) {
          return null;
        }
      }
      byte[] m = mask;
      if (m.length == IPV4_LENGTH && n.length != IPV4_LENGTH) {
        return null;
      }
      if (m.length == IPV6_LENGTH && n.length == IPV4_LENGTH) {
        m = Arrays.copyOfRange(m, 12, IPV6_LENGTH);
      }
      return new byte[][] {n, m};
    }

    /** The number of leading one bits of the mask. */
    int prefixLength() {
      int ones = 0;
      for (byte b : mask) {
        ones += Integer.bitCount(b & 0xff);
      }
      return ones;
    }

    /** The highest address in the network, in the length of the mask. */
    byte[] lastIp() {
      byte[] last = Arrays.copyOfRange(ip, ip.length - mask.length, ip.length);
      for (int i = 0; i < last.length; i++) {
        last[i] |= (byte) ~mask[i];
      }
      return last;
    }

    /** Go's {@code IPNet.String}: the address (unmasked) and the prefix length. */
    @Override
    public String toString() {
      byte[][] nm = networkNumberAndMask();
      int ones = 0;
      for (byte b : nm[1]) {
        ones += Integer.bitCount(b & 0xff);
      }
      return format(nm[0]) + "/" + ones;
    }
  }
}
