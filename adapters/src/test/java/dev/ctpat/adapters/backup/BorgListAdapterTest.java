package dev.ctpat.adapters.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.Backup;
import dev.ctpat.compliance.evidence.Source;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BorgListAdapterTest {
  private static final String LIST = "backup/borg-list.json";
  private static final String REPOSITORY = "borg:ssh://borg@backup.example.net:2222/./tradelink";

  @Test
  void newestArchivePerHostNamedByTheArchivePrefix() {
    AdapterResult result = Fixtures.read(new BorgListAdapter(), LIST);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().backups()).containsExactly(
        new Backup("web01", REPOSITORY, Instant.parse("2026-11-26T02:00:02Z"), true, null, null,
            Source.of(LIST, 11, "borg")),
        new Backup("db02", REPOSITORY, Instant.parse("2026-11-19T03:30:01Z"), true, null, null,
            Source.of(LIST, 19, "borg")));
  }

  @Test
  void authenticatedModeSignsButDoesNotEncrypt() {
    AdapterResult result = Fixtures.read(new BorgListAdapter(), "backup/borg-info-authenticated.json");

    assertThat(result.evidence().backups()).singleElement().isEqualTo(new Backup("fileserver01",
        "borg:/mnt/usb-backup/fileserver", Instant.parse("2026-11-26T01:42:17Z"), false, null,
        null, Source.of("backup/borg-info-authenticated.json", 1, "borg")));
  }

  @Test
  void repositoryWithoutArchivesIsABackupThatNeverSucceeded() {
    AdapterResult result = Fixtures.readText(new BorgListAdapter(), "b.json", """
        {"archives": [], "encryption": {"mode": "keyfile"},
         "repository": {"location": "/srv/borg/erp01/"}}
        """);

    assertThat(result.evidence().backups()).singleElement().isEqualTo(new Backup("erp01",
        "borg:/srv/borg/erp01/", null, true, null, null, Source.of("b.json", 2, "borg")));
  }

  @Test
  void passwordInTheRepositoryUrlIsNotCopied() {
    AdapterResult result = Fixtures.readText(new BorgListAdapter(), "b.json",
        "{\"archives\": [], \"encryption\": {\"mode\": \"none\"}, \"repository\": "
            + "{\"location\": \"ssh://borg:s3cr3t-pw@nas:22/./erp\"}}");

    assertThat(result.evidence().backups().get(0).repository()).isEqualTo("borg:ssh://borg@nas:22/./erp");
    assertThat(result.evidence().backups().get(0).encrypted()).isFalse();
  }
}
