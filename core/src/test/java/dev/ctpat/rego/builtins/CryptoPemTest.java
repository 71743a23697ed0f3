package dev.ctpat.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cases of this table were run through Go's {@code pem.Decode} for the expected values. */
class CryptoPemTest {
  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\r", "\r");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "-----BEGIN X-----\\nAAEC\\n-----END X-----\\n | X | 000102 | ''",
      "-----BEGIN X-----\\nAAEC\\n-----END X-----\\nrest | X | 000102 | rest",
      "junk\\n-----BEGIN X-----\\nAA EC\\n-----END X-----   \\n\\nmore | X | 000102 | \\nmore",
      "-----BEGIN X-----\\nProc-Type: 4\\n\\nAAEC\\n-----END X----- | X | 000102 | ''",
      "-----BEGIN X-----\\n-----END X-----\\n | X | '' | ''",
      "-----BEGIN X-----\\r\\nAAEC\\r\\n-----END X-----\\r\\nx | X | 000102 | x",
      "-----BEGIN X-----\\nAAE=\\n-----END X-----\\n\\n | X | 0001 | \\n",
      "-----BEGIN -----\\nAAEC\\n-----END -----\\n | '' | 000102 | ''",
      "-----BEGIN A-----\\n-----BEGIN X-----\\nAAEC\\n-----END X-----\\n | X | 000102 | ''"})
  void findsTheFirstWellFormedBlock(String input, String type, String hex, String rest) {
    CryptoPem.Decoded d = CryptoPem.decode(unescape(input).getBytes(StandardCharsets.UTF_8));
    assertThat(d.block().type()).isEqualTo(type);
    assertThat(HexFormat.of().formatHex(d.block().bytes())).isEqualTo(hex);
    assertThat(new String(d.rest(), StandardCharsets.UTF_8)).isEqualTo(unescape(rest));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      // A block whose END names another type, or whose body is not base64, is skipped.
      "-----BEGIN X-----\\nAAEC\\n-----END Y-----\\n-----BEGIN Z-----\\nAAEC\\n-----END Z-----\\n"
          + " | Z",
      "-----BEGIN X-----\\nA!EC\\n-----END X-----\\n-----BEGIN Z-----\\nAAEC\\n-----END Z-----\\n"
          + " | Z"})
  void skipsMalformedCandidates(String input, String type) {
    CryptoPem.Decoded d = CryptoPem.decode(unescape(input).getBytes(StandardCharsets.UTF_8));
    assertThat(d.block().type()).isEqualTo(type);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "-----BEGIN X\\nAAEC\\n-----END X-----\\n",
      "-----BEGIN X-----\\nAAEC\\n-----END X----- trailing\\n",
      "' -----BEGIN X-----\\nAAEC\\n-----END X-----\\n'",
      "x-----BEGIN X-----\\nAAEC\\n-----END X-----\\n",
      "-----BEGIN X-----\\nAAEC",
      "''"})
  void findsNoBlockAndLeavesTheInputAsTheRest(String input) {
    byte[] data = unescape(input).getBytes(StandardCharsets.UTF_8);
    CryptoPem.Decoded d = CryptoPem.decode(data);
    assertThat(d.block()).isNull();
    assertThat(d.rest()).isEqualTo(data);
  }
}
