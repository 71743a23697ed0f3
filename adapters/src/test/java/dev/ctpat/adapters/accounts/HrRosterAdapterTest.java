package dev.ctpat.adapters.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.Person;
import dev.ctpat.compliance.evidence.Person.Status;
import dev.ctpat.compliance.evidence.Source;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HrRosterAdapterTest {
  private static final String ROSTER = "accounts/hr-roster.csv";

  private static Source line(int line) {
    return Source.of(ROSTER, line, "hr-roster");
  }

  @Test
  void hrisExportWithAliasedColumnsUsDatesBomAndCrlf() {
    AdapterResult result = Fixtures.read(new HrRosterAdapter(), ROSTER);

    assertThat(result.evidence().personnel()).containsExactly(
        new Person("E1001", "Jane Doe", Status.ACTIVE, null, "Logistics Coordinator", "Logistics",
            line(2)),
        new Person("E1002", "Müller, Hans", Status.ACTIVE, null, "IT Administrator", "IT",
            line(3)),
        new Person("E0877", "Mark Brown", Status.SEPARATED, LocalDate.of(2026, 10, 31),
            "Warehouse Lead", "Warehouse", line(4)),
        new Person("E0790", "Olu Adeyemi", Status.SEPARATED, LocalDate.of(2026, 11, 5),
            "Customs Analyst", "Compliance", line(5)),
        new Person("E0901", "Sofía García", Status.ACTIVE, LocalDate.of(2026, 12, 15), "Buyer",
            "Procurement", line(6)),
        new Person("E0955", "Wei Zhang", Status.ACTIVE, null, "Driver", "Transport", line(7)));
  }

  @Test
  void unknownStatusWordIsSkippedWithItsLine() {
    AdapterResult result = Fixtures.read(new HrRosterAdapter(), ROSTER);

    assertThat(result.warnings()).extracting(Object::toString)
        .containsExactly(ROSTER + ":8: unknown status 'Suspended'; skipped");
  }

  @Test
  void withoutStatusColumnAPassedSeparationDateMeansSeparated() {
    AdapterResult result = Fixtures.readText(new HrRosterAdapter(), "people.csv",
        "person_id;name;separated_on;role\nP1;Ann;2026-11-27;Clerk\nP2;Bob;2026-11-28;Clerk\nP3;Cy;;Clerk\n");

    assertThat(result.evidence().personnel()).extracting(Person::personId, Person::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("P1", Status.SEPARATED),
            org.assertj.core.groups.Tuple.tuple("P2", Status.ACTIVE),
            org.assertj.core.groups.Tuple.tuple("P3", Status.ACTIVE));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void activeStatusWithAPassedSeparationDateIsKeptButWarned() {
    AdapterResult result = Fixtures.readText(new HrRosterAdapter(), "people.csv",
        "person_id,status,separated_on\nP1,active,2026-11-01\n");

    assertThat(result.evidence().personnel().get(0).status()).isEqualTo(Status.ACTIVE);
    assertThat(result.warnings()).singleElement().hasToString(
        "people.csv:2: status is 'active' but the separation date 2026-11-01 has passed");
  }

  @Test
  void separatedWithoutDateKeepsTheDateUnknown() {
    AdapterResult result = Fixtures.readText(new HrRosterAdapter(), "people.csv",
        "employee_id,status,termination_date\nP1,Terminated,\nP1,Terminated,31.10.2026\n");

    assertThat(result.evidence().personnel()).extracting(Person::separatedOn)
        .containsExactly(null, LocalDate.of(2026, 10, 31));
    assertThat(result.warnings()).singleElement()
        .hasToString("people.csv:3: person P1 is listed again");
  }

  @Test
  void emptyRosterIsEvidenceOfNobody() {
    AdapterResult result = Fixtures.readText(new HrRosterAdapter(), "people.csv",
        "person_id,name,status,separated_on,role\n");

    assertThat(result.evidence().personnel()).isEmpty();
  }

  @Test
  void recognizedByAPersonIdAndAStatusOrSeparationColumn() {
    EvidenceAdapter adapter = new HrRosterAdapter();

    assertThat(adapter.detect(new EvidenceInput("x.csv", "Worker ID;Leaving Date\n")))
        .isEqualTo(EvidenceAdapter.Match.CONTENT);
    assertThat(adapter.detect(new EvidenceInput("x.csv", "Employee ID,Course,Completed\n")))
        .isEqualTo(EvidenceAdapter.Match.NONE);
  }
}
