package dev.ctpat.adapters.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.Backup;
import dev.ctpat.compliance.evidence.Source;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResticSnapshotsAdapterTest {

  @Test
  void newestSnapshotPerHostInUtc() {
    AdapterResult result = Fixtures.read(new ResticSnapshotsAdapter(), "backup/restic-snapshots.json");

    String file = "backup/restic-snapshots.json";
    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().backups()).containsExactly(
        new Backup("wms01", "restic:" + file, Instant.parse("2026-11-26T00:15:02Z"), true, null,
            null, Source.of(file, 3, "restic")),
        new Backup("files01", "restic:" + file, Instant.parse("2026-11-20T23:00:00Z"), true, null,
            null, Source.of(file, 4, "restic")));
  }

  @Test
  void emptySnapshotListIsEvidenceOfNoBackups() {
    AdapterResult result = Fixtures.readText(new ResticSnapshotsAdapter(), "r.json", "[]");

    assertThat(result.evidence().backups()).isEmpty();
  }
}
