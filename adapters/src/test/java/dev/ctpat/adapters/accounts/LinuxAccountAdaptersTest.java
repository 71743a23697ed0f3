package dev.ctpat.adapters.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.Source;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinuxAccountAdaptersTest {
  private static final String PASSWD = "accounts/web01/passwd";
  private static final String LEGACY = "accounts/db02.passwd";

  private static Account account(AdapterResult result, String id) {
    return result.evidence().accounts().stream().filter(a -> a.id().equals(id)).findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "null", value = {
      // user, enabled, service, privileged, line
      "root, true, false, true, 1",
      "daemon, false, true, null, 2",
      "sync, false, true, null, 4",
      "postgres, true, true, null, 7",
      "nobody, false, true, null, 9",
      "jdoe, true, false, null, 10"})
  void passwdEntryGivesLoginServiceAndRootPrivilege(String user, boolean enabled,
      boolean service, Boolean privileged, int line) {
    AdapterResult result = Fixtures.read(new LinuxPasswdAdapter(), PASSWD);

    assertThat(result.warnings()).isEmpty();
    assertThat(account(result, user)).isEqualTo(new Account(user, "linux:web01", enabled, null,
        null, service, privileged, null, null, null, null,
        Source.of(PASSWD, line, "linux-passwd")));
  }

  @Test
  void hostComesFromTheFileNameWhenItIsNotTheCommand() {
    AdapterResult result = Fixtures.read(new LinuxPasswdAdapter(), LEGACY);

    assertThat(result.evidence().accounts()).extracting(Account::system).containsOnly("linux:db02");
  }

  @Test
  void emptyPasswordFieldAndMisplacedHashAreWarnedWithoutQuotingThem() {
    AdapterResult result = Fixtures.read(new LinuxPasswdAdapter(), LEGACY);

    assertThat(result.warnings()).extracting(Object::toString).containsExactly(
        LEGACY + ":3: account toor has an empty password field: it can log in without a password",
        LEGACY + ":4: account deploy keeps a password hash in the passwd file instead of the "
            + "shadow file (the hash is not read)");
    assertThat(account(result, "toor").privileged()).isTrue();
  }

  @Test
  void lastlogGivesEachLoginTimeInUtcAndNothingForNeverLoggedIn() {
    AdapterResult result = Fixtures.read(new LinuxLastlogAdapter(), "accounts/web01/lastlog.txt");

    assertThat(result.warnings()).isEmpty();
    assertThat(account(result, "jdoe")).isEqualTo(new Account("jdoe", "linux:web01", null, null,
        null, null, null, Instant.parse("2026-11-26T16:45:02Z"), null, null, null,
        Source.of("accounts/web01/lastlog.txt", 11, "linux-lastlog")));
    assertThat(account(result, "mbrown").lastLogon()).isEqualTo(Instant.parse("2026-11-02T08:01:33Z"));
    assertThat(account(result, "daemon").lastLogon()).isNull();
    assertThat(result.evidence().accounts()).hasSize(11);
  }

  @Test
  void germanLastlogIsReadByShapeNotWords() {
    AdapterResult result = Fixtures.read(new LinuxLastlogAdapter(), "accounts/db02.lastlog");

    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().accounts()).extracting(Account::id, Account::lastLogon)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("root", Instant.parse("2026-11-24T07:12:45Z")),
            org.assertj.core.groups.Tuple.tuple("daemon", null),
            org.assertj.core.groups.Tuple.tuple("toor", null),
            org.assertj.core.groups.Tuple.tuple("deploy", Instant.parse("2026-03-02T05:30:00Z")));
  }

  @Test
  void lastlogLineWithoutTimeIsWarned() {
    AdapterResult result = Fixtures.readText(new LinuxLastlogAdapter(), "h1/lastlog",
        "Username Port From Latest\nann pts/0 1.2.3.4 yesterday\n");

    assertThat(result.evidence().accounts()).isEmpty();
    assertThat(result.warnings()).singleElement()
        .hasToString("h1/lastlog:2: no login time recognized for ann; skipped");
  }

  @Test
  void shadowFileIsRecognizedButNeverRead() {
    AdapterResult result = Fixtures.read(new LinuxShadowAdapter(), "accounts/web01/shadow");

    assertThat(result.evidence().accounts()).isNull();
    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.line()).isNull();
      assertThat(w.message()).startsWith("a shadow file holds password hashes and is not read");
    });
  }

  @Test
  void passwdAdapterDoesNotTakeTheShadowFile() {
    assertThat(new LinuxPasswdAdapter().detect(Fixtures.input("accounts/web01/shadow")))
        .isEqualTo(EvidenceAdapter.Match.NONE);
    assertThat(new LinuxShadowAdapter().detect(Fixtures.input(PASSWD)))
        .isEqualTo(EvidenceAdapter.Match.NONE);
  }
}
