package dev.ctpat.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.compliance.evidence.EvidenceJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No secret from the fixtures may reach the normalized document or its warnings. */
class SecretsTest {
  private static final String OUTPUT = EvidenceJson.write(Collector.collect(Fixtures.directory(),
      Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC)).evidence());

  @ParameterizedTest
  @ValueSource(strings = {
      "2f1c5a4e9b7d3c8a1e6f0b2d4c9a7e5f", // OpenVPN tls-crypt key
      "f5e7a9c4d2b0f6e1a8c3d7b9e4a5c1f2", // same key, second line
      "BEGIN OpenVPN Static key",
      "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=", // WireGuard private key
      "FpCyhws9cxwWoV4xELtfJvjJN+zQVRPISllRWgeopVE=", // WireGuard pre-shared key
      "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=", // WireGuard peer public key
      "418660-093456-612348-150920-282601-504933-365596-097053", // BitLocker recovery (manage-bde)
      "290268-540463-171578-635987-446127-612128-066022-379566", // BitLocker recovery (PS 7)
      "653620-101970-283635-492536-377531-690075-241120-052800", // BitLocker recovery (PS 7)
      "RecoveryPassword", // not even the name of the property
      "$6$Gq9vT2wL$", // root hash in the shadow copy
      "$y$j9T$Hx0uV9tQ3mPl8cN4$", // yescrypt hash in the shadow copy
      "!$6$Zr8mQ1xP$", // locked account's hash in the shadow copy
      "$1$Vx9cQ2mL$Lw3kP8nB5vT1zR7yQ4sD0.", // hash left in a legacy passwd file
      "3V66T", // partial product keys
      "NPPR9",
      "8HVX7",
      "6F7TH",
  })
  void secretIsNotInTheOutput(String secret) {
    assertThat(OUTPUT).isNotEmpty().doesNotContain(secret);
  }
}
