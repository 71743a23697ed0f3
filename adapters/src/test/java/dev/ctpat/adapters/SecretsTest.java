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
  })
  void secretIsNotInTheOutput(String secret) {
    assertThat(OUTPUT).isNotEmpty().doesNotContain(secret);
  }
}
