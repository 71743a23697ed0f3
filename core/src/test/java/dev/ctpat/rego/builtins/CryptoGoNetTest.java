package dev.ctpat.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.rego.value.Json;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expected values of these tables are what Go's {@code net} and {@code net/url} give. */
class CryptoGoNetTest {
  @ParameterizedTest
  @CsvSource({
      "1.2.3.4, 01020304, 1.2.3.4",
      "::1, 00000000000000000000000000000001, ::1",
      "::, 00000000000000000000000000000000, ::",
      "1::, 00010000000000000000000000000000, 1::",
      "::ffff:1.2.3.4, 00000000000000000000ffff01020304, 1.2.3.4",
      "2001:db8::1:0:0:1, 20010db8000000000001000000000001, 2001:db8::1:0:0:1",
      "1:0:0:1:0:0:0:1, 00010000000000010000000000000001, 1:0:0:1::1",
      "1:2:3:4:5:6:7:8, 00010002000300040005000600070008, 1:2:3:4:5:6:7:8",
      "::1.2.3.4, 00000000000000000000000001020304, ::102:304",
      "2001:DB8:0:0:8:800:200C:417A, 20010db80000000000080800200c417a, 2001:db8::8:800:200c:417a"})
  void parsesAndPrintsAddressesAsGo(String text, String hex, String printed) {
    byte[] ip = CryptoGoNet.parseIp(text);
    assertThat(HexFormat.of().formatHex(ip)).isEqualTo(hex);
    assertThat(CryptoGoNet.ip(ip)).isEqualTo(printed);
  }

  @ParameterizedTest
  @CsvSource({"01.2.3.4", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "1.2.3", "256.1.1.1",
      "1:::2", ":1", "12345::1", "example.com"})
  void rejectsWhatGoRejects(String text) {
    assertThat(CryptoGoNet.parseIp(text)).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://u.example.com:8443/p%20a?q=1#frag | {\"Scheme\":\"https\",\"Opaque\":\"\","
          + "\"User\":null,\"Host\":\"u.example.com:8443\",\"Path\":\"/p a\",\"RawPath\":\"\","
          + "\"OmitHost\":false,\"ForceQuery\":false,\"RawQuery\":\"q=1\",\"Fragment\":\"frag\","
          + "\"RawFragment\":\"\"}",
      "mailto:a@b.com | {\"Scheme\":\"mailto\",\"Opaque\":\"a@b.com\",\"User\":null,"
          + "\"Host\":\"\",\"Path\":\"\",\"RawPath\":\"\",\"OmitHost\":false,"
          + "\"ForceQuery\":false,\"RawQuery\":\"\",\"Fragment\":\"\",\"RawFragment\":\"\"}",
      "http://user:pw@h.com/a%2Fb?y#f%21 | {\"Scheme\":\"http\",\"Opaque\":\"\",\"User\":{},"
          + "\"Host\":\"h.com\",\"Path\":\"/a/b\",\"RawPath\":\"/a%2Fb\",\"OmitHost\":false,"
          + "\"ForceQuery\":false,\"RawQuery\":\"y\",\"Fragment\":\"f!\","
          + "\"RawFragment\":\"f%21\"}",
      "file:///etc/passwd | {\"Scheme\":\"file\",\"Opaque\":\"\",\"User\":null,\"Host\":\"\","
          + "\"Path\":\"/etc/passwd\",\"RawPath\":\"\",\"OmitHost\":false,\"ForceQuery\":false,"
          + "\"RawQuery\":\"\",\"Fragment\":\"\",\"RawFragment\":\"\"}",
      "http://h.com/a?b? | {\"Scheme\":\"http\",\"Opaque\":\"\",\"User\":null,\"Host\":\"h.com\","
          + "\"Path\":\"/a\",\"RawPath\":\"\",\"OmitHost\":false,\"ForceQuery\":false,"
          + "\"RawQuery\":\"b?\",\"Fragment\":\"\",\"RawFragment\":\"\"}"})
  void parsesUrlsAsGo(String raw, String json) throws Exception {
    assertThat(CryptoGoNet.url(raw)).isEqualTo(Json.parse(json));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1http://x | parse \"1http://x\": first path segment in URL cannot contain colon",
      "http://h.com/%zz | parse \"http://h.com/%zz\": invalid URL escape \"%zz\"",
      ":x | parse \":x\": missing protocol scheme"})
  void reportsUrlsGoRejects(String raw, String message) {
    assertThatThrownBy(() -> CryptoGoNet.url(raw)).hasMessage(message);
  }
}
