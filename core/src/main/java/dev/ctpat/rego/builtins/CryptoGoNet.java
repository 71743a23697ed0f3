package dev.ctpat.rego.builtins;

import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How Go writes the network values found in certificates: IP addresses as {@code net.IP}
 * prints them, and URIs as the JSON of Go's {@code url.URL} struct after {@code url.Parse}.
 */
final class CryptoGoNet {
  private static final String UPPER_HEX = "0123456789ABCDEF";

  private CryptoGoNet() {}

  /**
   * A 4- or 16-byte address as Go's {@code net.IP.String}: dotted for IPv4 and IPv4-mapped
   * IPv6, otherwise lowercase hex groups with the longest run of two or more zero groups as
   * {@code ::}.
   */
  static String ip(byte[] ip) {
    if (ip.length == 4) {
      return dotted(ip, 0);
    }
    if (ip.length != 16) {
      return "?" + java.util.HexFormat.of().formatHex(ip);
    }
    if (isV4Mapped(ip)) {
      return dotted(ip, 12);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (ip[2 * i] & 0xff) << 8 | (ip[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(groups[i]));
    }
    return sb.toString();
  }

  private static boolean isV4Mapped(byte[] ip) {
    for (int i = 0; i < 10; i++) {
      if (ip[i] != 0) {
        return false;
      }
    }
    return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
  }

  private static String dotted(byte[] ip, int from) {
    return (ip[from] & 0xff) + "." + (ip[from + 1] & 0xff) + "." + (ip[from + 2] & 0xff) + "."
        + (ip[from + 3] & 0xff);
  }

  /**
   * Go's {@code net.ParseIP}: dotted IPv4 (4 bytes; no leading zeros) or IPv6 text (16 bytes,
   * possibly ending in dotted IPv4); null for anything else.
   */
  static byte[] parseIp(String s) {
    return s.indexOf(':') >= 0 ? parseIpv6(s) : parseIpv4(s, 0);
  }

  private static byte[] parseIpv4(String s, int from) {
    String[] parts = s.substring(from).split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0'
          || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static byte[] parseIpv6(String s) {
    byte[] out = new byte[16];
    int gap = -1;
    int n = 0;
    int i = 0;
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
    }
    while (i < s.length()) {
      if (n == 16) {
        return null;
      }
      int end = i;
      while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0 && end - i < 5) {
        end++;
      }
      if (end < s.length() && s.charAt(end) == '.') {
        byte[] v4 = gap < 0 && n != 12 || n > 12 ? null : parseIpv4(s, i);
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, out, n, 4);
        n += 4;
        i = s.length();
        break;
      }
      if (end == i || end - i > 4) {
        return null;
      }
      int group = Integer.parseInt(s.substring(i, end), 16);
      out[n++] = (byte) (group >> 8);
      out[n++] = (byte) group;
      i = end;
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != ':' || i + 1 == s.length()) {
        return null;
      }
      i++;
      if (s.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = n;
        i++;
      }
    }
    if (gap >= 0) {
      if (n == 16) {
        return null;
      }
      int shift = 16 - n;
      System.arraycopy(out, gap, out, gap + shift, n - gap);
      java.util.Arrays.fill(out, gap, gap + shift, (byte) 0);
    } else if (n != 16) {
      return null;
    }
    return out;
  }

  /** A URI that Go's {@code url.Parse} rejects. */
  static final class BadUrl extends Exception {
    BadUrl(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The JSON of the {@code url.URL} Go parses from {@code raw}: scheme, opaque part, user (an
   * object without fields when present), host, decoded path and fragment with their raw forms
   * when these differ from Go's re-encoding, and the raw query.
   */
  static ObjectValue url(String raw) throws BadUrl {
    try {
      return parseUrl(raw);
    } catch (BadUrl e) {
      throw new BadUrl("parse " + Json.quote(raw) + ": " + e.getMessage());
    }
  }

  private static ObjectValue parseUrl(String raw) throws BadUrl {
    String rest = raw;
    String fragment = "";
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = rest.substring(hash + 1);
      rest = rest.substring(0, hash);
    }
    String scheme = scheme(rest);
    rest = rest.substring(scheme.isEmpty() ? 0 : scheme.length() + 1);
    boolean forceQuery = false;
    String query = "";
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      forceQuery = true;
      rest = rest.substring(0, rest.length() - 1);
    } else if (rest.indexOf('?') >= 0) {
      query = rest.substring(rest.indexOf('?') + 1);
      rest = rest.substring(0, rest.indexOf('?'));
    }
    ObjectValue.Builder u = ObjectValue.builder()
        .put("Scheme", StringValue.of(scheme.toLowerCase(java.util.Locale.ROOT)))
        .put("ForceQuery", BooleanValue.of(forceQuery))
        .put("RawQuery", StringValue.of(query));
    String opaque = "";
    String host = "";
    boolean user = false;
    boolean omitHost = false;
    String path = "";
    if (!rest.startsWith("/") && !scheme.isEmpty()) {
      opaque = rest;
    } else {
      if (!scheme.isEmpty() && rest.startsWith("/") && !rest.startsWith("//")) {
        omitHost = true;
      } else if (rest.startsWith("//") && (!scheme.isEmpty() || !rest.startsWith("///"))) {
        String authority = rest.substring(2);
        int slash = authority.indexOf('/');
        rest = slash >= 0 ? authority.substring(slash) : "";
        authority = slash >= 0 ? authority.substring(0, slash) : authority;
        int at = authority.lastIndexOf('@');
        user = at >= 0;
        host = unescape(authority.substring(at + 1), false);
      } else if (scheme.isEmpty() && firstSegmentHasColon(rest)) {
        throw new BadUrl("first path segment in URL cannot contain colon");
      }
      path = rest;
    }
    String decodedPath = unescape(path, false);
    String decodedFragment = unescape(fragment, false);
    return u.put("Opaque", StringValue.of(opaque))
        .put("User", user ? ObjectValue.EMPTY : NullValue.INSTANCE)
        .put("Host", StringValue.of(host))
        .put("Path", StringValue.of(decodedPath))
        .put("RawPath", StringValue.of(escape(decodedPath, false).equals(path) ? "" : path))
        .put("OmitHost", BooleanValue.of(omitHost))
        .put("Fragment", StringValue.of(decodedFragment))
        .put("RawFragment",
            StringValue.of(escape(decodedFragment, true).equals(fragment) ? "" : fragment))
        .build();
  }

  /** The scheme before the first colon, or "" when the text before it is not a scheme. */
  private static String scheme(String s) throws BadUrl {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c) && c < 0x80) {
        continue;
      }
      if ((c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') && i > 0) {
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          throw new BadUrl("missing protocol scheme");
        }
        return s.substring(0, i);
      }
      return "";
    }
    return "";
  }

  private static boolean firstSegmentHasColon(String s) {
    int slash = s.indexOf('/');
    return (slash < 0 ? s : s.substring(0, slash)).indexOf(':') >= 0;
  }

  /** Percent-decodes {@code s}; a {@code %} not followed by two hex digits is an error. */
  private static String unescape(String s, boolean plusIsSpace) throws BadUrl {
    if (s.indexOf('%') < 0) {
      return s;
    }
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '%') {
        if (i + 2 >= in.length || Character.digit(in[i + 1], 16) < 0
            || Character.digit(in[i + 2], 16) < 0) {
          int end = Math.min(i + 3, in.length);
          throw new BadUrl("invalid URL escape \""
              + new String(in, i, end - i, StandardCharsets.UTF_8) + "\"");
        }
        out.write(Character.digit(in[i + 1], 16) << 4 | Character.digit(in[i + 2], 16));
        i += 2;
      } else {
        out.write(plusIsSpace && in[i] == '+' ? ' ' : in[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Go's escaping of a path (or, with {@code fragment}, a fragment). */
  private static String escape(String s, boolean fragment) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (shouldEscape(c, fragment)) {
        sb.append('%').append(UPPER_HEX.charAt(c >> 4)).append(UPPER_HEX.charAt(c & 0xf));
      } else {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  private static boolean shouldEscape(int c, boolean fragment) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return false;
    }
    switch (c) {
      case '-', '_', '.', '~':
        return false;
      case '$', '&', '+', ',', '/', ':', ';', '=', '@':
        return false;
      case '?':
        return !fragment;
      case '!', '(', ')', '*':
        return !fragment;
      default:
        return true;
    }
  }
}
