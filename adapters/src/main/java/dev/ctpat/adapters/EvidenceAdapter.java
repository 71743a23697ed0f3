package dev.ctpat.adapters;

/**
 * Reads one kind of export (a {@code secedit} INF, an OpenVPN config, a Trivy report, ...) into
 * a fragment of the normalized document. Implementations are stateless and thread-safe; they
 * report problems as warnings with file and line and throw only for bugs. They never copy a
 * secret (private key, pre-shared key, recovery password, password hash) into the result.
 */
public interface EvidenceAdapter {

  /** Stable name written to {@code source.adapter}, e.g. {@code "windows-secedit"}. */
  String name();

  /**
   * How well this adapter recognizes the file. The collector prefers a {@link Match#CONTENT}
   * match over a {@link Match#NAME} match, so that exports are recognized whatever they are
   * called, and a familiar name still helps when the content is ambiguous.
   */
  Match detect(EvidenceInput input);

  /** Reads the file. Only called after {@link #detect} returned something other than NONE. */
  AdapterResult read(EvidenceInput input);

  /** Strength of a detection. */
  enum Match {
    NONE,
    NAME,
    CONTENT
  }
}
