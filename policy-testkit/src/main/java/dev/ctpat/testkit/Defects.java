package dev.ctpat.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The defects {@link EvidenceArbitraries#documents()} gives compliant documents: what real
 * exports get wrong. Each defect is a generated value applied deterministically, so that jqwik
 * shrinks the document and its defects independently.
 */
final class Defects {
  /** Evidence collected this long before the as-of day is stale for every kind of the pack. */
  private static final int STALE_DAYS = 400;

  private Defects() {}

  /** One defect of a document. */
  interface Defect {
    EvidenceDocument apply(EvidenceDocument document);
  }

  static Arbitrary<Defect> defects() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, EvidenceArbitraries.weakenings().map(c -> (Defect) new Weakened(c))),
        Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 10_000),
            Arbitraries.of(FieldLoss.class)).as((pick, loss) -> (Defect) new Missing(pick, loss))),
        Tuple.of(2, Arbitraries.integers().between(0, 10_000)
            .map(pick -> (Defect) new Stale(pick))),
        Tuple.of(2, replaced()));
  }

  /** A setting weakened past its threshold. */
  record Weakened(Change change) implements Defect {
    @Override
    public EvidenceDocument apply(EvidenceDocument document) {
      return change.apply(document);
    }
  }

  /** The node at the {@code pick}-th place of the document (depth first) goes missing. */
  record Missing(int pick, FieldLoss loss) implements Defect {
    @Override
    public EvidenceDocument apply(EvidenceDocument document) {
      List<String> places = document.pointers();
      return places.isEmpty() ? document
          : loss.apply(document, places.get(Math.floorMod(pick, places.size())));
    }
  }

  /** The {@code pick}-th item with a source was collected long before the as-of day. */
  record Stale(int pick) implements Defect {
    @Override
    public EvidenceDocument apply(EvidenceDocument document) {
      LocalDate asOf = document.asOf();
      List<String> items = new ArrayList<>(document.pointers());
      items.removeIf(p -> !document.at(p + "/source").isObject());
      if (asOf == null || items.isEmpty()) {
        return document;
      }
      String item = items.get(Math.floorMod(pick, items.size()));
      return document.with(item + "/source/collected_at",
          asOf.minusDays(STALE_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
  }

  /**
   * An item of a collection replaced by an arbitrary record (the collection made of it when
   * empty or absent), or a whole object replaced, when {@code collection} is false.
   */
  record Replaced(String place, boolean collection, int pick, Object record) implements Defect {
    @Override
    public EvidenceDocument apply(EvidenceDocument document) {
      JsonNode current = document.at(place);
      if (collection && current.isArray() && !current.isEmpty()) {
        return document.with(place + "/" + Math.floorMod(pick, current.size()), record);
      }
      String parent = place.substring(0, place.lastIndexOf('/'));
      if (!document.at(parent).isObject()) {
        return document;
      }
      return document.with(place, collection ? List.of(record) : record);
    }
  }

  private static Arbitrary<Defect> replaced() {
    Map<String, Arbitrary<?>> items = Map.ofEntries(
        Map.entry("/password_policies", EvidenceArbitraries.passwordPolicies()),
        Map.entry("/remote_access", EvidenceArbitraries.remoteAccessGateways()),
        Map.entry("/endpoints", EvidenceArbitraries.endpoints()),
        Map.entry("/vulnerabilities", EvidenceArbitraries.vulnerabilities()),
        Map.entry("/software", EvidenceArbitraries.softwareComponents()),
        Map.entry("/accounts", EvidenceArbitraries.accounts()),
        Map.entry("/personnel", EvidenceArbitraries.persons()),
        Map.entry("/systems", EvidenceArbitraries.businessSystems()),
        Map.entry("/backups", EvidenceArbitraries.backups()),
        Map.entry("/waivers", EvidenceArbitraries.waivers()),
        Map.entry("/network/perimeter_firewalls", EvidenceArbitraries.perimeterFirewalls()),
        Map.entry("/program/policies", ProgramArbitraries.policies()),
        Map.entry("/program/procedures", ProgramArbitraries.procedures()),
        Map.entry("/program/incidents", ProgramArbitraries.incidents()),
        Map.entry("/program/credential_compromises", ProgramArbitraries.credentialCompromises()),
        Map.entry("/program/security_tests", ProgramArbitraries.securityTests()),
        Map.entry("/program/trainings", ProgramArbitraries.trainings()),
        Map.entry("/program/media_inventory", ProgramArbitraries.mediaItems()),
        Map.entry("/program/sanitization_records", ProgramArbitraries.sanitizationRecords()),
        Map.entry("/program/restore_tests", ProgramArbitraries.restoreTests()));
    Map<String, Arbitrary<?>> objects = Map.of(
        "/organization", EvidenceArbitraries.organizations(),
        "/network/external_exposure", EvidenceArbitraries.externalExposures(),
        "/network/access_control", EvidenceArbitraries.accessControls(),
        "/device_control", EvidenceArbitraries.deviceControls(),
        "/program/monitoring", ProgramArbitraries.monitorings());
    return Arbitraries.oneOf(replacing(items, true), replacing(objects, false));
  }

  private static Arbitrary<Defect> replacing(Map<String, Arbitrary<?>> records,
      boolean collection) {
    List<String> places = records.keySet().stream().sorted().toList();
    return Arbitraries.of(places).flatMap(place -> records.get(place).flatMap(record ->
        Arbitraries.integers().between(0, 7)
            .map(pick -> (Defect) new Replaced(place, collection, pick, record))));
  }
}
