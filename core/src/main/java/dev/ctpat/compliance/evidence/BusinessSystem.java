package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A business system or data store (an entry of {@code systems}).
 *
 * @param kind server, application, database, saas, file_share, ...
 * @param sensitive holds sensitive data: needs access reviews (4.7b) and encryption (4.12)
 */
public record BusinessSystem(
    String id,
    String name,
    String kind,
    Boolean sensitive,
    Boolean backupRequired,
    @JsonInclude(JsonInclude.Include.NON_NULL) Endpoint.Encryption encryptionAtRest,
    Source source) {

  public BusinessSystem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
  }
}
