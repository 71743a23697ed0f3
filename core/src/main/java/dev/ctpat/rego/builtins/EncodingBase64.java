package dev.ctpat.rego.builtins;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A padded base64 decoder that behaves like Go's {@code base64.StdEncoding} and
 * {@code base64.URLEncoding}: it skips {@code \r} and {@code \n}, requires correct padding, accepts
 * non-zero trailing bits, and reports the first bad byte as {@code illegal base64 data at input
 * byte N}. Java's decoders differ on each of these points.
 */
final class EncodingBase64 {
  static final EncodingBase64 STD =
      new EncodingBase64("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
  static final EncodingBase64 URL =
      new EncodingBase64("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

  private static final byte PAD = '=';
  private static final int INVALID = -1;

  private final int[] decodeMap = new int[256];

  private EncodingBase64(String alphabet) {
    Arrays.fill(decodeMap, INVALID);
    for (int i = 0; i < alphabet.length(); i++) {
      decodeMap[alphabet.charAt(i)] = i;
    }
  }

  /** The bytes {@code src} encodes. */
  byte[] decode(byte[] src) throws BuiltinException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 3 / 4);
    int si = 0;
    while (si < src.length) {
      si = decodeQuantum(src, si, out);
    }
    return out.toByteArray();
  }

  /** Decodes up to four symbols starting at {@code si}; returns where the next quantum starts. */
  private int decodeQuantum(byte[] src, int si, ByteArrayOutputStream out)
      throws BuiltinException {
    int[] quantum = new int[4];
    int symbols = 4;
    for (int j = 0; j < 4; j++) {
      if (si == src.length) {
        if (j == 0) {
          return si;
        }
        throw corrupt(si - j);
      }
      int in = src[si] & 0xff;
      si++;
      int sym = decodeMap[in];
      if (sym != INVALID) {
        quantum[j] = sym;
        continue;
      }
      if (in == '\n' || in == '\r') {
        j--;
        continue;
      }
      if (in != PAD || j < 2) {
        throw corrupt(si - 1);
      }
      si = checkPadding(src, si, j);
      symbols = j;
      break;
    }
    int bits = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6 | quantum[3];
    for (int k = 0; k < symbols - 1; k++) {
      out.write(bits >> (16 - 8 * k));
    }
    return si;
  }

  /**
   * After a first pad character that followed {@code j} symbols: checks that the padding is
   * complete and that only line breaks follow it. Returns the end of the input.
   */
  private static int checkPadding(byte[] src, int si, int j) throws BuiltinException {
    if (j == 2) {
      si = skipNewlines(src, si);
      if (si == src.length) {
        throw corrupt(src.length);
      }
      if (src[si] != PAD) {
        throw corrupt(si - 1);
      }
      si++;
    }
    si = skipNewlines(src, si);
    if (si < src.length) {
      throw corrupt(si);
    }
    return si;
  }

  private static int skipNewlines(byte[] src, int si) {
    while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
      si++;
    }
    return si;
  }

  private static BuiltinException corrupt(int offset) {
    return BuiltinException.error("illegal base64 data at input byte " + offset);
  }
}
