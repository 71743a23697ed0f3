package dev.ctpat.rego.builtins;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * PEM blocks found the way Go's {@code encoding/pem.Decode} finds them, which decides what OPA
 * accepts as a certificate or key: the first well-formed block anywhere in the input (a
 * {@code -----BEGIN TYPE-----} line, optional {@code Key: value} headers, base64 lines, and the
 * matching {@code -----END TYPE-----} line), skipping malformed candidates; what follows the
 * block's END line is the rest.
 */
final class CryptoPem {
  private static final byte[] BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "-----END ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DASHES = "-----".getBytes(StandardCharsets.US_ASCII);

  private CryptoPem() {}

  /** A decoded block: its type (e.g. {@code CERTIFICATE}) and its bytes. */
  record Block(String type, byte[] bytes) {}

  /** The outcome of a search: the block (null when none was found) and the bytes after it. */
  record Decoded(Block block, byte[] rest) {}

  /** The first block of {@code data}; when there is none, the rest is all of {@code data}. */
  static Decoded decode(byte[] data) {
    int pos = 0;
    while (true) {
      int typeStart = findBegin(data, pos);
      if (typeStart < 0) {
        return new Decoded(null, data);
      }
      Attempt attempt = blockAt(data, typeStart);
      if (attempt.found() != null) {
        return attempt.found();
      }
      pos = attempt.resumeAt();
    }
  }

  /** A found block, or where Go resumes its search after a malformed candidate. */
  private record Attempt(Decoded found, int resumeAt) {}

  /**
   * The position after the next {@code -----BEGIN } that starts at {@code from} or follows a line
   * break after it.
   */
  private static int findBegin(byte[] data, int from) {
    if (startsWith(data, from, BEGIN)) {
      return from + BEGIN.length;
    }
    for (int i = from; i < data.length; i++) {
      if (data[i] == '\n' && startsWith(data, i + 1, BEGIN)) {
        return i + 1 + BEGIN.length;
      }
    }
    return -1;
  }

  /** The block whose type line starts at {@code pos}. */
  private static Attempt blockAt(byte[] data, int pos) {
    Line typeLine = line(data, pos);
    if (typeLine.end - DASHES.length < pos || !endsWith(data, typeLine.end, DASHES)) {
      return new Attempt(null, typeLine.next);
    }
    byte[] type = Arrays.copyOfRange(data, pos, typeLine.end - DASHES.length);
    int rest = typeLine.next;
    boolean headers = false;
    while (true) {
      if (rest >= data.length) {
        return new Attempt(null, data.length);
      }
      Line l = line(data, rest);
      if (indexOf(data, (byte) ':', rest, l.end) < 0) {
        break;
      }
      headers = true;
      rest = l.next;
    }
    int endIndex;
    int trailer;
    if (!headers && startsWith(data, rest, END)) {
      endIndex = rest;
      trailer = rest + END.length;
    } else {
      endIndex = indexOfNewlineEnd(data, rest);
      if (endIndex < 0) {
        return new Attempt(null, rest);
      }
      trailer = endIndex + 1 + END.length;
    }
    int trailerEnd = trailer + type.length + DASHES.length;
    if (trailerEnd > data.length
        || !startsWith(data, trailer, type)
        || !startsWith(data, trailer + type.length, DASHES)) {
      return new Attempt(null, rest);
    }
    Line afterEnd = line(data, trailerEnd);
    byte[] bytes = base64Body(data, rest, endIndex);
    if (afterEnd.end != trailerEnd || bytes == null) {
      // The END line must end with only blanks, and the body must be base64.
      return new Attempt(null, rest);
    }
    Decoded found = new Decoded(new Block(new String(type, StandardCharsets.UTF_8), bytes),
        Arrays.copyOfRange(data, afterEnd.next, data.length));
    return new Attempt(found, afterEnd.next);
  }

  /** The base64 between {@code from} and {@code to}, spaces, tabs and line breaks removed. */
  private static byte[] base64Body(byte[] data, int from, int to) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      if (data[i] != ' ' && data[i] != '\t') {
        body.write(data[i]);
      }
    }
    try {
      return EncodingBase64.STD.decode(body.toByteArray());
    } catch (BuiltinException e) {
      return null;
    }
  }

  /** A line from {@code start}: {@code end} excludes the line break and trailing blanks. */
  private record Line(int end, int next) {}

  private static Line line(byte[] data, int start) {
    int nl = indexOf(data, (byte) '\n', start, data.length);
    int end;
    int next;
    if (nl < 0) {
      end = data.length;
      next = data.length;
    } else {
      end = nl > start && data[nl - 1] == '\r' ? nl - 1 : nl;
      next = nl + 1;
    }
    while (end > start && (data[end - 1] == ' ' || data[end - 1] == '\t')) {
      end--;
    }
    return new Line(end, next);
  }

  /** The index of the {@code \n} of the next {@code \n-----END } at or after {@code from}. */
  private static int indexOfNewlineEnd(byte[] data, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == '\n' && startsWith(data, i + 1, END)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] data, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] data, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > data.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWith(byte[] data, int end, byte[] suffix) {
    return startsWith(data, end - suffix.length, suffix);
  }
}
