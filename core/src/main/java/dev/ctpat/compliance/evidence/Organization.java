package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * Who is assessed and as of which day; {@code asOf} is "today" for every age computation. It is
 * {@code null} only in an adapter's fragment, before the collector fills in the collection day.
 *
 * @param entityType CTPAT entity type, e.g. {@code importer}, {@code third_party_logistics}
 */
public record Organization(
    String name,
    String entityType,
    LocalDate asOf,
    @JsonInclude(JsonInclude.Include.NON_NULL) Source source) {

  public Organization withAsOf(LocalDate day) {
    return new Organization(name, entityType, day, source);
  }
}
