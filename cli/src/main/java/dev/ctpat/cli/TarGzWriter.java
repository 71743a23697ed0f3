package dev.ctpat.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzip-compressed tar archive of regular files in the POSIX ustar format, with plain
 * JDK classes. The output is reproducible: every entry has mode 0644, owner 0/0 and time 0, and
 * the gzip header carries no time or file name, so the same entries give the same bytes.
 */
final class TarGzWriter implements Closeable {
  private static final int BLOCK = 512;
  private static final int NAME_LENGTH = 100;
  private static final int PREFIX_LENGTH = 155;
  private static final long MAX_SIZE = 077777777777L;

  private final GZIPOutputStream out;

  TarGzWriter(OutputStream out) throws IOException {
    this.out = new GZIPOutputStream(out);
  }

  /**
   * Adds a regular file.
   *
   * @param name the path inside the archive, with {@code /} separators
   * @throws IllegalArgumentException when the name does not fit a ustar header
   */
  void add(String name, byte[] content) throws IOException {
    out.write(header(name, content.length));
    out.write(content);
    int padding = (BLOCK - content.length % BLOCK) % BLOCK;
    out.write(new byte[padding]);
  }

  /** Ends the archive with two zero blocks and finishes the compression; closes the stream. */
  @Override
  public void close() throws IOException {
    out.write(new byte[2 * BLOCK]);
    out.close();
  }

  private static byte[] header(String name, long size) {
    if (size > MAX_SIZE) {
      throw new IllegalArgumentException(name + ": too large for a ustar entry");
    }
    byte[] h = new byte[BLOCK];
    String[] split = splitName(name);
    put(h, 0, NAME_LENGTH, split[1].getBytes(StandardCharsets.UTF_8));
    octal(h, 100, 8, 0644);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, 0);
    h[156] = '0';
    put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
    put(h, 345, PREFIX_LENGTH, split[0].getBytes(StandardCharsets.UTF_8));
    // The checksum is computed with its own field as eight spaces, then written as six octal
    // digits, a NUL and a space.
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    h[154] = 0;
    return h;
  }

  /** {prefix, name}: long names are split at a slash so that both parts fit. */
  static String[] splitName(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= NAME_LENGTH) {
      return new String[] {"", name};
    }
    for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
      String prefix = name.substring(0, i);
      String rest = name.substring(i + 1);
      if (prefix.getBytes(StandardCharsets.UTF_8).length <= PREFIX_LENGTH
          && rest.getBytes(StandardCharsets.UTF_8).length <= NAME_LENGTH && !rest.isEmpty()) {
        return new String[] {prefix, rest};
      }
    }
    throw new IllegalArgumentException(name + ": path too long for a ustar entry");
  }

  private static void put(byte[] header, int offset, int length, byte[] value) {
    System.arraycopy(value, 0, header, offset, Math.min(length, value.length));
  }

  /** Zero-padded octal digits filling the field but its last byte, which stays NUL. */
  private static void octal(byte[] header, int offset, int length, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(length - 1 - digits.length()) + digits;
    put(header, offset, length - 1, padded.getBytes(StandardCharsets.US_ASCII));
  }
}
