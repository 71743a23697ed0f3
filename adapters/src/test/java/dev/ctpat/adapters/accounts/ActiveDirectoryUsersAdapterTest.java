package dev.ctpat.adapters.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.Source;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveDirectoryUsersAdapterTest {
  private static final String PS51 = "accounts/ad-users-ps51.csv";
  private static final String GERMAN = "accounts/ad-users-de.csv";

  private static Source line(String file, int line) {
    return Source.of(file, line, "ad-users");
  }

  @Test
  void powerShell51ExportWithTypeLineBomAndCrlfReadsEveryAccount() {
    AdapterResult result = Fixtures.read(new ActiveDirectoryUsersAdapter(), PS51);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().accounts()).containsExactly(
        new Account("jdoe", "ad", true, "E1001", null, null, false,
            Instant.parse("2026-11-24T08:12:45Z"), null, List.of("Logistics", "VPN Users"), null,
            line(PS51, 3)),
        new Account("hmueller", "ad", true, "E1002", null, null, true,
            Instant.parse("2026-09-02T17:03:10Z"), null, List.of("Domain Admins"), null,
            line(PS51, 4)),
        new Account("mbrown", "ad", false, "E0877", null, null, false, null, null, List.of(), null,
            line(PS51, 5)),
        new Account("scanner", "ad", true, null, null, null, false,
            Instant.parse("2026-11-25T23:59:59Z"), null, List.of("Warehouse"), null,
            line(PS51, 6)),
        new Account("svc-backup", "ad", true, null, null, true, true,
            Instant.parse("2026-11-26T02:00:03Z"), null, List.of("Backup Operators"), null,
            line(PS51, 8)));
  }

  @Test
  void germanSemicolonExportPrefersTheExactFileTimeOverTheLocalDate() {
    AdapterResult result = Fixtures.read(new ActiveDirectoryUsersAdapter(), GERMAN);

    assertThat(result.evidence().accounts()).extracting(Account::id, Account::lastLogon)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("aschmidt", Instant.parse("2026-11-24T07:12:45Z")),
            org.assertj.core.groups.Tuple.tuple("pweber", null),
            org.assertj.core.groups.Tuple.tuple("lkoch", Instant.parse("2026-10-03T14:30:00Z")));
    assertThat(result.evidence().accounts().get(1).enabled()).isFalse();
  }

  @Test
  void unjoinedMemberOfLeavesGroupsAndPrivilegeUnknownWithOneWarning() {
    AdapterResult result = Fixtures.read(new ActiveDirectoryUsersAdapter(), GERMAN);

    assertThat(result.evidence().accounts()).allSatisfy(a -> {
      assertThat(a.groups()).isNull();
      assertThat(a.privileged()).isNull();
      assertThat(a.personId()).isNull();
    });
    assertThat(result.warnings()).extracting(Object::toString).containsExactly(
        GERMAN + ":1: no EmployeeID or EmployeeNumber column: the accounts are not linked to people",
        GERMAN + ":2: MemberOf holds a type name, not groups: join it with "
            + "@{n='MemberOf';e={$_.MemberOf -join ';'}} to record group membership");
  }

  @Test
  void ambiguousDayMonthDateIsNotGuessed() {
    AdapterResult result = Fixtures.readText(new ActiveDirectoryUsersAdapter(), "u.csv",
        "SamAccountName,Enabled,EmployeeID,LastLogonDate\nann,True,E7,03/04/2026 10:00:00\n");

    assertThat(result.evidence().accounts().get(0).lastLogon()).isNull();
    assertThat(result.warnings()).singleElement().hasToString("u.csv:2: LastLogonDate "
        + "'03/04/2026 10:00:00' is not a date in a known format, or is ambiguous between day and month");
  }

  @Test
  void otherDatesOfTheColumnDecideTheOrder() {
    AdapterResult result = Fixtures.readText(new ActiveDirectoryUsersAdapter(), "u.csv",
        "SamAccountName,Enabled,LastLogonDate\nann,True,03/04/2026 10:00:00\nbob,True,25/04/2026 10:00:00\n");

    assertThat(result.evidence().accounts()).extracting(Account::lastLogon).containsExactly(
        Instant.parse("2026-04-03T10:00:00Z"), Instant.parse("2026-04-25T10:00:00Z"));
  }

  @Test
  void rowWithoutSamAccountNameIsSkippedWithItsLine() {
    AdapterResult result = Fixtures.readText(new ActiveDirectoryUsersAdapter(), "u.csv",
        "SamAccountName,Enabled,EmployeeID\n,True,E1\nbob,yes-ish,E2\n");

    assertThat(result.evidence().accounts()).singleElement()
        .satisfies(a -> assertThat(a.enabled()).isNull());
    assertThat(result.warnings()).extracting(Object::toString).containsExactly(
        "u.csv:2: row without SamAccountName; skipped",
        "u.csv:3: Enabled is 'yes-ish', not True or False");
  }

  @Test
  void unterminatedQuoteWarnsWithTheLineWhereTheValueStarts() {
    AdapterResult result = Fixtures.readText(new ActiveDirectoryUsersAdapter(), "u.csv",
        "SamAccountName,Enabled\nann,True\n\"bob,True\n");

    assertThat(result.evidence().accounts()).isNull();
    assertThat(result.warnings()).singleElement()
        .hasToString("u.csv:3: quoted value that starts on line 3 never ends");
  }

  @Test
  void recognizedByTheTypeLineOrTheColumns() {
    EvidenceAdapter adapter = new ActiveDirectoryUsersAdapter();

    assertThat(adapter.detect(new EvidenceInput("a.csv",
        "#TYPE Microsoft.ActiveDirectory.Management.ADUser\n\"Name\"\n")))
        .isEqualTo(EvidenceAdapter.Match.CONTENT);
    assertThat(adapter.detect(new EvidenceInput("a.csv", "Name,Seats\nOffice,3\n")))
        .isEqualTo(EvidenceAdapter.Match.NONE);
  }
}
