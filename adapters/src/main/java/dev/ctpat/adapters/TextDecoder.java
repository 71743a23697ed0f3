package dev.ctpat.adapters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes an evidence file's bytes: UTF-8 or UTF-16 with a byte-order mark, UTF-16LE without one
 * (PowerShell 5.1 {@code Out-File}), plain UTF-8, and Windows-1252 as the last resort. Refuses
 * binary content.
 */
final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoder() {}

  /** Decoded text plus an optional note for the evidence file's warnings. */
  record Decoded(String text, Optional<String> note) {}

  /** Thrown for content that is not text. */
  static final class BinaryContentException extends Exception {
    BinaryContentException(String message) {
      super(message);
    }
  }

  static Decoded decode(byte[] bytes) throws BinaryContentException {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return strict(bytes, 3, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return strict(bytes, 2, StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return strict(bytes, 2, StandardCharsets.UTF_16BE);
    }
    if (looksLikeUtf16Le(bytes)) {
      return strict(bytes, 0, StandardCharsets.UTF_16LE);
    }
    int nul = indexOf(bytes, (byte) 0);
    if (nul >= 0) {
      throw new BinaryContentException(
          "binary content (NUL byte at line " + lineAt(bytes, nul) + "), not an evidence export");
    }
    try {
      return new Decoded(decodeStrictly(bytes, 0, StandardCharsets.UTF_8), Optional.empty());
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes);
      return new Decoded(new String(bytes, WINDOWS_1252), Optional.of(
          "not valid UTF-8 at line " + lineAt(bytes, bad) + "; read as Windows-1252"));
    }
  }

  private static Decoded strict(byte[] bytes, int offset, Charset charset)
      throws BinaryContentException {
    try {
      return new Decoded(decodeStrictly(bytes, offset, charset), Optional.empty());
    } catch (CharacterCodingException e) {
      throw new BinaryContentException("not valid " + charset.name() + " despite its byte-order mark");
    }
  }

  private static String decodeStrictly(byte[] bytes, int offset, Charset charset)
      throws CharacterCodingException {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
        .toString();
  }

  /** ASCII text saved as UTF-16LE has a NUL after every character of the first line. */
  private static boolean looksLikeUtf16Le(byte[] bytes) {
    int probe = Math.min(bytes.length, 64) & ~1;
    if (probe < 4) {
      return false;
    }
    for (int i = 0; i < probe; i += 2) {
      if (bytes[i] == 0 || bytes[i + 1] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Offset of the first byte that does not start a well-formed UTF-8 sequence. */
  private static int firstInvalidUtf8(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int lead = bytes[i] & 0xFF;
      int continuation = lead < 0x80 ? 0
          : lead >= 0xC2 && lead <= 0xDF ? 1
          : (lead & 0xF0) == 0xE0 ? 2
          : lead >= 0xF0 && lead <= 0xF4 ? 3
          : -1;
      if (continuation < 0 || i + continuation >= bytes.length) {
        return i;
      }
      for (int k = 1; k <= continuation; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += continuation + 1;
    }
    return Math.max(bytes.length - 1, 0);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
