package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.compliance.PolicyPack;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCommandTest {
  @TempDir
  Path dir;

  private Map<String, byte[]> bundle(String... extraArgs) throws IOException {
    Path out = dir.resolve("ctpat.tar.gz");
    String[] args = Stream.concat(Stream.of("bundle", "--output", out.toString()),
        Stream.of(extraArgs)).toArray(String[]::new);
    CliRun run = CliRun.of(args);
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    return TarEntries.read(out);
  }

  private static Value json(byte[] bytes) {
    return Json.parse(TarEntries.utf8(bytes));
  }

  private static Value at(Value v, String... path) {
    for (String key : path) {
      v = ((ObjectValue) v).get(Json.fromJava(key));
    }
    return v;
  }

  @Test
  void manifestComesFirstWithRevisionRootsAndRegoVersion() throws IOException {
    Map<String, byte[]> entries = bundle();

    assertThat(entries.keySet().iterator().next()).isEqualTo(".manifest");
    Value manifest = json(entries.get(".manifest"));
    assertThat(at(manifest, "roots")).isEqualTo(Json.fromJava(List.of("ctpat")));
    assertThat(at(manifest, "revision"))
        .isEqualTo(Json.fromJava(PolicyPack.bundled().sha256()));
    assertThat(at(manifest, "rego_version")).isEqualTo(Json.fromJava(1));
    assertThat(at(manifest, "metadata", "criteria"))
        .isEqualTo(Json.fromJava("4.1,4.2,4.3,4.4,4.5,4.6,4.7,4.8,4.9,4.10,4.11,4.12,4.13,12.8"));
  }

  @Test
  void holdsEveryModuleOfThePackButNoTests() throws IOException {
    Map<String, byte[]> entries = bundle();

    List<String> rego = entries.keySet().stream().filter(n -> n.endsWith(".rego")).toList();
    assertThat(rego).contains("ctpat/criteria/c4_8.rego", "ctpat/criteria/c12_8.rego",
        "ctpat/lib/criterion.rego", "ctpat/report/report.rego")
        .allSatisfy(n -> assertThat(n).startsWith("ctpat/").doesNotEndWith("_test.rego"))
        .isSorted();
    assertThat(rego).hasSize(PolicyPack.bundled().modules().size());
  }

  @Test
  void modulesAreTheSourcesUnchanged() throws IOException {
    Map<String, byte[]> entries = bundle();

    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream(PolicyPack.BUNDLED_ROOT + "/ctpat/criteria/c4_8.rego")) {
      assertThat(entries.get("ctpat/criteria/c4_8.rego")).isEqualTo(TarEntries.bytes(in));
    }
  }

  @Test
  void dataJsonHoldsThePacksDataAtItsPaths() throws IOException {
    Value data = json(bundle().get("data.json"));

    assertThat(data).isEqualTo(PolicyPack.bundled().data());
    assertThat(at(data, "ctpat", "config", "thresholds", "backup_max_age_days"))
        .isEqualTo(Json.fromJava(7));
  }

  @Test
  void theSamePackGivesTheSameBytes() throws IOException {
    Path first = dir.resolve("a.tar.gz");
    Path second = dir.resolve("b.tar.gz");
    CliRun.of("bundle", "--output", first.toString());
    CliRun.of("bundle", "--output", second.toString());

    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
  }

  @Test
  void reportsWhatItWrote() {
    Path out = dir.resolve("ctpat.tar.gz");

    CliRun run = CliRun.of("bundle", "-o", out.toString());

    assertThat(run.out()).startsWith("wrote " + out + ": ")
        .contains("modules, roots [ctpat], revision " + PolicyPack.bundled().sha256());
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
    Path out = dir.resolve("ctpat.tar.gz");
    Files.writeString(out, "old");

    assertThat(CliRun.of("bundle", "--output", out.toString()).exitCode()).isZero();

    assertThat(TarEntries.read(out)).containsKey(".manifest");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void aMissingFolderIsAnInputError() {
    Path out = dir.resolve("no/such/folder/ctpat.tar.gz");

    CliRun run = CliRun.of("bundle", "--output", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(out + ": cannot write the bundle: no such folder ");
    assertThat(out).doesNotExist();
  }

  @Test
  void outputIsRequired() {
    CliRun run = CliRun.of("bundle");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required option: '--output=FILE.tar.gz'");
  }

  @Test
  void bundlesAnotherPackFolderWithItsOwnRoots() throws IOException {
    Path pack = dir.resolve("pack");
    write(pack.resolve("acme/rules.rego"), "package acme.rules\n\nallow := true\n");
    write(pack.resolve("acme/rules_test.rego"),
        "package acme.rules_test\n\ntest_allow if data.acme.rules.allow\n");
    write(pack.resolve("acme/limits/data.json"), "{\"max\": 3}");
    write(pack.resolve("vendor/data.yaml"), "name: acme\n");

    Map<String, byte[]> entries = bundle("--pack", pack.toString());

    assertThat(entries.keySet()).containsExactly(".manifest", "acme/rules.rego", "data.json");
    assertThat(at(json(entries.get(".manifest")), "roots"))
        .isEqualTo(Json.fromJava(List.of("acme", "vendor")));
    assertThat(json(entries.get("data.json"))).isEqualTo(Json.parse(
        "{\"acme\": {\"limits\": {\"max\": 3}}, \"vendor\": {\"name\": \"acme\"}}"));
  }

  @Test
  void aPackThatDoesNotParseIsAnInputErrorWithThePosition() throws IOException {
    Path pack = dir.resolve("pack");
    write(pack.resolve("bad.rego"), "package bad\n\nallow := \n");

    CliRun run = CliRun.of("bundle", "--output", dir.resolve("b.tar.gz").toString(),
        "--pack", pack.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bad.rego:");
    assertThat(dir.resolve("b.tar.gz")).doesNotExist();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
