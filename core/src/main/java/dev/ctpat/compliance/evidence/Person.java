package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One person from the HR roster (4.7, 12.8).
 *
 * @param role job role, matched against {@code program.role_matrix[].role}
 */
public record Person(
    String personId,
    String name,
    Status status,
    LocalDate separatedOn,
    String role,
    String department,
    Source source) {

  public Person {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(source, "source");
  }

  /** Employment status. */
  public enum Status {
    ACTIVE, SEPARATED;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
