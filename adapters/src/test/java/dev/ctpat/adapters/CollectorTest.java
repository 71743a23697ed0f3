package dev.ctpat.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.EvidenceFile;
import dev.ctpat.compliance.evidence.EvidenceJson;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.Source;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T06:00:00.250Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private void copyFixture(String fixture, String target) throws IOException {
    Path path = dir.resolve(target);
    Files.createDirectories(path.getParent());
    try (var in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
      Files.write(path, in.readAllBytes());
    }
  }

  private void goodFiles() throws IOException {
    copyFixture("program/ctpat.yaml", "ctpat.yaml");
    copyFixture("password/secedit-utf16.inf", "identity/policy.inf");
    copyFixture("remoteaccess/sshd_config", "network/bastion/sshd_config");
    copyFixture("vulnerability/trivy.json", "scans/srv-01.json");
  }

  @Test
  void corruptFileNextToGoodFilesGivesExactlyOneWarningAndKeepsTheRest() throws IOException {
    goodFiles();
    String truncated = Files.readString(dir.resolve("scans/srv-01.json")).substring(0, 300);
    Files.writeString(dir.resolve("scans/srv-02.json"), truncated);

    CollectionResult result = Collector.collect(dir, CLOCK);

    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.file()).isEqualTo("scans/srv-02.json");
      assertThat(w.line()).isNotNull();
      assertThat(w.message()).startsWith("malformed JSON");
    });
    NormalizedEvidence evidence = result.evidence();
    assertThat(evidence.passwordPolicies()).singleElement()
        .satisfies(p -> assertThat(p.minLength()).isEqualTo(14))
        .satisfies(p -> assertThat(p.lockoutThreshold()).isEqualTo(5));
    assertThat(evidence.remoteAccess()).extracting(g -> g.source().adapter())
        .containsOnlyOnce("openssh");
    assertThat(evidence.vulnerabilities()).hasSize(2);
    assertThat(evidence.program().policies()).hasSize(1);
    assertThat(Fixtures.schemaViolations(evidence)).isEmpty();
  }

  @Test
  void everyFileIsRecordedWithAdapterHashAndCollectionTime() throws IOException {
    goodFiles();
    Files.writeString(dir.resolve("notes.txt"), "call the auditor on Monday\n");

    CollectionResult result = Collector.collect(dir, CLOCK);

    assertThat(result.evidence().evidenceFiles()).extracting(EvidenceFile::path, EvidenceFile::adapter)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ctpat.yaml", "program-file"),
            org.assertj.core.groups.Tuple.tuple("identity/policy.inf", "windows-secedit"),
            org.assertj.core.groups.Tuple.tuple("network/bastion/sshd_config", "openssh"),
            org.assertj.core.groups.Tuple.tuple("notes.txt", null),
            org.assertj.core.groups.Tuple.tuple("scans/srv-01.json", "trivy"));
    assertThat(result.unrecognized()).containsExactly("notes.txt");
    EvidenceFile notes = result.evidence().evidenceFiles().get(3);
    assertThat(notes.sha256())
        .isEqualTo(com.google.common.hash.Hashing.sha256()
            .hashString("call the auditor on Monday\n", StandardCharsets.UTF_8).toString());
    assertThat(notes.collectedAt()).isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
  }

  @Test
  void binaryFileGivesOneWarningNamingIt() throws IOException {
    Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0, 0, 0, 13});

    CollectionResult result = Collector.collect(dir, CLOCK);

    assertThat(result.warnings()).singleElement()
        .hasToString("image.png: binary content (NUL byte at line 2), not an evidence export");
  }

  @Test
  void fileOverFiftyMegabytesIsSkippedWithAWarning() throws IOException {
    try (RandomAccessFile huge = new RandomAccessFile(dir.resolve("huge.log").toFile(), "rw")) {
      huge.setLength(Collector.MAX_FILE_BYTES + 1);
    }

    CollectionResult result = Collector.collect(dir, CLOCK);

    assertThat(result.warnings()).singleElement()
        .satisfies(w -> assertThat(w.message()).contains("larger than the 50 MB limit; skipped"));
    assertThat(result.evidence().evidenceFiles().get(0).sha256()).isNull();
  }

  @Test
  void invalidUtf8IsReadAsWindows1252WithAWarning() throws IOException {
    byte[] latin1 = "Minimum password length:   12\nLockout threshold:   M\u00fcller 5\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("net-accounts.txt"), latin1);

    CollectionResult result = Collector.collect(dir, CLOCK);

    assertThat(result.warnings()).extracting(Object::toString)
        .contains("net-accounts.txt: not valid UTF-8 at line 2; read as Windows-1252");
    assertThat(result.evidence().passwordPolicies().get(0).minLength()).isEqualTo(12);
  }

  @Test
  void asOfDefaultsToTheClockDateWithoutAProgramFile() {
    CollectionResult result = Collector.collect(dir, CLOCK);

    assertThat(result.evidence().organization().asOf()).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(result.evidence().evidenceFiles()).isEmpty();
  }

  @Test
  void endpointsFromDifferentFilesAreMergedPerHost() throws IOException {
    copyFixture("endpoint/defender-ps51.json", "a/defender.json");
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/tgl-ws-014.json"),
        "{\"AntivirusEnabled\": false, \"RealTimeProtectionEnabled\": false}");

    CollectionResult result = Collector.collect(dir, CLOCK);

    assertThat(result.evidence().endpoints()).singleElement()
        .satisfies(e -> assertThat(e.antimalware().enabled()).isTrue());
  }

  @Test
  void adapterBugBecomesAWarningNotAStackTrace() throws IOException {
    Files.writeString(dir.resolve("x.txt"), "anything\n");
    EvidenceAdapter broken = new EvidenceAdapter() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Match detect(EvidenceInput input) {
        return Match.CONTENT;
      }

      @Override
      public AdapterResult read(EvidenceInput input) {
        throw new IllegalStateException("bug");
      }
    };

    CollectionResult result = Collector.of(List.of(broken)).collectDirectory(dir, CLOCK);

    assertThat(result.warnings()).singleElement()
        .hasToString("x.txt: broken could not read the file (IllegalStateException)");
  }

  @Test
  void normalizedJsonOfTheWholeFixtureSetFitsTheSchema() {
    CollectionResult result = Collector.collect(Fixtures.directory(), CLOCK);

    assertThat(Fixtures.schemaViolations(result.evidence())).isEmpty();
    assertThat(EvidenceJson.write(result.evidence())).contains("\"password_policies\"");
  }

  @Test
  void everyFixtureIsRecognizedBySomeAdapter() {
    CollectionResult result = Collector.collect(Fixtures.directory(), CLOCK);

    assertThat(result.unrecognized()).isEmpty();
  }

  @Test
  void passwdAndLastlogOfOneHostMakeOneAccountWithThePasswdLine() throws IOException {
    copyFixture("accounts/web01/passwd", "hosts/web01/passwd");
    copyFixture("accounts/web01/lastlog.txt", "hosts/web01/lastlog.txt");

    CollectionResult result = Collector.collect(dir, CLOCK);

    assertThat(result.evidence().accounts()).hasSize(11);
    assertThat(result.evidence().accounts()).filteredOn(a -> a.id().equals("jdoe")).singleElement()
        .isEqualTo(new Account("jdoe", "linux:web01", true, null, null, false, null,
            Instant.parse("2026-11-26T16:45:02Z"), null, null, null,
            Source.of("hosts/web01/passwd", 10, "linux-passwd")));
  }

  @Test
  void signatureAgesCountToTheClockDay() throws IOException {
    copyFixture("endpoint/web01/clamscan-version.txt", "web01/clamscan-version.txt");

    CollectionResult result = Collector.collect(dir,
        Clock.fixed(Instant.parse("2026-12-01T23:59:59Z"), ZoneOffset.UTC));

    assertThat(result.evidence().endpoints().get(0).antimalware().signatureAgeDays()).isEqualTo(9);
  }
}
