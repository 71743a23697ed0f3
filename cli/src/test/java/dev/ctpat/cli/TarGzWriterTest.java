package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzWriterTest {
  @TempDir
  Path dir;

  private Map<String, byte[]> roundTrip(Map<String, String> files) throws IOException {
    Path archive = dir.resolve("a.tar.gz");
    try (OutputStream out = Files.newOutputStream(archive);
        TarGzWriter tar = new TarGzWriter(out)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        tar.add(f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return TarEntries.read(archive);
  }

  @Test
  void entriesReadBackWithTheirContent() throws IOException {
    Map<String, byte[]> entries = roundTrip(Map.of("a.txt", "hello", "empty", "",
        "block.txt", "x".repeat(512)));

    assertThat(TarEntries.utf8(entries.get("a.txt"))).isEqualTo("hello");
    assertThat(entries.get("empty")).isEmpty();
    assertThat(entries.get("block.txt")).hasSize(512);
  }

  @Test
  void longNamesAreSplitIntoPrefixAndName() throws IOException {
    String name = "a".repeat(80) + "/" + "b".repeat(60) + "/" + "c".repeat(90) + ".rego";

    assertThat(roundTrip(Map.of(name, "x"))).containsOnlyKeys(name);
    assertThat(TarGzWriter.splitName(name))
        .containsExactly("a".repeat(80) + "/" + "b".repeat(60), "c".repeat(90) + ".rego");
  }

  @Test
  void unicodeNamesSurvive() throws IOException {
    assertThat(roundTrip(Map.of("politiques/sécurité.rego", "x")))
        .containsOnlyKeys("politiques/sécurité.rego");
  }

  @Test
  void aNameThatCannotBeSplitIsRejected() {
    assertThatThrownBy(() -> TarGzWriter.splitName("x".repeat(101)))
        .hasMessageEndingWith("path too long for a ustar entry");
  }
}
