package dev.ctpat.adapters.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.Source;
import org.junit.jupiter.api.Test;

class DiskEncryptionAdaptersTest {

  private static Endpoint only(AdapterResult result) {
    assertThat(result.evidence().endpoints()).hasSize(1);
    return result.evidence().endpoints().get(0);
  }

  @Test
  void manageBdeWithAnUnprotectedDataVolumeIsNotEncrypted() {
    String file = "encryption/TGL-WS-014/manage-bde-status.txt";
    AdapterResult result = Fixtures.read(new ManageBdeAdapter(), file);

    Endpoint endpoint = only(result);
    assertThat(endpoint.hostname()).isEqualTo("TGL-WS-014");
    assertThat(endpoint.diskEncryption())
        .isEqualTo(new Endpoint.Encryption(false, "BitLocker", Source.of(file, 6, "manage-bde")));
    assertThat(result.warnings()).extracting(Object::toString).containsExactly(
        file + ":21: volume D: is not protected (Fully Decrypted, Protection Off)");
  }

  @Test
  void manageBdeFullyEncryptedAndLockedVolumesAreProtected() {
    AdapterResult result = Fixtures.readText(new ManageBdeAdapter(), "ws-9/manage-bde.txt", """
        Volume C: [OS]
            Conversion Status:    Used Space Only Encrypted
            Protection Status:    Protection On
        Volume E: [Backup]
            Conversion Status:    Unknown
            Protection Status:    Unknown
            Lock Status:          Locked
        """);

    assertThat(only(result).diskEncryption().enabled()).isTrue();
    assertThat(only(result).hostname()).isEqualTo("ws-9");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void nonEnglishManageBdeIsNamedByFileAndWarned() {
    AdapterResult result = Fixtures.readText(new ManageBdeAdapter(), "ws-9/manage-bde.txt", """
        BitLocker-Laufwerkverschlüsselung: Konfigurationstool, Version 10.0.22621
        Volume C: [OS]
            Konvertierungsstatus:  Vollständig verschlüsselt
        """);

    assertThat(result.evidence().endpoints()).isNull();
    assertThat(result.warnings()).singleElement().hasToString(
        "ws-9/manage-bde.txt: no volume status found; only English manage-bde output is read");
  }

  @Test
  void bitLockerVolumesPowerShell7PerComputer() {
    String file = "encryption/bitlocker-volumes-ps7.json";
    AdapterResult result = Fixtures.read(new BitLockerVolumeAdapter(), file);

    assertThat(result.evidence().endpoints()).extracting(Endpoint::hostname, Endpoint::diskEncryption)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TGL-LT-101", new Endpoint.Encryption(true,
                "BitLocker", Source.of(file, 2, "bitlocker-volume"))),
            org.assertj.core.groups.Tuple.tuple("TGL-LT-102", new Endpoint.Encryption(false,
                "BitLocker", Source.of(file, 37, "bitlocker-volume"))));
    assertThat(result.warnings()).extracting(Object::toString).containsExactly(
        file + ":37: volume C: is not protected (EncryptionInProgress, protection Off)");
  }

  @Test
  void bitLockerVolumesPowerShell51NumericEnumsAndALockedDataVolume() {
    String file = "encryption/bitlocker-volumes-ps51.json";
    AdapterResult result = Fixtures.read(new BitLockerVolumeAdapter(), file);

    assertThat(result.warnings()).isEmpty();
    assertThat(only(result).hostname()).isEqualTo("TGL-WS-031");
    assertThat(only(result).diskEncryption())
        .isEqualTo(new Endpoint.Encryption(true, "BitLocker", Source.of(file, 2, "bitlocker-volume")));
  }

  @Test
  void lsblkWithEveryMountOnLuksIsEncrypted() {
    String file = "encryption/web01/lsblk-f.txt";
    AdapterResult result = Fixtures.read(new LsblkAdapter(), file);

    assertThat(result.warnings()).isEmpty();
    assertThat(only(result).hostname()).isEqualTo("web01");
    assertThat(only(result).diskEncryption())
        .isEqualTo(new Endpoint.Encryption(true, "LUKS", Source.of(file, 1, "lsblk")));
  }

  @Test
  void lsblkAsciiTreeWithAPlainDataPartitionIsNotEncrypted() {
    String file = "encryption/db02/lsblk.txt";
    AdapterResult result = Fixtures.read(new LsblkAdapter(), file);

    assertThat(only(result).diskEncryption().enabled()).isFalse();
    assertThat(result.warnings()).extracting(Object::toString).containsExactly(
        file + ":6: /srv/data on sda3 is not on a LUKS-encrypted device");
  }

  @Test
  void cryptsetupActiveLuksMappingMeansEncrypted() {
    String file = "encryption/db02/cryptsetup-status.txt";
    AdapterResult result = Fixtures.read(new CryptsetupStatusAdapter(), file);

    assertThat(result.warnings()).isEmpty();
    assertThat(only(result).hostname()).isEqualTo("db02");
    assertThat(only(result).diskEncryption())
        .isEqualTo(new Endpoint.Encryption(true, "LUKS", Source.of(file, 1, "cryptsetup")));
  }

  @Test
  void cryptsetupNullCipherEncryptsNothing() {
    AdapterResult result = Fixtures.readText(new CryptsetupStatusAdapter(), "h4/cryptsetup.txt", """
        /dev/mapper/reencrypt is active.
          type:    LUKS2
          cipher:  cipher_null-ecb
        """);

    assertThat(only(result).diskEncryption().enabled()).isFalse();
    assertThat(result.warnings()).singleElement().hasToString("h4/cryptsetup.txt:3: "
        + "/dev/mapper/reencrypt is active but uses cipher_null: it encrypts nothing");
  }

  @Test
  void cryptsetupWithOnlyInactiveMappingsSaysNothing() {
    AdapterResult result = Fixtures.readText(new CryptsetupStatusAdapter(), "h4/cryptsetup.txt",
        "/dev/mapper/backup-disk is inactive.\n");

    assertThat(result.evidence().endpoints()).isNull();
    assertThat(result.warnings()).hasSize(1);
  }

  @Test
  void fileVaultOnIsEncrypted() {
    String file = "encryption/mac-07/fdesetup-status.txt";
    Endpoint endpoint = only(Fixtures.read(new FileVaultStatusAdapter(), file));

    assertThat(endpoint.hostname()).isEqualTo("mac-07");
    assertThat(endpoint.diskEncryption())
        .isEqualTo(new Endpoint.Encryption(true, "FileVault", Source.of(file, 1, "filevault")));
  }

  @Test
  void fileVaultStillEncryptingIsNotYetEncrypted() {
    String file = "encryption/mac-08.fdesetup.txt";
    AdapterResult result = Fixtures.read(new FileVaultStatusAdapter(), file);

    assertThat(only(result).hostname()).isEqualTo("mac-08");
    assertThat(only(result).diskEncryption().enabled()).isFalse();
    assertThat(result.warnings()).singleElement().hasToString(
        file + ":2: FileVault is not finished: Encryption in progress: Percent completed = 42.51");
  }
}
