package dev.ctpat.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a gzip-compressed ustar archive back, checking what a strict tar reader checks: the
 * magic, the header checksum, regular-file entries and the two closing zero blocks.
 */
final class TarEntries {
  private TarEntries() {}

  /** The entries, name to content, in archive order. */
  static Map<String, byte[]> read(Path file) throws IOException {
    byte[] tar;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      tar = in.readAllBytes();
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    int pos = 0;
    while (true) {
      byte[] header = Arrays.copyOfRange(tar, pos, pos + 512);
      if (isZero(header)) {
        if (!isZero(Arrays.copyOfRange(tar, pos + 512, pos + 1024))) {
          throw new AssertionError("a single zero block at " + pos);
        }
        return entries;
      }
      check(header, pos);
      String prefix = text(header, 345, 155);
      String name = (prefix.isEmpty() ? "" : prefix + "/") + text(header, 0, 100);
      int size = (int) Long.parseLong(text(header, 124, 12).trim(), 8);
      entries.put(name, Arrays.copyOfRange(tar, pos + 512, pos + 512 + size));
      pos += 512 + (size + 511) / 512 * 512;
    }
  }

  private static void check(byte[] header, int pos) {
    if (!text(header, 257, 6).equals("ustar") || header[156] != '0') {
      throw new AssertionError("not a ustar regular file at " + pos);
    }
    long expected = Long.parseLong(text(header, 148, 8).trim(), 8);
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
    }
    if (sum != expected) {
      throw new AssertionError("bad checksum at " + pos);
    }
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static byte[] bytes(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}
