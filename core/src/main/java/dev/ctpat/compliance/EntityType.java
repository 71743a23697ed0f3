package dev.ctpat.compliance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CTPAT business entity types. The cybersecurity criteria are the same for every type (no
 * published booklet exempts one from a 4.x criterion); the type is recorded in the report and
 * passed to the policies as {@code input.organization.entity_type}.
 */
public enum EntityType {
  IMPORTER,
  EXPORTER,
  MANUFACTURER,
  CUSTOMS_BROKER,
  THIRD_PARTY_LOGISTICS,
  CONSOLIDATOR,
  HIGHWAY_CARRIER,
  MEXICAN_LONG_HAUL_CARRIER,
  RAIL_CARRIER,
  SEA_CARRIER,
  AIR_CARRIER,
  MARINE_PORT_AUTHORITY_TERMINAL_OPERATOR;

  /** The snake_case id used in documents and reports, e.g. {@code third_party_logistics}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The entity type named by {@code id}, ignoring case and accepting {@code -} for {@code _}
   * ({@code highway-carrier}); empty when there is none.
   */
  public static Optional<EntityType> fromId(String id) {
    String normalized = id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(t -> t.id().equals(normalized)).findFirst();
  }

  /** Every id, comma-separated, for messages. */
  public static String ids() {
    return Arrays.stream(values()).map(EntityType::id).collect(Collectors.joining(", "));
  }
}
