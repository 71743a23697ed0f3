package dev.ctpat.compliance.report;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Identifiers derived from the report's content, so the same report renders to the same bytes:
 * name-based (version 5) UUIDs and stable fingerprints, and evidence paths as URI references.
 */
final class ReportIds {
  /** The namespace of our name-based UUIDs; any fixed value would do. */
  private static final UUID NAMESPACE = UUID.fromString("6f1c2a4e-93d5-4b7a-8e20-5c1d3b9f0a77");

  private final String reportDigest;

  private ReportIds(String reportDigest) {
    this.reportDigest = reportDigest;
  }

  /** Identifiers scoped to one report: different reports never share a UUID. */
  static ReportIds of(ReportDocument report) {
    try {
      return new ReportIds(sha256(JsonOutput.compact(report.json())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A version 5 UUID for something in this report, named by a path like {@code finding/4.8}. */
  String uuid(String name) {
    return uuidV5(NAMESPACE, reportDigest + "/" + name).toString();
  }

  static String sha256(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
  }

  /** RFC 4122 section 4.3: SHA-1 of namespace and name, with version and variant bits set. */
  static UUID uuidV5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
    sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
        .putLong(namespace.getLeastSignificantBits()).array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bytes.getLong(), bytes.getLong());
  }

  /**
   * A relative file path as a URI reference: characters that may not appear in a URI
   * (spaces, non-ASCII, ...) are percent-encoded, and a first segment with a colon is
   * prefixed with {@code ./} so it does not read as a scheme.
   */
  static String uriReference(String path) {
    String p = path.replace('\\', '/');
    int colon = p.indexOf(':');
    int slash = p.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) {
      p = "./" + p;
    }
    try {
      return new URI(null, null, p, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a file path: " + path, e);
    }
  }
}
