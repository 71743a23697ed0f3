package dev.ctpat.rego.builtins;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * URLs split into their parts as Go's {@code net/url.Parse} splits them, which is what OPA's
 * {@code uri.*} builtins and {@code providers.aws.sign_req} see: the same accepted syntax, the
 * same percent-decoding of host, path and fragment, and Go's error texts
 * ({@code parse "http://[::1": missing ']' in host}).
 *
 * <p>Go works on the bytes of the text; here characters outside ASCII stand for their UTF-8
 * bytes, which are never special in a URL, and decoded bytes are read back as UTF-8.
 */
final class UriGoUrl {
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

  private UriGoUrl() {}

  /** The part of a URL being escaped or unescaped, which decides the characters allowed. */
  private enum Mode { PATH, HOST, ZONE, USER_PASSWORD, FRAGMENT }

  /** A URL that {@code net/url} rejects, with Go's message. */
  static final class ParseError extends Exception {
    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  /** Why a part of a URL is invalid; {@link #parse} adds the {@code parse "url": } prefix. */
  private static final class Invalid extends Exception {
    Invalid(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * A parsed URL, with Go's field meanings: {@code host} is decoded and keeps its port,
   * {@code path} is decoded, {@code rawPath} is the path as written when that differs from the
   * default encoding of {@code path} (else empty), and {@code opaque} is the rest of a URL with a
   * scheme whose rest does not start with a slash ({@code mailto:x@y}).
   */
  record Url(String scheme, String opaque, String host, String path, String rawPath,
      String rawQuery, String fragment) {

    /** The host without port and without the brackets of an IPv6 literal. */
    String hostname() {
      return splitHostPort(host)[0];
    }

    /** The port, or empty when the host has none. */
    String port() {
      return splitHostPort(host)[1];
    }

    /** The path in its escaped form, as Go's {@code URL.EscapedPath} chooses it. */
    String escapedPath() {
      if (!rawPath.isEmpty() && validEncoded(rawPath)) {
        try {
          if (unescape(rawPath, Mode.PATH).equals(path)) {
            return rawPath;
          }
        } catch (Invalid e) {
          // Not a usable encoding of the path: fall back to encoding the path.
        }
      }
      return path.equals("*") ? "*" : escape(path, Mode.PATH);
    }

    private Url withFragment(String f) {
      return new Url(scheme, opaque, host, path, rawPath, rawQuery, f);
    }
  }

  /**
   * Parses {@code raw} as {@code url.Parse} does.
   *
   * @throws ParseError with Go's message, e.g. {@code parse ":x": missing protocol scheme}
   */
  static Url parse(String raw) throws ParseError {
    int hash = raw.indexOf('#');
    String beforeFragment = hash < 0 ? raw : raw.substring(0, hash);
    Url url;
    try {
      url = parseWithoutFragment(beforeFragment);
    } catch (Invalid e) {
      throw error(beforeFragment, e);
    }
    if (hash < 0 || hash == raw.length() - 1) {
      return url;
    }
    try {
      return url.withFragment(unescape(raw.substring(hash + 1), Mode.FRAGMENT));
    } catch (Invalid e) {
      throw error(raw, e);
    }
  }

  private static ParseError error(String url, Invalid e) {
    return new ParseError("parse " + SprintfStrconv.quote(url) + ": " + e.getMessage());
  }

  private static Url parseWithoutFragment(String raw) throws Invalid {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new Invalid("net/url: invalid control character in URL");
      }
    }
    if (raw.equals("*")) {
      return new Url("", "", "", "*", "", "", "");
    }
    String[] schemeAndRest = splitScheme(raw);
    String scheme = schemeAndRest[0].toLowerCase(java.util.Locale.ROOT);
    String rest = schemeAndRest[1];
    String rawQuery = "";
    int question = rest.indexOf('?');
    if (question >= 0 && question == rest.length() - 1) {
      // A lone trailing '?' asks for an empty query: Go sets ForceQuery, RawQuery stays empty.
      rest = rest.substring(0, question);
    } else if (question >= 0) {
      rawQuery = rest.substring(question + 1);
      rest = rest.substring(0, question);
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        return new Url(scheme, rest, "", "", "", rawQuery, "");
      }
      int slash = rest.indexOf('/');
      if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
        throw new Invalid("first path segment in URL cannot contain colon");
      }
    }
    String host = "";
    if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      rest = slash < 0 ? "" : authority.substring(slash);
      host = parseAuthority(slash < 0 ? authority : authority.substring(0, slash));
    }
    String path = unescape(rest, Mode.PATH);
    String rawPath = rest.equals(escape(path, Mode.PATH)) ? "" : rest;
    return new Url(scheme, "", host, path, rawPath, rawQuery, "");
  }

  /** {@code [scheme, rest]}: the scheme is empty when the text does not start with one. */
  private static String[] splitScheme(String raw) throws Invalid {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        continue;
      }
      if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return new String[] {"", raw};
        }
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          throw new Invalid("missing protocol scheme");
        }
        return new String[] {raw.substring(0, i), raw.substring(i + 1)};
      }
      return new String[] {"", raw};
    }
    return new String[] {"", raw};
  }

  /** The decoded host of {@code userinfo@host:port}, after checking the userinfo. */
  private static String parseAuthority(String authority) throws Invalid {
    int at = authority.lastIndexOf('@');
    String host = parseHost(at < 0 ? authority : authority.substring(at + 1));
    if (at >= 0) {
      String userinfo = authority.substring(0, at);
      if (!validUserinfo(userinfo)) {
        throw new Invalid("net/url: invalid userinfo");
      }
      int colon = userinfo.indexOf(':');
      unescape(colon < 0 ? userinfo : userinfo.substring(0, colon), Mode.USER_PASSWORD);
      if (colon >= 0) {
        unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD);
      }
    }
    return host;
  }

  private static String parseHost(String host) throws Invalid {
    if (host.startsWith("[")) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        throw new Invalid("missing ']' in host");
      }
      String colonPort = host.substring(close + 1);
      if (!validOptionalPort(colonPort)) {
        throw new Invalid("invalid port " + SprintfStrconv.quote(colonPort) + " after host");
      }
      // RFC 6874: "%25" starts a zone identifier, which may escape more than a host may.
      int zone = host.substring(0, close).indexOf("%25");
      if (zone >= 0) {
        return unescape(host.substring(0, zone), Mode.HOST)
            + unescape(host.substring(zone, close), Mode.ZONE)
            + unescape(host.substring(close), Mode.HOST);
      }
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
        throw new Invalid(
            "invalid port " + SprintfStrconv.quote(host.substring(colon)) + " after host");
      }
    }
    return unescape(host, Mode.HOST);
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean validUserinfo(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0) {
        continue;
      }
      return false;
    }
    return true;
  }

  /** {@code [host, port]} of {@code host:port}, IPv6 brackets removed. */
  private static String[] splitHostPort(String hostPort) {
    String host = hostPort;
    String port = "";
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && validOptionalPort(host.substring(colon))) {
      port = host.substring(colon + 1);
      host = host.substring(0, colon);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new String[] {host, port};
  }

  /** Decodes percent escapes, rejecting what Go's {@code url.unescape} rejects in that part. */
  private static String unescape(String s, Mode mode) throws Invalid {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
          String bad = s.substring(i, Math.min(i + 3, s.length()));
          throw new Invalid("invalid URL escape " + SprintfStrconv.quote(bad));
        }
        int b = unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2));
        String escape = s.substring(i, i + 3);
        // In a host, escapes may only stand for non-ASCII bytes (and "%25" in a zone).
        if (mode == Mode.HOST && unhex(s.charAt(i + 1)) < 8 && !escape.equals("%25")) {
          throw new Invalid("invalid URL escape " + SprintfStrconv.quote(escape));
        }
        if (mode == Mode.ZONE && !escape.equals("%25") && b != ' '
            && shouldEscape(b, Mode.HOST)) {
          throw new Invalid("invalid URL escape " + SprintfStrconv.quote(escape));
        }
        out.write(b);
        i += 3;
        continue;
      }
      if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
        throw new Invalid(
            "invalid character " + SprintfStrconv.quote(String.valueOf(c)) + " in host name");
      }
      int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
      out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
      i = end;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Percent-encodes, byte by byte, what {@code mode} does not allow as is. */
  private static String escape(String s, Mode mode) {
    StringBuilder sb = new StringBuilder(s.length());
    for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
      int b = raw & 0xff;
      if (shouldEscape(b, mode)) {
        sb.append('%').append(UPPER_HEX[b >> 4]).append(UPPER_HEX[b & 0xf]);
      } else {
        sb.append((char) b);
      }
    }
    return sb.toString();
  }

  /** Whether Go's {@code url.validEncoded} accepts {@code s} as an encoded path. */
  private static boolean validEncoded(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && shouldEscape(c, Mode.PATH)) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code url.shouldEscape} for one byte (a non-ASCII character counts as a byte). */
  private static boolean shouldEscape(int c, Mode mode) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return false;
    }
    if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
      return false;
    }
    if ("-_.~".indexOf(c) >= 0) {
      return false;
    }
    if ("$&+,/:;=?@".indexOf(c) >= 0) {
      switch (mode) {
        case PATH:
          return c == '?';
        case USER_PASSWORD:
          return c == '@' || c == '/' || c == '?' || c == ':';
        case FRAGMENT:
          return false;
        default:
          break;
      }
    }
    if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) {
      return false;
    }
    return true;
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static int unhex(char c) {
    return Character.digit(c, 16);
  }
}
